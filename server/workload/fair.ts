// Fair distribution, the pure rule: the person with the fewest open documents gets the
// next one; among equals, the next one in the unit's order after whoever got the last
// (round-robin), so equal loads take turns instead of the first name always winning.

export type Candidate = { id: string; open: number };

export function chooseFairly(members: readonly Candidate[], lastId: string | null): { chosen: Candidate; tied: Candidate[] } | null {
  if (members.length === 0) return null;
  const fewest = Math.min(...members.map((m) => m.open));
  const tied = members.filter((m) => m.open === fewest);
  const lastIndex = lastId ? members.findIndex((m) => m.id === lastId) : -1;
  const chosen = tied.find((m) => members.indexOf(m) > lastIndex) ?? tied[0]!;
  return { chosen, tied };
}
