import { describe, expect, it } from 'vitest';
import { fitsSepa, sepaField, toSepaText } from './sepa-text';

describe('SEPA character set', () => {
  it('transliterates Estonian and other Latin letters', () => {
    expect(toSepaText('Ülle-Mai Pärnpuu')).toBe('Ulle-Mai Parnpuu');
    expect(toSepaText('Jõesaar Šmidt Žanna Kuznetšova')).toBe('Joesaar Smidt Zanna Kuznetsova');
    expect(toSepaText('MARY ÄNN O’CONNEŽ-ŠUSLIK')).toBe("MARY ANN O'CONNEZ-SUSLIK");
    expect(toSepaText('Õie Öö')).toBe('Oie Oo');
  });

  it('refuses what has no Latin form', () => {
    expect(fitsSepa('Иван Петров')).toBe(false);
    expect(fitsSepa('Mari Tamm')).toBe(true);
    expect(toSepaText('a@b')).toBeNull();
  });

  it('cuts to the field length', () => {
    expect(sepaField('x'.repeat(80), 70)).toHaveLength(70);
  });
});
