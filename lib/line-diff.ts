// A line-by-line difference of two texts (longest common subsequence), for reviewing a
// template text's new version side by side with the one in force.

export type DiffRow = { kind: 'same' | 'removed' | 'added' | 'changed'; left: string | null; right: string | null };

export function lineDiff(before: string, after: string): DiffRow[] {
  const a = before.split('\n');
  const b = after.split('\n');
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const rows: DiffRow[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      rows.push({ kind: 'same', left: a[i]!, right: b[j]! });
      i++;
      j++;
    } else if (j < b.length && (i >= a.length || lcs[i]![j + 1]! > lcs[i + 1]![j]!)) {
      rows.push({ kind: 'added', left: null, right: b[j++]! });
    } else {
      rows.push({ kind: 'removed', left: a[i++]!, right: null });
    }
  }
  // A removed line followed by an added one is one changed line, shown on one row.
  const merged: DiffRow[] = [];
  for (const row of rows) {
    const prev = merged.at(-1);
    if (row.kind === 'added' && prev?.kind === 'removed') merged[merged.length - 1] = { kind: 'changed', left: prev.left, right: row.right };
    else merged.push(row);
  }
  return merged;
}
