import { describe, expect, it } from 'vitest';
import { optionalText, text } from './fields';

describe('a document’s one-line text', () => {
  it('refuses bidirectional and zero-width characters with the field’s message', () => {
    expect(text(120).safeParse('Juhataja\u202E').error?.issues[0]?.message).toBe('errors.hiddenCharacters');
    expect(optionalText(120).safeParse('\u2066Osakond\u2069').error?.issues[0]?.message).toBe('errors.hiddenCharacters');
    expect(text(120).safeParse('Juhataja').success).toBe(true);
  });
});
