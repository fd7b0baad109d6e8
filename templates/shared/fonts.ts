import { Font } from '@react-pdf/renderer';

// DejaVu Sans is embedded (subset) into every PDF: the built-in Helvetica is not embedded
// and garbles letters outside WinAnsi, such as š and ž. The files live in assets/fonts with
// their licence; the renderer passes the directory so templates never touch the file system.
export const FONT_FAMILY = 'DejaVu Sans';

let registeredFrom: string | null = null;

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
  // Whole words only: automatic hyphenation splits Estonian words in wrong places.
  Font.registerHyphenationCallback((word) => [word]);
  registeredFrom = fontDir;
}
