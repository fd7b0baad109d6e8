import { describe, expect, it } from 'vitest';
import { consultationSchema, periodSchema, topicSchema } from './consultation-schema';
import { consultationInput } from '@/test/consultations';

const input = consultationInput;
const issues = (schema: { safeParse: (v: unknown) => { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } }, v: unknown) => {
  const r = schema.safeParse(v);
  return r.success ? {} : Object.fromEntries(r.error!.issues.map((i) => [i.path.join('.'), i.message]));
};

describe('consultation schema', () => {
  it('accepts the three-click default and turns the preset duration into minutes', () => {
    const parsed = consultationSchema.parse(input());
    expect(parsed.durationMinutes).toBe(10);
    expect(parsed.clientCode).toBe('');
  });

  it('checks the client’s personal code only when one is given', () => {
    expect(issues(consultationSchema, input({ clientCode: '60001019906' }))).toEqual({});
    expect(issues(consultationSchema, input({ clientCode: '60001019907' }))).toEqual({ clientCode: 'errors.personalCode' });
  });

  it('refuses a missing topic, a silly duration, script in the note, and a referral without a unit', () => {
    expect(issues(consultationSchema, input({ topicCode: '' }))).toEqual({ topicCode: 'errors.required' });
    expect(issues(consultationSchema, input({ durationMinutes: '0' }))).toEqual({ durationMinutes: 'errors.positive' });
    expect(issues(consultationSchema, input({ durationMinutes: '481' }))).toEqual({ durationMinutes: 'errors.consultationDuration' });
    expect(issues(consultationSchema, input({ durationMinutes: '7.5' }))).toEqual({ durationMinutes: 'errors.wholeNumber' });
    expect(issues(consultationSchema, input({ note: '<script>x</script>' }))).toEqual({ note: 'errors.badChars' });
    expect(issues(consultationSchema, input({ outcome: 'referred' }))).toEqual({ referredUnitCode: 'errors.required' });
    expect(issues(consultationSchema, input({ channel: 'fax' as never }))).toEqual({ channel: 'errors.required' });
  });

  it('checks topic names and the statistics period', () => {
    expect(issues(topicSchema, { code: '', nameEt: 'Toetused', nameEn: '', isActive: true })).toEqual({ nameEn: 'errors.required' });
    expect(issues(topicSchema, { code: 'Bad Code', nameEt: 'a', nameEn: 'b', isActive: true })).toEqual({ code: 'errors.topicCode' });
    expect(issues(periodSchema, { from: '2026-11-01', to: '2026-10-31' })).toEqual({ to: 'errors.endBeforeStart' });
    expect(issues(periodSchema, { from: '2026-11-01', to: '2026-11-30' })).toEqual({});
  });
});
