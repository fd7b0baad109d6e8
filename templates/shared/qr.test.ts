import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { qrPath } from './qr';

describe('QR code path', () => {
  it('covers exactly the dark modules of the symbol, inside a quiet zone', () => {
    const value = 'https://toolaud.sotsiaalkindlustusamet.ee/kontrolli?kood=K7QF-3M9X-TRF';
    const { modules } = QRCode.create(value, { errorCorrectionLevel: 'M' });
    const { d, size } = qrPath(value);
    expect(size).toBe(modules.size + 8);
    const drawn = new Set<string>();
    for (const [, x, y, run] of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\3z/g)) {
      for (let i = 0; i < Number(run); i++) drawn.add(`${Number(x) + i},${y}`);
    }
    expect(d.replace(/M(\d+) (\d+)h(\d+)v1h-\3z/g, '')).toBe('');
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        const inside = x >= 4 && y >= 4 && x < size - 4 && y < size - 4;
        expect(drawn.has(`${x},${y}`), `${x},${y}`).toBe(inside && modules.get(y - 4, x - 4) === 1);
      }
    }
  });
});
