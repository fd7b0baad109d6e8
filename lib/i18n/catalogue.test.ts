import { describe, expect, it } from 'vitest';
import { en, et } from './catalogue';
import { fill, messageByKey } from './index';

const keys = (o: object, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));

describe('message catalogue', () => {
  it('has every Estonian key in English too, and nothing empty', () => {
    expect(keys(en).sort()).toEqual(keys(et).sort());
    for (const key of keys(et)) {
      expect(messageByKey(et, key).trim()).not.toBe('');
      expect(messageByKey(en, key).trim()).not.toBe('');
    }
  });

  it('fills placeholders and leaves unknown ones', () => {
    expect(fill('Tere, {name}! {x}', { name: 'Mari' })).toBe('Tere, Mari! {x}');
  });
});
