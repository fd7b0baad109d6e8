import { describe, expect, it } from 'vitest';
import { CATEGORIES, categoryGroup, incidentReportSchema, MAX_FILE_BYTES, MAX_FILES, MAX_TOTAL_BYTES, priorityFor, TRANSITIONS } from './incident-schema';
import { UPLOAD_LIMITS } from './upload-limits';

describe('incident priority', () => {
  it.each([
    [true, 1, 'high'],
    [true, 2, 'critical'],
    [true, 5, 'critical'],
    [true, 40, 'critical'],
    [false, 1, 'low'],
    [false, 3, 'normal'],
    [false, 5, 'normal'],
    [false, 6, 'high'],
  ] as const)('service blocked %s, %i affected → %s', (blocked, people, priority) => {
    expect(priorityFor(blocked, people)).toBe(priority);
  });
});

describe('incident categories and statuses', () => {
  it('puts every category in one group', () => {
    expect(CATEGORIES).toContain('id_card_reader');
    expect(categoryGroup('id_card_reader')).toBe('hardware');
    expect(categoryGroup('access_rights')).toBe('software');
    expect(categoryGroup('heating_cooling')).toBe('premises');
  });

  it('never leaves closed, and only names known statuses', () => {
    expect(TRANSITIONS.closed).toEqual([]);
    for (const next of Object.values(TRANSITIONS)) for (const s of next) expect(Object.keys(TRANSITIONS)).toContain(s);
  });
});

describe('incident report schema', () => {
  const valid = {
    category: 'printer',
    officeCode: 'tallinn',
    place: 'Kabinet 214',
    assetTag: '',
    serviceBlocked: 'no',
    peopleAffected: '2',
    description: 'Printer ei tõmba paberit sisse.',
  };
  it('accepts a report and takes script as text', () => {
    const parsed = incidentReportSchema.parse({ ...valid, place: '<script>alert(1)</script>' });
    expect(parsed.place).toBe('<script>alert(1)</script>');
    expect(parsed.peopleAffected).toBe(2);
  });
  it.each([
    ['a 10,000-character description', { description: 'x'.repeat(10_000) }, 'description', 'errors.tooLong'],
    ['an unknown category', { category: 'coffee' }, 'category', 'errors.required'],
    ['zero people', { peopleAffected: '0' }, 'peopleAffected', 'errors.peopleAffected'],
    ['a control character', { place: 'a\u0000b' }, 'place', 'errors.badChars'],
  ])('refuses %s with a catalogue key on the field', (_what, change, field, key) => {
    const result = incidentReportSchema.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(result.error!.issues.find((i) => i.path[0] === field)?.message).toBe(key);
  });
});

describe('upload limits', () => {
  it('fit inside the request limit (lib/upload-limits.ts, which next.config.js and nginx take)', () => {
    expect(MAX_TOTAL_BYTES).toBeLessThan(UPLOAD_LIMITS.requestBytes);
    expect(MAX_FILE_BYTES).toBe(10 * 1024 * 1024);
    expect(MAX_FILES).toBe(5);
  });
});
