import { Path, Svg } from '@react-pdf/renderer';
import QRCode from 'qrcode';

/**
 * A QR code drawn as one vector path (crisp at any zoom and in print, no image decoding),
 * with the four-module quiet zone scanners need.
 */
export function QrCode({ value, size }: { value: string; size: number }) {
  const { modules } = QRCode.create(value, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  const quiet = 4;
  let d = '';
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      if (modules.get(y, x)) d += `M${x + quiet} ${y + quiet}h1v1h-1z`;
    }
  }
  const total = n + 2 * quiet;
  return (
    <Svg width={size} height={size} viewBox={`0 0 ${total} ${total}`}>
      <Path d={d} fill="#000000" />
    </Svg>
  );
}
