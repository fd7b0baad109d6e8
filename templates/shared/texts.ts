import { Lexer, type Token, type Tokens } from 'marked';
import type { z } from 'zod';
import type { Language, Localized } from './language';

// The texts of a template that an administrator may change: its headings, body paragraphs,
// closing lines and footnotes, each a *block* in Estonian and in English. A block is a small
// subset of Markdown (paragraphs, **bold**, *italic*, lists, line breaks) with placeholders
// for the template's data (`{klient.nimi}`). marked's lexer reads the Markdown; only the
// tokens below are kept, as our own small tree (`TextBlock`), which templates/shared/
// text-block.tsx maps to react-pdf elements. No HTML is produced at any point, and the data
// put in place of a placeholder is never read as Markdown.

export type Inline = { t: 'text'; v: string } | { t: 'ph'; name: string } | { t: 'b' | 'i'; c: Inline[] } | { t: 'br' };
export type Block = { t: 'p'; c: Inline[] } | { t: 'ul' | 'ol'; items: Inline[][] };
/** One block, parsed: plain JSON, so it crosses to the render worker as it is. */
export type TextBlock = Block[];

/**
 * `heading`: one line of plain text and placeholders; `text`: the Markdown subset; `plain`:
 * paragraphs, line breaks and lists but no emphasis (a notification e-mail and the bell are
 * plain text first, so bold could not be kept everywhere the words go).
 */
export type BlockKind = 'heading' | 'text' | 'plain';

export type BlockSpec = {
  key: string;
  label: Localized;
  kind: BlockKind;
  /** Characters, the Markdown included. */
  max: number;
  /** Placeholders the block must contain (a certificate that does not name the person is no certificate). */
  required?: readonly string[];
  /**
   * The only placeholders this block may use, when they are fewer than the template's: a
   * notification's subject knows the facts of its own event and no other's.
   */
  placeholders?: readonly string[];
  /** Version 1: the wording the template printed before its texts could be edited. */
  initial: Localized;
};

export type Placeholder<D> = {
  /** The field of the template's schema the value comes from (checked against the schema by a test). */
  path: string;
  value: (data: D, language: Language) => string;
};

export type TemplateTextSpec<D = never> = {
  blocks: readonly BlockSpec[];
  placeholders: Record<string, Placeholder<D>>;
};

/** The source of a version's blocks: block key → Markdown per language. */
export type BlockSources = Record<string, Localized>;
/** What the renderer gets: the version and its blocks, parsed. */
export type DocumentTexts = { version: number; blocks: Record<string, Record<Language, TextBlock>> };

export type TextProblemReason =
  | 'empty'
  | 'tooLong'
  | 'notAllowed'
  | 'nestedList'
  | 'unbalanced'
  | 'forbiddenCharacter'
  | 'unknownPlaceholder'
  | 'missingPlaceholder'
  | 'headingOneLine'
  | 'unknownBlock';

/** A refusal: the line of the block (1-based; 0 for the block as a whole) and why. */
export type TextProblem = { block: string; language: Language; line: number; reason: TextProblemReason; detail?: string };

const KEPT_INLINE = new Set(['text', 'strong', 'em', 'br', 'escape']);
const NAMES: Record<string, string> = {
  heading: '#',
  code: '```',
  codespan: '`',
  blockquote: '>',
  hr: '---',
  html: 'HTML',
  table: '|',
  link: '[ ](…)',
  image: '![ ](…)',
  del: '~~',
  def: '[ ]:',
  checkbox: '[ ]',
};

const lineAt = (source: string, offset: number) => source.slice(0, Math.max(0, offset)).split('\n').length;

/** Edit distance, to suggest the placeholder that was meant. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const next = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = row[j]!;
      row[j] = next;
    }
  }
  return row[b.length]!;
}

export function suggestPlaceholder(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = distance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

type Report = (offset: number, reason: TextProblemReason, detail?: string) => void;

/**
 * Splits a text token into text and placeholders, reporting what does not belong there:
 * a delimiter left over from unbalanced markup, a stray brace, or a `<`/`>`.
 */
function textPieces(value: string, offset: number, escaped: boolean, known: ReadonlySet<string>, report: Report): Inline[] {
  if (escaped) return [{ t: 'text', v: value }];
  const pieces: Inline[] = [];
  let last = 0;
  for (const match of value.matchAll(/\{([^{}\n]*)\}/g)) {
    const before = value.slice(last, match.index);
    if (before) pieces.push({ t: 'text', v: before });
    const name = match[1]!.trim();
    if (!known.has(name)) report(offset + match.index!, 'unknownPlaceholder', name);
    pieces.push({ t: 'ph', name });
    last = match.index! + match[0].length;
  }
  if (last < value.length) pieces.push({ t: 'text', v: value.slice(last) });
  for (const piece of pieces) {
    if (piece.t !== 'text') continue;
    const at = value.indexOf(piece.v);
    const stray = /[*_]/.exec(piece.v);
    if (stray) report(offset + at + stray.index, 'unbalanced', stray[0]);
    const brace = /[{}]/.exec(piece.v);
    if (brace) report(offset + at + brace.index, 'unbalanced', brace[0]);
    const angle = /[<>\u0000-\u0008\u000b-\u001f]/.exec(piece.v);
    if (angle) report(offset + at + angle.index, 'forbiddenCharacter', angle[0]);
  }
  return pieces;
}

function inlines(tokens: readonly Token[], offset: number, known: ReadonlySet<string>, report: Report, emphasis = true): Inline[] {
  const out: Inline[] = [];
  let at = offset;
  for (const token of tokens) {
    if (token.type === 'link' && token.raw === (token as Tokens.Link).text) {
      // A bare address or e-mail (GFM's autolink) is text, printed as written.
      out.push({ t: 'text', v: token.raw });
    } else if (!KEPT_INLINE.has(token.type)) {
      report(at, 'notAllowed', NAMES[token.type] ?? token.type);
    } else if (token.type === 'br') {
      out.push({ t: 'br' });
    } else if ((token.type === 'strong' || token.type === 'em') && !emphasis) {
      report(at, 'notAllowed', token.type === 'strong' ? '**' : '*');
    } else if (token.type === 'strong' || token.type === 'em') {
      const inner = (token as Tokens.Strong).tokens;
      const open = token.raw.indexOf((token as Tokens.Strong).text);
      out.push({ t: token.type === 'strong' ? 'b' : 'i', c: inlines(inner, at + Math.max(0, open), known, report) });
    } else if (token.type === 'text' && 'tokens' in token && token.tokens?.length) {
      out.push(...inlines(token.tokens, at, known, report, emphasis));
    } else {
      const text = token as Tokens.Text | Tokens.Escape;
      out.push(...textPieces(text.text, at, token.type === 'escape', known, report));
    }
    at += token.raw.length;
  }
  // Neighbouring text pieces become one (an escape splits them), so the PDF has fewer runs.
  return out.reduce<Inline[]>((merged, piece) => {
    const prev = merged.at(-1);
    if (prev?.t === 'text' && piece.t === 'text') prev.v += piece.v;
    else merged.push(piece.t === 'text' ? { ...piece } : piece);
    return merged;
  }, []);
}

function placeholdersIn(block: TextBlock): Set<string> {
  const found = new Set<string>();
  const walk = (nodes: Inline[]) => {
    for (const n of nodes) {
      if (n.t === 'ph') found.add(n.name);
      else if (n.t === 'b' || n.t === 'i') walk(n.c);
    }
  };
  for (const b of block) (b.t === 'p' ? [b.c] : b.items).forEach(walk);
  return found;
}

export type ParseResult = { ok: true; block: TextBlock } | { ok: false; problems: Omit<TextProblem, 'block' | 'language'>[] };

/** Parses one block's Markdown, keeping only the subset; every refusal has its line and reason. */
export function parseBlock(source: string, spec: Pick<BlockSpec, 'kind' | 'max' | 'required' | 'placeholders'>, placeholders: readonly string[]): ParseResult {
  const text = source.replace(/\r\n?/g, '\n');
  const problems: Omit<TextProblem, 'block' | 'language'>[] = [];
  const report: Report = (offset, reason, detail) => {
    if (reason === 'unknownPlaceholder' && detail !== undefined) {
      const hint = suggestPlaceholder(detail, spec.placeholders ?? placeholders);
      detail = hint ? `${detail} → ${hint}` : detail;
    }
    problems.push({ line: lineAt(text, offset), reason, ...(detail !== undefined ? { detail } : {}) });
  };
  if (text.trim() === '') return { ok: false, problems: [{ line: 0, reason: 'empty' }] };
  if (text.length > spec.max) return { ok: false, problems: [{ line: 0, reason: 'tooLong', detail: String(spec.max) }] };
  const allowed = spec.placeholders ?? placeholders;
  const known = new Set(allowed);
  const emphasis = spec.kind !== 'plain';
  const tokens = new Lexer({ gfm: true, breaks: true }).lex(text);
  const block: TextBlock = [];
  let at = 0;
  for (const token of tokens) {
    if (token.type === 'space') {
      // nothing: paragraphs are separate blocks already
    } else if (token.type === 'paragraph' || token.type === 'text') {
      block.push({ t: 'p', c: inlines((token as Tokens.Paragraph).tokens ?? [token], at, known, report, emphasis) });
    } else if (token.type === 'list') {
      const list = token as Tokens.List;
      const items: Inline[][] = [];
      let itemAt = at;
      for (const item of list.items) {
        const content: Inline[] = [];
        for (const child of item.tokens) {
          if (child.type === 'list') report(itemAt + item.raw.indexOf(child.raw), 'nestedList');
          else if (child.type === 'text' || child.type === 'paragraph') {
            if (content.length) content.push({ t: 'br' });
            content.push(...inlines((child as Tokens.Text).tokens ?? [child], itemAt + item.raw.indexOf(child.raw), known, report, emphasis));
          } else if (child.type !== 'space') report(itemAt, 'notAllowed', NAMES[child.type] ?? child.type);
        }
        items.push(content);
        itemAt += item.raw.length;
      }
      block.push({ t: list.ordered ? 'ol' : 'ul', items });
    } else {
      report(at, 'notAllowed', NAMES[token.type] ?? token.type);
    }
    at += token.raw.length;
  }
  if (spec.kind === 'heading') {
    const single = block.length === 1 && block[0]!.t === 'p' && block[0]!.c.every((n) => n.t === 'text' || n.t === 'ph');
    if (!single) problems.push({ line: 0, reason: 'headingOneLine' });
  }
  const present = placeholdersIn(block);
  for (const name of spec.required ?? []) if (!present.has(name)) problems.push({ line: 0, reason: 'missingPlaceholder', detail: name });
  problems.sort((a, b) => a.line - b.line);
  return problems.length ? { ok: false, problems } : { ok: true, block };
}

/**
 * Checks every block of a version in both languages. Returns the parsed texts, or every
 * problem found (a version is saved only whole and valid).
 */
export function checkTexts(
  spec: TemplateTextSpec<never>,
  sources: BlockSources,
  version: number,
): { ok: true; texts: DocumentTexts } | { ok: false; problems: TextProblem[] } {
  const problems: TextProblem[] = [];
  const blocks: DocumentTexts['blocks'] = {};
  const names = Object.keys(spec.placeholders);
  for (const key of Object.keys(sources)) {
    if (!spec.blocks.some((b) => b.key === key)) problems.push({ block: key, language: 'et', line: 0, reason: 'unknownBlock' });
  }
  for (const blockSpec of spec.blocks) {
    const parsed = {} as Record<Language, TextBlock>;
    for (const language of ['et', 'en'] as const) {
      const result = parseBlock(sources[blockSpec.key]?.[language] ?? '', blockSpec, names);
      if (result.ok) parsed[language] = result.block;
      else problems.push(...result.problems.map((p) => ({ block: blockSpec.key, language, ...p })));
    }
    blocks[blockSpec.key] = parsed;
  }
  return problems.length ? { ok: false, problems } : { ok: true, texts: { version, blocks } };
}

/** Version 1 of a template's texts: the wording in code. */
export function initialSources(spec: TemplateTextSpec<never>): BlockSources {
  return Object.fromEntries(spec.blocks.map((b) => [b.key, { ...b.initial }]));
}

const initialCache = new WeakMap<object, DocumentTexts>();

/** Version 1, parsed (once per process). Throws if the wording in code breaks its own rules. */
export function initialTexts(spec: TemplateTextSpec<never>): DocumentTexts {
  let texts = initialCache.get(spec);
  if (!texts) {
    const checked = checkTexts(spec, initialSources(spec), 1);
    if (!checked.ok) throw new Error(`Template texts in code are invalid: ${JSON.stringify(checked.problems)}`);
    texts = checked.texts;
    initialCache.set(spec, texts);
  }
  return texts;
}

/** The plain text of a parsed block with its placeholders filled (headings, document titles, previews). */
export function plainText(block: TextBlock, value: (name: string) => string): string {
  const inline = (nodes: Inline[]): string =>
    nodes.map((n) => (n.t === 'text' ? n.v : n.t === 'ph' ? value(n.name) : n.t === 'br' ? '\n' : inline(n.c))).join('');
  return block
    .map((b) => (b.t === 'p' ? inline(b.c) : b.items.map((item, i) => `${b.t === 'ol' ? `${i + 1}.` : '•'} ${inline(item)}`).join('\n')))
    .join('\n\n');
}

/** The field paths of a zod schema (objects walked through optional, nullable, default and pipes). */
export function schemaPaths(schema: z.ZodType): Set<string> {
  const paths = new Set<string>();
  const walk = (node: unknown, prefix: string) => {
    let current = node as { def?: { type?: string; innerType?: unknown; in?: unknown; shape?: Record<string, unknown> } } | undefined;
    for (let guard = 0; guard < 10 && current?.def; guard++) {
      const def = current.def;
      if (['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional'].includes(def.type ?? ''))
        current = def.innerType as typeof current;
      else if (def.type === 'pipe') current = def.in as typeof current;
      else break;
    }
    if (prefix) paths.add(prefix);
    const shape = current?.def?.type === 'object' ? current.def.shape : undefined;
    if (shape) for (const [key, child] of Object.entries(shape)) walk(child, prefix ? `${prefix}.${key}` : key);
  };
  walk(schema, '');
  return paths;
}
