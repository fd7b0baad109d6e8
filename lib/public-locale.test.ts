import { describe, expect, it } from 'vitest';
import { isCacheablePublicPath, isPublicPath, publicLocale, safeReturnPath } from './public-locale';

describe('the public pages’ language', () => {
  it('takes the edge’s choice, then the cookie, then the first Estonian or English tag the browser lists', () => {
    expect(publicLocale('et', 'en-GB,en;q=0.9', 'en')).toBe('en');
    expect(publicLocale('en', 'et-EE,et;q=0.9', null)).toBe('en');
    expect(publicLocale(undefined, 'fi-FI,fi;q=0.9,en-US;q=0.8,et;q=0.7')).toBe('en');
    expect(publicLocale(undefined, 'de, et-EE;q=0.5')).toBe('et');
    expect(publicLocale('xx', 'ru-RU')).toBe('et');
    expect(publicLocale(null, null)).toBe('et');
  });

  it('knows which paths are public and which of them may be cached', () => {
    expect(isPublicPath('/avalik')).toBe(true);
    expect(isPublicPath('/avalik/2-1/1534-1')).toBe(true);
    expect(isPublicPath('/kontrolli')).toBe(true);
    expect(isPublicPath('/avalikud')).toBe(false);
    expect(isPublicPath('/dokumendid')).toBe(false);
    expect(isCacheablePublicPath('/avalik/andmed.json')).toBe(true);
    expect(isCacheablePublicPath('/kontrolli')).toBe(false);
  });

  it('sends the language switch back to a path on this site only', () => {
    expect(safeReturnPath('/avalik?tekst=pension')).toBe('/avalik?tekst=pension');
    expect(safeReturnPath('//evil.example/')).toBe('/avalik');
    expect(safeReturnPath('https://evil.example/')).toBe('/avalik');
    expect(safeReturnPath('/\\evil.example')).toBe('/avalik');
  });
});
