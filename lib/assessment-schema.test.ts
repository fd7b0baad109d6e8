import { describe, expect, it } from 'vitest';
import { application, codes } from '@/test/assessments';
import { applicantGroupOf, assessmentApplicationSchema, emptyLimitations } from './assessment-schema';

const issues = (input: unknown) => {
  const result = assessmentApplicationSchema({ today: '2026-11-27' }).safeParse(input);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
};

describe('assessment application schema', () => {
  it('accepts a complete application', () => {
    expect(issues(application())).toEqual({});
  });

  it('derives the applicant group from the personal code’s birth date on the day received', () => {
    expect(applicantGroupOf(codes.child, '2026-11-27')).toBe('child');
    expect(applicantGroupOf(codes.workingAge, '2026-11-27')).toBe('working_age');
    expect(applicantGroupOf(codes.pensionAge, '2026-11-27')).toBe('pension_age');
    // 16 on the birthday, not the day before.
    expect(applicantGroupOf('50811270011', '2024-11-26')).toBe('child');
    expect(applicantGroupOf('50811270011', '2024-11-27')).toBe('working_age');
    expect(applicantGroupOf('48005121237', '2026-11-27')).toBeNull();
  });

  it('refuses invalid personal codes, script text and missing consents with catalogue keys', () => {
    expect(issues(application({ applicantCode: '48005121237' }))).toMatchObject({ applicantCode: 'errors.personalCode' });
    expect(issues(application({ applicantGivenName: '<script>alert(1)</script>' }))).toMatchObject({ applicantGivenName: 'errors.badChars' });
    expect(issues(application({ applicantAddress: 'Tänav <img src=x onerror=alert(1)>' }))).toMatchObject({ applicantAddress: 'errors.badChars' });
    expect(issues(application({ consentHealthData: false as never, consentTruthful: false as never }))).toMatchObject({
      consentHealthData: 'errors.assessmentConsentHealth',
      consentTruthful: 'errors.assessmentConsentTruthful',
    });
    for (const message of Object.values(issues(application({ applicantCode: 'x', providers: [], limitations: emptyLimitations() })))) {
      expect(message).toMatch(/^errors\./);
    }
  });

  it('asks for a representative for a child, and checks the representative’s code', () => {
    expect(issues(application({ applicantCode: codes.child, workStatus: 'not_working', employer: '' }))).toMatchObject({
      hasRepresentative: 'errors.childRepresentative',
    });
    const represented = { applicantCode: codes.child, workStatus: 'not_working' as const, employer: '', hasRepresentative: true };
    expect(
      issues(application({ ...represented, representativeName: 'Jaan Šults', representativeCode: '38502020449', representativeBasis: 'parent' })),
    ).toMatchObject({
      representativeCode: 'errors.personalCode',
    });
    expect(issues(application({ ...represented, representativeName: 'Jaan Šults', representativeCode: codes.parent, representativeBasis: 'parent' }))).toEqual(
      {},
    );
  });

  it('allows the joint application only for working age and with the consent to forward it', () => {
    expect(issues(application({ kind: 'disability_and_work_ability' }))).toMatchObject({ consentJoint: 'errors.assessmentConsentJoint' });
    expect(issues(application({ kind: 'disability_and_work_ability', consentJoint: true }))).toEqual({});
    expect(issues(application({ kind: 'disability_and_work_ability', consentJoint: true, applicantCode: codes.pensionAge }))).toMatchObject({
      kind: 'errors.jointWorkingAge',
    });
  });

  it('needs a provider, all seven areas in order, at least one limitation, and a description for each', () => {
    expect(issues(application({ providers: [] }))).toMatchObject({ providers: 'errors.assessmentProviders' });
    expect(issues(application({ limitations: emptyLimitations() }))).toMatchObject({ limitations: 'errors.assessmentNoLimitation' });
    expect(issues(application({ limitations: emptyLimitations().slice(1) }))).toHaveProperty('limitations');
    const shuffled = emptyLimitations()
      .reverse()
      .map((l) => ({ ...l, level: 'mild' as const, description: 'Raskusi on igapäevaselt.' }));
    expect(issues(application({ limitations: shuffled }))).toMatchObject({ limitations: 'errors.required' });
    const bare = emptyLimitations().map((l) => (l.area === 'self_care' ? { ...l, level: 'severe' as const } : l));
    expect(issues(application({ limitations: bare }))).toMatchObject({ 'limitations.4.description': 'errors.limitationDescription' });
  });

  it('asks for the employer of someone who works and the school of someone who studies', () => {
    expect(issues(application({ employer: '' }))).toMatchObject({ employer: 'errors.required' });
    expect(issues(application({ isStudying: true }))).toMatchObject({ school: 'errors.required' });
  });

  it('needs the identity document when handed in at the office, and checks any given for another channel', () => {
    const none = { identityDocumentType: '' as const, identityDocumentNumber: '', identityValidUntil: '' };
    expect(issues(application(none))).toEqual({
      identityDocumentType: 'errors.required',
      identityDocumentNumber: 'errors.required',
      identityValidUntil: 'errors.required',
    });
    for (const channel of ['post', 'email', 'e_service'] as const) expect(issues(application({ channel, ...none }))).toEqual({});
    // Half a document identifies nobody; a document given for any channel is checked.
    expect(issues(application({ channel: 'post', ...none, identityDocumentNumber: 'AB1234567' }))).toEqual({
      identityDocumentType: 'errors.required',
      identityValidUntil: 'errors.required',
    });
    expect(issues(application({ channel: 'post', identityValidUntil: '2026-11-26' }))).toEqual({ identityValidUntil: 'errors.identityExpired' });
    // Valid through the last day, expired the day after (today is 27.11.2026).
    expect(issues(application({ identityValidUntil: '2026-11-27' }))).toEqual({});
    expect(issues(application({ identityValidUntil: '2026-11-26' }))).toEqual({ identityValidUntil: 'errors.identityExpired' });
    expect(issues(application({ identityDocumentNumber: 'AB12' }))).toEqual({ identityDocumentNumber: 'errors.documentNumber' });
    expect(issues(application({ identityDocumentNumber: 'AB 1234<' }))).toEqual({ identityDocumentNumber: 'errors.badChars' });
    // The representative's document only when there is a representative.
    expect(issues(application({ identifiedPerson: 'representative' }))).toEqual({ identifiedPerson: 'errors.identifiedRepresentative' });
  });
});
