import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { absenceSchema } from './absence-schema';
import { assessmentApplicationSchema } from './assessment-schema';
import { periodSchema } from './consultation-schema';
import { calendarDate, calendarDateTime, isCalendarDate, isCalendarDateTime, optionalCalendarDate } from './date-schema';
import { overpaymentSchema } from './overpayment-schema';
import { createBatchSchema, preparePaymentSchema } from './payment-schema';
import { extendDeadlineSchema, extraDayOffSchema, missingReceivedSchema, missingRequestSchema, registerDocumentSchema } from './register-schema';
import { createTaskSchema } from './task-schema';

describe('calendar dates', () => {
  it.each(['2026-01-31', '2024-02-29', '2000-02-29', '2026-12-31', '1900-03-01'])('accepts %s', (v) => {
    expect(isCalendarDate(v)).toBe(true);
    expect(calendarDate.safeParse(v).success).toBe(true);
  });

  it.each([
    '2026-13-45',
    '2026-00-10',
    '2026-01-00',
    '2026-02-29',
    '2100-02-29',
    '1900-02-29',
    '2026-04-31',
    '2026-1-5',
    '26-01-05',
    '0050-01-01',
    '9999-12-31',
    '',
    ' ',
    '2026-01-05x',
  ])('refuses %j with the field’s message', (v) => {
    expect(isCalendarDate(v)).toBe(false);
    expect(calendarDate.safeParse(v).error?.issues[0]?.message).toBe('errors.date');
  });

  it('allows nothing where the date is optional, never a wrong date', () => {
    expect(optionalCalendarDate.safeParse('').success).toBe(true);
    expect(optionalCalendarDate.safeParse('2026-02-30').error?.issues[0]?.message).toBe('errors.date');
  });

  it('checks the date and the time of a date-time', () => {
    expect(isCalendarDateTime('2026-03-02T09:15')).toBe(true);
    expect(isCalendarDateTime('2026-03-02T23:59')).toBe(true);
    for (const v of ['2026-13-45T09:15', '2026-02-30T09:15', '2026-03-02T24:00', '2026-03-02T09:60', '2026-03-02 09:15']) {
      expect(isCalendarDateTime(v), v).toBe(false);
      expect(calendarDateTime.safeParse(v).error?.issues[0]?.message).toBe('errors.dateTime');
    }
  });
});

// Every form with a date: `2026-13-45` (which passes a yyyy-mm-dd pattern) is an error on
// that very field, never a parse that succeeds and fails later as an Invalid Date.
const bad = '2026-13-45';
const rules = { today: '2026-03-02', maxMonths: 24 };
const cases: [string, z.ZodType, Record<string, unknown>, (string | number)[], string?][] = [
  ['register: sender’s date', registerDocumentSchema, { senderDate: bad }, ['senderDate']],
  ['register: received at', registerDocumentSchema, { receivedAt: `${bad}T10:00` }, ['receivedAt'], 'errors.dateTime'],
  ['register: identity valid until', registerDocumentSchema, { identityValidUntil: bad }, ['identityValidUntil']],
  ['register: restricted until', registerDocumentSchema, { restrictionUntil: bad }, ['restrictionUntil']],
  ['register: missing documents’ deadline', missingRequestSchema, { clientDeadline: bad }, ['clientDeadline']],
  ['register: missing documents received', missingReceivedSchema, { receivedOn: bad }, ['receivedOn']],
  ['register: extended deadline', extendDeadlineSchema, { newDueDate: bad }, ['newDueDate']],
  ['register: extra day off', extraDayOffSchema, { day: bad }, ['day']],
  ['task: due date', createTaskSchema, { dueDate: bad }, ['dueDate']],
  ['absence: start', absenceSchema, { startsOn: bad, endsOn: '2026-03-05' }, ['startsOn']],
  ['absence: end', absenceSchema, { startsOn: '2026-03-02', endsOn: bad }, ['endsOn']],
  ['payment: decision date', preparePaymentSchema, { decisionDate: bad }, ['decisionDate']],
  ['payment batch: execution date', createBatchSchema, { executionDate: bad }, ['executionDate']],
  ['overpayment: lump sum date', overpaymentSchema(rules), { request: 'lump_sum', lumpSumDate: bad }, ['lumpSumDate']],
  ['overpayment: instalment', overpaymentSchema(rules), { request: 'instalments', schedule: [{ dueDate: bad, amount: '10' }] }, ['schedule', 0, 'dueDate']],
  ['consultation statistics: from', periodSchema, { from: bad, to: '2026-03-02' }, ['from']],
  ['consultation statistics: to', periodSchema, { from: '2026-03-02', to: bad }, ['to']],
  ['assessment: received on', assessmentApplicationSchema(rules), { receivedOn: bad }, ['receivedOn']],
  ['assessment: identity valid until', assessmentApplicationSchema(rules), { identityValidUntil: bad }, ['identityValidUntil']],
];

describe.each(cases)('%s', (_name, schema, input, path, message = 'errors.date') => {
  it('refuses a date that is not on the calendar on its own field', () => {
    const issues = schema.safeParse(input).error?.issues ?? [];
    expect(issues.filter((i) => JSON.stringify(i.path) === JSON.stringify(path)).map((i) => i.message)).toContain(message);
  });
});
