import { describe, expect, it } from 'vitest';
import {
  CATEGORIES,
  categoryGroup,
  DEFAULT_PRIORITY_MATRIX,
  incidentReportSchema,
  MAX_FILE_BYTES,
  MAX_FILES,
  MAX_TOTAL_BYTES,
  priorityFor,
  routingRuleSchema,
  TRANSITIONS,
  URGENCIES,
} from './incident-schema';
import { UPLOAD_LIMITS } from './upload-limits';

describe('incident priority', () => {
  it.each([
    [true, 1, 'medium', 'normal'],
    [true, 1, 'high', 'high'],
    [true, 2, 'medium', 'high'],
    [true, 40, 'high', 'critical'],
    [false, 1, 'medium', 'low'],
    [false, 1, 'high', 'normal'],
    [false, 3, 'medium', 'normal'],
    [false, 6, 'medium', 'high'],
    [false, 6, 'low', 'normal'],
  ] as const)('service blocked %s, %i affected, urgency %s → %s', (blocked, people, urgency, priority) => {
    expect(priorityFor(blocked, people, urgency)).toBe(priority);
  });

  it("never makes one person's problem critical, whatever the urgency", () => {
    for (const urgency of URGENCIES) expect(priorityFor(true, 1, urgency)).not.toBe('critical');
  });

  it('follows an adjusted matrix', () => {
    const matrix = { ...DEFAULT_PRIORITY_MATRIX, medium: { ...DEFAULT_PRIORITY_MATRIX.medium, high: 'critical' as const } };
    expect(priorityFor(true, 1, 'high', matrix)).toBe('critical');
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

describe('routing rule schema', () => {
  // The action hands its parsed data to saveRoutingRule, which parses again at its own boundary.
  it.each([
    ['a queue', { id: '', category: 'scanner', regionCode: 'pohja', queue: 'it_support', mailbox: '', queueName: '', informIds: [] }],
    ['a mailbox', { id: '', category: 'phone', regionCode: 'pohja', queue: 'mailbox', mailbox: ' IT@Example.ee ', queueName: 'IT', informIds: [] }],
  ] as const)('the parsed rule with %s parses to itself', (_what, input) => {
    const data = routingRuleSchema.parse(input);
    expect(routingRuleSchema.parse(data)).toEqual(data);
  });
});
