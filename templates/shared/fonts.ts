import { Font } from '@react-pdf/renderer';

// DejaVu Sans is embedded (subset) into every PDF: the built-in Helvetica is not embedded
// and garbles letters outside WinAnsi, such as š and ž. The files live in assets/fonts with
// their licence; the renderer passes the directory so templates never touch the file system.
export const FONT_FAMILY = 'DejaVu Sans';

let registeredFrom: string | null = null;
const LONG_WORD = 40;

export function registerFonts(fontDir: string): void {
  if (registeredFrom === fontDir) return;
  const dir = fontDir.replace(/\/$/, '');
  Font.register({
    family: FONT_FAMILY,
    fonts: [
      { src: `${dir}/DejaVuSans.ttf`, fontWeight: 'normal' },
      { src: `${dir}/DejaVuSans-Bold.ttf`, fontWeight: 'bold' },
    ],
  });
  // Whole words only: automatic hyphenation splits Estonian words in wrong places. A word
  // longer than a line (an administrator's text, a long compound) would lose its end, so such
  // a word may break into pieces of 12 letters.
  Font.registerHyphenationCallback((word) => (word.length > LONG_WORD ? (word.match(/.{1,12}/gsu) ?? [word]) : [word]));
  registeredFrom = fontDir;
}
