import { StyleSheet } from '@react-pdf/renderer';
import { FONT_FAMILY } from './fonts';

// A4 in points. Margins follow the usual Estonian official letter: a wide left margin for
// binding (25 mm), 18 mm on the right, room at the bottom for the footer.
export const PAGE = { width: 595.28, height: 841.89, left: 71, right: 51, top: 40, bottom: 84 } as const;

export const COLORS = { text: '#141414', muted: '#4a4f57', rule: '#9aa3ad', brand: '#17406d', fill: '#eef2f6' } as const;

export const s = StyleSheet.create({
  page: {
    fontFamily: FONT_FAMILY,
    fontSize: 10,
    lineHeight: 1.45,
    color: COLORS.text,
    paddingTop: PAGE.top,
    paddingLeft: PAGE.left,
    paddingRight: PAGE.right,
    paddingBottom: PAGE.bottom,
  },
  bold: { fontWeight: 'bold' },
  muted: { color: COLORS.muted },
  small: { fontSize: 8.5, lineHeight: 1.35 },
  paragraph: { marginBottom: 8 },
  title: { fontSize: 12.5, fontWeight: 'bold', marginTop: 26, marginBottom: 14 },
  docKind: { fontSize: 13, fontWeight: 'bold' },
  row: { flexDirection: 'row' },
});
