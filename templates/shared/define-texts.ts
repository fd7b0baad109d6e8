import type { Localized } from './language';
import type { BlockSpec, Placeholder } from './texts';

// The shapes every template's texts.ts repeats, written once: a heading, a text block, and
// the placeholders of the person a document is about (templates/shared/texts.ts says what
// blocks and placeholders are).

/** A heading: one line of plain text and placeholders, at most 200 characters. */
export const heading = (key: string, label: Localized, initial: Localized): BlockSpec => ({ key, label, kind: 'heading', max: 200, initial });

/** A block of the Markdown subset: at most `max` characters, and the placeholders it must contain. */
export const text = (key: string, label: Localized, limits: { max: number; required?: readonly string[] }, initial: Localized): BlockSpec => ({
  key,
  label,
  kind: 'text',
  ...limits,
  initial,
});

/** `{klient.nimi}` and `{klient.isikukood}` (or another prefix's): the person the document is about, from its `client`. */
export function clientPlaceholders<D extends { client: { name: string; personalCode: string } }>(prefix = 'klient'): Record<string, Placeholder<D>> {
  return {
    [`${prefix}.nimi`]: { path: 'client.name', value: (d) => d.client.name },
    [`${prefix}.isikukood`]: { path: 'client.personalCode', value: (d) => d.client.personalCode },
  };
}
