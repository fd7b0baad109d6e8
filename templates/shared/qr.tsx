import { Path, Svg } from '@react-pdf/renderer';
import QRCode from 'qrcode';

const QUIET_ZONE = 4;

/**
 * The QR code as one SVG path in module units, with the four-module quiet zone scanners
 * need: one rectangle per horizontal run of dark modules, a third of the path commands
 * react-pdf would otherwise parse for single modules.
 */
export function qrPath(value: string): { d: string; size: number } {
  const { modules } = QRCode.create(value, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  let d = '';
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      if (!modules.get(y, x)) continue;
      let run = 1;
      while (x + run < n && modules.get(y, x + run)) run++;
      d += `M${x + QUIET_ZONE} ${y + QUIET_ZONE}h${run}v1h-${run}z`;
      x += run - 1;
    }
  }
  return { d, size: n + 2 * QUIET_ZONE };
}

/** A QR code drawn as vector graphics: crisp at any zoom and in print, no image to decode. */
export function QrCode({ value, size }: { value: string; size: number }) {
  const path = qrPath(value);
  return (
    <Svg width={size} height={size} viewBox={`0 0 ${path.size} ${path.size}`}>
      <Path d={path.d} fill="#000000" />
    </Svg>
  );
}
