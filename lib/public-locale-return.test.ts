import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './public-locale';

describe('the public language switch’s way back', () => {
  it('keeps a path of the site with its query', () => {
    expect(safeReturnPath('/avalik/2-1/2?aasta=2026')).toBe('/avalik/2-1/2?aasta=2026');
  });
  it.each(['/\t/evil.example', '/\\evil.example', '//evil.example', 'https://evil.example/', 'javascript:alert(1)', '', null])(
    'never leaves the site (%j)',
    (target) => {
      expect(safeReturnPath(target)).toBe('/avalik');
    },
  );
});
