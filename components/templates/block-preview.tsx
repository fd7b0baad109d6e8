import type { Inline, TextBlock } from '@/templates/registry';

// A parsed text block shown in the portal with sample data, as the PDF prints it: paragraphs,
// bold, italic, lists and line breaks. React escapes every string; no HTML is built.

function Runs({ nodes, values }: { nodes: Inline[]; values: Record<string, string> }) {
  return (
    <>
      {nodes.map((n, i) =>
        n.t === 'text' ? (
          n.v
        ) : n.t === 'ph' ? (
          <mark key={i} className="bg-amber-100 text-inherit">
            {values[n.name] ?? ''}
          </mark>
        ) : n.t === 'br' ? (
          <br key={i} />
        ) : n.t === 'b' ? (
          <strong key={i}>
            <Runs nodes={n.c} values={values} />
          </strong>
        ) : (
          <em key={i}>
            <Runs nodes={n.c} values={values} />
          </em>
        ),
      )}
    </>
  );
}

export function BlockPreview({ block, values }: { block: TextBlock; values: Record<string, string> }) {
  return (
    <div className="flex flex-col gap-2">
      {block.map((b, i) =>
        b.t === 'p' ? (
          <p key={i}>
            <Runs nodes={b.c} values={values} />
          </p>
        ) : b.t === 'ul' ? (
          <ul key={i} className="list-disc pl-6">
            {b.items.map((item, j) => (
              <li key={j}>
                <Runs nodes={item} values={values} />
              </li>
            ))}
          </ul>
        ) : (
          <ol key={i} className="list-decimal pl-6">
            {b.items.map((item, j) => (
              <li key={j}>
                <Runs nodes={item} values={values} />
              </li>
            ))}
          </ol>
        ),
      )}
    </div>
  );
}
