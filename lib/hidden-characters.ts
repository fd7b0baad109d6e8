// Characters that change how text looks without showing themselves: the bidirectional
// embeddings, overrides and isolates (U+202A–202E, U+2066–2069), the Arabic letter mark
// (U+061C), the zero-width space, joiners and direction marks (U+200B–200F) and the
// zero-width no-break space (U+FEFF). `invoice_<U+202E>fdp.exe.png` reads as
// "invoice_gnp.exe.pdf". Nothing the customer service writes needs them: file names lose
// them, titles and names refuse them (the text stays as the person wrote it, never quietly
// altered), and exports show them as visible code points.

const HIDDEN = /[\u061C\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

export function hasHiddenCharacters(text: string): boolean {
  return new RegExp(HIDDEN.source).test(text);
}

/** For zod: `.refine(noHiddenCharacters, 'errors.hiddenCharacters')` on titles and names. */
export const noHiddenCharacters = (text: string): boolean => !hasHiddenCharacters(text);

/** The text without them (file names only: free text is refused instead). */
export function stripHiddenCharacters(text: string): string {
  return text.replace(HIDDEN, '');
}

/** Each one written out as `[U+202E]`, so an export shows what is there. */
export function showHiddenCharacters(text: string): string {
  return text.replace(HIDDEN, (c) => `[U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}]`);
}
