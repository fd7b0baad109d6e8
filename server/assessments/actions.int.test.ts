import { sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { messageByKey, messagesFor } from '@/lib/i18n';
import { application } from '@/test/assessments';
import { consultationInput } from '@/test/consultations';
import { actionTestSetup } from '@/test/actions';
import { setupTestDatabase } from '@/test/db';
import { actorFor, countRows } from '@/test/tasks';

// The server actions of the consultation log and the assessment intake, called as a
// browser posts them: the session cookie names the person, never the request body.
vi.mock('next/headers', async () => (await import('@/test/actions')).nextHeaders);
vi.mock('next/cache', async () => (await import('@/test/actions')).nextCache);

const { registerAssessmentAction } = await import('./actions');
const { recordConsultationAction, saveTopicAction, deleteTopicAction } = await import('@/server/consultations/actions');

const db = setupTestDatabase();
const d = () => db.handle().db;
const { people, signInAs } = actionTestSetup(d);

const form = (input: unknown, files: { name: string; bytes: Uint8Array }[] = []) => {
  const data = new FormData();
  data.set('input', JSON.stringify(input));
  for (const f of files) data.append('files', new File([Buffer.from(f.bytes)], f.name));
  data.set('fileCount', String(files.length));
  return data;
};
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Tallinn' }).format(new Date());
const consultation = () => consultationInput({ topicCode: 'other' });
const counts = async () => ({
  documents: await countRows(d(), 'documents'),
  applications: await countRows(d(), 'assessment_applications'),
  consultations: await countRows(d(), 'consultations'),
  topics: await countRows(d(), 'consultation_topics'),
});

describe('consultation and assessment server actions', () => {
  it('refuse finance, IT support and the administrator, write nothing, and record the refusal', async () => {
    const before = await counts();
    for (const code of ['46701202843', '48109102704', '37906062915']) {
      const who = await actorFor(d(), code);
      await signInAs(who);
      expect(await registerAssessmentAction(form(application({ receivedOn: today })))).toEqual({ ok: false, formError: 'errors.forbidden' });
      expect(await recordConsultationAction(consultation() as never)).toEqual({ ok: false, formError: 'errors.forbidden' });
      expect(
        await countRows(d(), 'audit_log', sql`action in ('assessment.register', 'consultation.record') and outcome = 'denied' and actor_code = ${code}`),
      ).toBe(2);
    }
    await signInAs(people.mari);
    expect(await saveTopicAction({ code: '', nameEt: 'Uus', nameEn: 'New', isActive: true })).toEqual({ ok: false, formError: 'errors.forbidden' });
    expect(await deleteTopicAction({ code: 'other' })).toEqual({ ok: false, formError: 'errors.forbidden' });
    expect(await counts()).toEqual(before);
  });

  it('map bad input onto the form’s fields, and save nothing', async () => {
    await signInAs(people.mari);
    const before = await counts();
    expect(await registerAssessmentAction(form(application({ receivedOn: today, applicantCode: '48005121237' })))).toMatchObject({
      ok: false,
      fieldErrors: { applicantCode: 'errors.personalCode' },
    });
    expect(await registerAssessmentAction(form(application({ receivedOn: today, applicantGivenName: '<script>alert(1)</script>' })))).toMatchObject({
      ok: false,
      fieldErrors: { applicantGivenName: 'errors.badChars' },
    });
    // An expired identity document: the field says so in Estonian, and nothing is registered.
    const yesterday = new Date(Date.parse(`${today}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const expired = await registerAssessmentAction(form(application({ receivedOn: today, identityValidUntil: yesterday })));
    expect(expired).toMatchObject({ ok: false, fieldErrors: { identityValidUntil: 'errors.identityExpired' } });
    expect(messageByKey(messagesFor('et'), 'errors.identityExpired')).toBe(
      'Isikut tõendava dokumendi kehtivus on lõppenud. Palu kliendilt kehtivat dokumenti.',
    );
    const disguised = { name: 'otsus.pdf', bytes: new TextEncoder().encode('<html><script>alert(1)</script></html>') };
    expect(await registerAssessmentAction(form(application({ receivedOn: today }), [disguised]))).toEqual({
      ok: false,
      formError: 'errors.fixFields',
      fieldErrors: { files: 'errors.fileType' },
      params: { name: 'otsus.pdf', mb: '20' },
    });
    expect(await recordConsultationAction({ ...consultation(), clientCode: '60001019907' } as never)).toMatchObject({
      ok: false,
      fieldErrors: { clientCode: 'errors.personalCode' },
    });
    expect(await counts()).toEqual(before);
  });

  it('register an application and record a consultation for a specialist', async () => {
    await signInAs(people.mari);
    const pdf = { name: 'arstitõend.pdf', bytes: new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF') };
    const result = await registerAssessmentAction(form(application({ receivedOn: today }), [pdf]));
    expect(result).toMatchObject({ ok: true, data: { number: expect.stringMatching(/^2-3\//) } });
    expect(await recordConsultationAction(consultation() as never)).toMatchObject({ ok: true });
  });
});
