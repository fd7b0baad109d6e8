import { Text, View } from '@react-pdf/renderer';
import type { Style } from '@react-pdf/stylesheet';
import { s } from './styles';
import { initialTexts, plainText, type Inline, type TemplateTextSpec, type TextBlock } from './texts';
import type { Language, RenderContext } from './types';

// Our mapping of a parsed text block (templates/shared/texts.ts) to react-pdf: a paragraph
// is a Text (one Text per line when it has line breaks: a line feed inside a Text falls back
// to Helvetica), bold a bold Text, italic a muted one (the embedded font has no italic face),
// a list rows of marker and text. Placeholder values are inserted as plain strings.

type Values = (name: string) => string;

function Runs({ nodes, value }: { nodes: Inline[]; value: Values }) {
  // Text and placeholder values next to each other become one string: react-pdf may break a
  // line (and add a hyphen) between two strings, as in "46208141332-" + ")".
  const parts: React.ReactNode[] = [];
  for (const [i, n] of nodes.entries()) {
    const piece = n.t === 'text' ? n.v : n.t === 'ph' ? value(n.name) : null;
    if (piece !== null) {
      if (typeof parts.at(-1) === 'string') parts[parts.length - 1] += piece;
      else parts.push(piece);
    } else if (n.t === 'b' || n.t === 'i') {
      parts.push(
        <Text key={i} style={n.t === 'b' ? s.bold : s.muted}>
          <Runs nodes={n.c} value={value} />
        </Text>,
      );
    }
  }
  return <>{parts}</>;
}

/** Splits inline nodes at line breaks. */
function lines(nodes: Inline[]): Inline[][] {
  const out: Inline[][] = [[]];
  for (const n of nodes) {
    if (n.t === 'br') out.push([]);
    else out.at(-1)!.push(n);
  }
  return out;
}

export function TextBlockView({ block, value, style, lastStyle }: { block: TextBlock; value: Values; style?: Style | Style[]; lastStyle?: Style }) {
  const base = style ? (Array.isArray(style) ? style : [style]) : [];
  return (
    <>
      {block.map((b, i) => {
        const extra = i === block.length - 1 && lastStyle ? [...base, lastStyle] : base;
        if (b.t === 'p') {
          const split = lines(b.c);
          if (split.length === 1)
            return (
              <Text key={i} style={[s.paragraph, ...extra]}>
                <Runs nodes={b.c} value={value} />
              </Text>
            );
          return (
            <View key={i} style={[s.paragraph, ...extra]}>
              {split.map((line, j) => (
                <Text key={j}>
                  <Runs nodes={line} value={value} />
                </Text>
              ))}
            </View>
          );
        }
        return (
          <View key={i} style={[{ marginBottom: 8 }, ...extra]}>
            {b.items.map((item, j) => (
              <View key={j} wrap={false} style={{ flexDirection: 'row', marginBottom: 2 }}>
                <Text style={{ width: 18 }}>{b.t === 'ol' ? `${j + 1}.` : '•'}</Text>
                <View style={{ flex: 1 }}>
                  {lines(item).map((line, k) => (
                    <Text key={k}>
                      <Runs nodes={line} value={value} />
                    </Text>
                  ))}
                </View>
              </View>
            ))}
          </View>
        );
      })}
    </>
  );
}

/**
 * A template's texts for one document: the version the issuing chose (ctx.texts), else
 * version 1 from code. `block(key)` renders a block, `plain(key)` gives its text (headings).
 */
export function documentTexts<D>(spec: TemplateTextSpec<D>, ctx: RenderContext, language: Language, data: D) {
  const texts = ctx.texts ?? initialTexts(spec as TemplateTextSpec<never>);
  const value: Values = (name) => spec.placeholders[name]?.value(data, language) ?? '';
  const get = (key: string): TextBlock => texts.blocks[key]?.[language] ?? initialTexts(spec as TemplateTextSpec<never>).blocks[key]![language];
  return {
    version: texts.version,
    /** `lastStyle` goes on the block's last paragraph or list only (a closing with no space under it). */
    block: (key: string, style?: Style | Style[], lastStyle?: Style) => <TextBlockView block={get(key)} value={value} style={style} lastStyle={lastStyle} />,
    plain: (key: string) => plainText(get(key), value),
  };
}
