import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { selectRows } from '@/db/client';
import { assessmentApplications, assessmentExports, documentEvents, documents } from '@/db/schema';
import { seedDemo } from '@/db/seed/seed';
import { ForbiddenError } from '@/server/auth/policy';
import { searchDocuments } from '@/server/register/search';
import { application, childByParent, codes } from '@/test/assessments';
import { setupTestDatabase } from '@/test/db';
import { files } from '@/test/incidents';
import { actorFor, countRows, ctx, loadPeople, type People, type TestActor } from '@/test/tasks';
import { exportAssessmentApplication, markForwardedToAuthority, registerAssessmentApplication } from './mutations';
import { getAssessmentApplication, listAssessmentApplications } from './queries';

const db = setupTestDatabase();
const d = () => db.handle().db;
let people: People;
let helje: TestActor; // finance
let kristi: TestActor; // IT support

// JSON Schema draft 2020-12 with formats (date, date-time, email): Ajv is the reference
// validator for it, so the documented schema is checked by the same rules a receiver uses.
const schema = JSON.parse(readFileSync('docs/schemas/assessment-application.schema.json', 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats.default(ajv);
const validate = ajv.compile(schema);

beforeAll(async () => {
  await seedDemo(d());
  people = await loadPeople(d());
  helje = await actorFor(d(), '46701202843');
  kristi = await actorFor(d(), '48109102704');
});

afterEach(() => {
  delete process.env.ATTACHMENT_MAX_MB;
});

const today = '2026-11-27';
const at = { ...ctx, now: new Date(`${today}T10:00:00Z`) };

async function snapshot() {
  const [row] = await selectRows<Record<string, number>>(
    d(),
    sql`select
      (select count(*)::int from documents) as documents,
      (select count(*)::int from attachments) as attachments,
      (select count(*)::int from attachment_blobs) as blobs,
      (select count(*)::int from document_events) as events,
      (select count(*)::int from assessment_applications) as applications,
      (select count(*)::int from assessment_exports) as exports,
      (select count(*)::int from clients) as clients,
      (select count(*)::int from identity_checks) as identity_checks,
      (select coalesce(sum(last_number), 0)::int from register_counters) as numbers,
      (select count(*)::int from audit_log where outcome = 'success') as audit`,
  );
  return row!;
}

describe('assessment application intake', () => {
  it('registers the application in the register, forwarded to the assessment unit, with its structured data', async () => {
    const { id, documentId, number } = await registerAssessmentApplication(people.mari, application(), [files.pdf()], at);
    expect(number).toMatch(/^2-3\/\d+$/);
    const [doc] = await d().select().from(documents).where(eq(documents.id, documentId));
    expect(doc).toMatchObject({
      typeCode: 'disability_assessment_application',
      direction: 'incoming',
      channel: 'in_person',
      unitCode: 'ekspertiis',
      status: 'registered',
      isRestricted: true,
      restrictionGroundCode: 'avts-35-1-11',
      deadlineKind: 'calendar_days',
      // 30 calendar days from 27.11.2026 is Sunday 27.12.2026: the next working day.
      dueDate: '2026-12-28',
      createdBy: people.mari.id,
    });
    const events = await d().select().from(documentEvents).where(eq(documentEvents.documentId, documentId));
    expect(events.map((e) => e.kind).sort()).toEqual(['forwarded', 'registered']);
    expect(events.find((e) => e.kind === 'forwarded')!.details).toMatchObject({ fromUnit: 'klienditeenindus', toUnit: 'ekspertiis' });
    const [app] = await d().select().from(assessmentApplications).where(eq(assessmentApplications.id, id));
    expect(app).toMatchObject({
      applicantCode: codes.workingAge,
      applicantGroup: 'working_age',
      kind: 'disability',
      otherAuthority: null,
      otherAuthorityDueDate: null,
    });
    expect(app!.data.limitations[0]).toMatchObject({ area: 'moving', level: 'moderate' });
    // The identity check: on the application, and on the applicant's client card as the register keeps it.
    expect(app).toMatchObject({
      identifiedPerson: 'applicant',
      identityDocumentType: 'id_card',
      identityDocumentNumber: 'AB1234567',
      identityValidUntil: '2030-01-01',
    });
    expect(app!.data).not.toHaveProperty('identityDocumentNumber');
    expect(
      await countRows(
        d(),
        'identity_checks',
        sql`document_number = 'AB1234567' and checked_by = ${people.mari.id} and client_id = (select id from clients where personal_code = ${codes.workingAge})`,
      ),
    ).toBe(1);
    expect(await countRows(d(), 'attachments', sql`document_id = ${documentId}`)).toBe(1);
    expect(await countRows(d(), 'audit_log', sql`action = 'assessment.register' and entity_id = ${id} and subject_code = ${codes.workingAge}`)).toBe(1);

    // The manager finds it in the register; the specialist who took it opens it here; a colleague
    // of the customer-service unit does not see a restricted document of the assessment unit.
    const found = await searchDocuments(people.juri, { number });
    expect(found.rows.map((r) => ({ number: r.number, unit: r.unitName }))).toEqual([{ number, unit: 'Puude ja töövõime ekspertiisi osakond' }]);
    expect(await getAssessmentApplication(people.mari, id, ctx)).toMatchObject({ number, unitName: 'Puude ja töövõime ekspertiisi osakond' });
    expect(await countRows(d(), 'audit_log', sql`action = 'assessment.view' and entity_id = ${id}`)).toBe(1);
    expect(await getAssessmentApplication(people.tonu, id, ctx)).toBeNull();
    expect((await listAssessmentApplications(people.tonu)).map((r) => r.id)).not.toContain(id);
    expect((await listAssessmentApplications(people.mari)).map((r) => r.id)).toContain(id);
    expect((await listAssessmentApplications(people.mari)).find((r) => r.id === id)).toMatchObject({
      unitNameEn: 'Disability and Work Ability Assessment Department',
    });
  });

  it('forwards a joint application to the Unemployment Insurance Fund within 5 Estonian working days', async () => {
    // Registered on Monday 21.12.2026: 24, 25 and 26 December are public holidays, then a weekend.
    const monday = { ...ctx, now: new Date('2026-12-21T10:00:00Z') };
    const { id, documentId } = await registerAssessmentApplication(
      people.mari,
      application({ kind: 'disability_and_work_ability', consentJoint: true, receivedOn: '2026-12-21' }),
      [],
      monday,
    );
    const [app] = await d().select().from(assessmentApplications).where(eq(assessmentApplications.id, id));
    expect(app).toMatchObject({ otherAuthority: 'Eesti Töötukassa', otherAuthorityDueDate: '2026-12-30' });
    const [event] = await d()
      .select()
      .from(documentEvents)
      .where(sql`${documentEvents.documentId} = ${documentId} and ${documentEvents.kind} = 'authority_forwarding_due'`);
    expect(event!.details).toEqual({ authority: 'Eesti Töötukassa', dueDate: '2026-12-30' });

    // Sent on the last day: recorded once, on time, in the register document's history too.
    const lastDay = { ...ctx, now: new Date('2026-12-30T15:00:00Z') };
    expect(await markForwardedToAuthority(people.mari, { id }, lastDay)).toEqual({ onTime: true });
    expect(await markForwardedToAuthority(people.mari, { id }, { ...ctx, now: new Date('2027-01-05T09:00:00Z') })).toEqual({ onTime: true });
    const [after] = await d().select().from(assessmentApplications).where(eq(assessmentApplications.id, id));
    expect(after).toMatchObject({ otherAuthorityForwardedAt: lastDay.now, otherAuthorityForwardedBy: people.mari.id });
    expect(await countRows(d(), 'document_events', sql`document_id = ${documentId} and kind = 'forwarded_to_authority'`)).toBe(1);
    expect(await countRows(d(), 'audit_log', sql`action = 'assessment.forward_authority' and entity_id = ${id}`)).toBe(1);
    const single = await registerAssessmentApplication(people.mari, application({ receivedOn: '2026-12-21' }), [], monday);
    await expect(markForwardedToAuthority(people.mari, { id: single.id }, monday)).rejects.toMatchObject({ code: 'errors.noAuthorityForwarding' });
  });

  it('saves nothing when a step fails midway', async () => {
    const before = await snapshot();
    // A failure after the document, its file and its number were written: the last insert fails.
    await d().execute(sql`create function fail_assessment() returns trigger language plpgsql as $$ begin raise exception 'disk full'; end $$`);
    await d().execute(sql`create trigger fail_assessment before insert on assessment_applications for each row execute function fail_assessment()`);
    try {
      const error = await registerAssessmentApplication(people.mari, application({ applicantCode: codes.pensionAge }), [files.pdf(), files.png()], at).catch(
        (e: unknown) => e,
      );
      const messages: string[] = [];
      for (let e = error as { message?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) messages.push(String(e.message));
      expect(messages.join(' | ')).toContain('disk full');
    } finally {
      await d().execute(sql`drop trigger fail_assessment on assessment_applications`);
      await d().execute(sql`drop function fail_assessment()`);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('refuses bad input with field errors and saves nothing', async () => {
    const before = await snapshot();
    await expect(registerAssessmentApplication(people.mari, application({ applicantCode: '48005121237' }), [], at)).rejects.toBeInstanceOf(ZodError);
    await expect(registerAssessmentApplication(people.mari, application({ applicantFamilyName: '<script>alert(1)</script>' }), [], at)).rejects.toBeInstanceOf(
      ZodError,
    );
    await expect(registerAssessmentApplication(people.mari, application(), [files.pdf(), files.htmlAsPdf()], at)).rejects.toMatchObject({
      code: 'errors.fileType',
      field: 'files',
    });
    await expect(registerAssessmentApplication(people.mari, application(), [files.exeAsPng()], at)).rejects.toMatchObject({ code: 'errors.fileType' });
    process.env.ATTACHMENT_MAX_MB = '1';
    await expect(registerAssessmentApplication(people.mari, application(), [files.png(1024 * 1024 + 1)], at)).rejects.toMatchObject({
      code: 'errors.fileTooLarge',
      field: 'files',
    });
    await expect(registerAssessmentApplication(people.mari, application({ receivedOn: '2026-11-28' }), [], at)).rejects.toMatchObject({
      code: 'errors.futureDate',
      field: 'receivedOn',
    });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses an application handed in at the office without a valid identity document, and saves nothing', async () => {
    const before = await snapshot();
    const refused = async (form: ReturnType<typeof application>) => {
      const error = await registerAssessmentApplication(people.mari, form, [files.pdf()], at).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ZodError);
      return Object.fromEntries((error as ZodError).issues.map((i) => [i.path.join('.'), i.message]));
    };
    // Expired yesterday (today is 27.11.2026 in Tallinn).
    expect(await refused(application({ identityValidUntil: '2026-11-26' }))).toEqual({ identityValidUntil: 'errors.identityExpired' });
    expect(await refused(application({ identityDocumentType: '', identityDocumentNumber: '', identityValidUntil: '' }))).toMatchObject({
      identityDocumentType: 'errors.required',
    });
    expect(await refused(application({ channel: 'post', identityValidUntil: '2026-11-26' }))).toEqual({ identityValidUntil: 'errors.identityExpired' });
    expect(await snapshot()).toEqual(before);

    // By post no document is needed; the representative's document is recorded as theirs.
    const posted = await registerAssessmentApplication(
      people.mari,
      application({ channel: 'post', identityDocumentType: '', identityDocumentNumber: '', identityValidUntil: '' }),
      [],
      at,
    );
    const represented = await registerAssessmentApplication(
      people.mari,
      application({
        ...childByParent,
        identifiedPerson: 'representative',
        identityDocumentType: 'passport',
        identityDocumentNumber: 'k0012345',
        identityValidUntil: today,
      }),
      [],
      at,
    );
    const rows = await d()
      .select()
      .from(assessmentApplications)
      .where(sql`${assessmentApplications.id} in (${posted.id}, ${represented.id})`);
    expect(rows.find((r) => r.id === posted.id)).toMatchObject({
      identifiedPerson: null,
      identityDocumentType: null,
      identityDocumentNumber: null,
      identityValidUntil: null,
    });
    expect(rows.find((r) => r.id === represented.id)).toMatchObject({
      identifiedPerson: 'representative',
      identityDocumentType: 'passport',
      identityDocumentNumber: 'K0012345',
      identityValidUntil: today,
    });
    // The child's client card gets no identity check made from the parent's passport.
    expect(await countRows(d(), 'identity_checks', sql`document_number = 'K0012345'`)).toBe(0);
  });

  it('registers a double-submitted form once', async () => {
    const form = application({
      ...childByParent,
    });
    const [a, b] = await Promise.all([registerAssessmentApplication(people.mari, form, [], at), registerAssessmentApplication(people.mari, form, [], at)]);
    const c = await registerAssessmentApplication(people.mari, form, [], at);
    expect(new Set([a.id, b.id, c.id]).size).toBe(1);
    expect(await countRows(d(), 'assessment_applications', sql`submission_id = ${form.submissionId}`)).toBe(1);
    expect(await countRows(d(), 'documents', sql`submission_id = ${form.submissionId}`)).toBe(1);
  });

  it('exports JSON that validates against the documented schema, and records each export', async () => {
    const joint = await registerAssessmentApplication(people.mari, application({ kind: 'disability_and_work_ability', consentJoint: true }), [files.pdf()], at);
    const child = await registerAssessmentApplication(
      people.mari,
      application({
        ...childByParent,
        isStudying: true,
        school: 'Tallinna Kesklinna Põhikool',
        applicantEmail: 'oie@example.ee',
      }),
      [],
      at,
    );
    for (const { id } of [joint, child]) {
      const result = await exportAssessmentApplication(people.mari, id, at);
      const json = JSON.parse(result!.json);
      expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    }
    const exported = JSON.parse((await exportAssessmentApplication(people.juri, joint.id, at))!.json);
    expect(exported).toMatchObject({
      schemaVersion: '1.1',
      exportedBy: people.juri.personalCode,
      registration: { number: joint.number, unit: 'ekspertiis', receivedOn: today },
      identification: { person: 'applicant', documentType: 'id_card', documentNumber: 'AB1234567', validUntil: '2030-01-01' },
      applicant: { personalCode: codes.workingAge, group: 'working_age', email: null },
      assessment: { kind: 'disability_and_work_ability', jointWithWorkAbility: true, otherAuthority: { name: 'Eesti Töötukassa', dueDate: '2026-12-04' } },
      attachments: [{ fileName: 'akt.pdf', mimeType: 'application/pdf' }],
    });
    expect(exported.limitations.map((l: { area: string }) => l.area)).toEqual([
      'moving',
      'hand_use',
      'communication',
      'mental',
      'self_care',
      'learning',
      'social',
    ]);
    // The validator does catch a broken export.
    expect(validate({ ...exported, limitations: exported.limitations.slice(1) })).toBe(false);
    expect(validate({ ...exported, applicant: { ...exported.applicant, group: 'adult' } })).toBe(false);
    expect(validate({ ...exported, identification: { ...exported.identification, documentType: 'library_card' } })).toBe(false);
    expect(validate({ ...exported, identification: null })).toBe(true);

    const exports = await d().select().from(assessmentExports).where(eq(assessmentExports.applicationId, joint.id));
    expect(exports.map((e) => e.exportedBy).sort()).toEqual([people.mari.id, people.juri.id].sort());
    expect(exports.every((e) => e.schemaVersion === '1.1' && /^[0-9a-f]{64}$/.test(e.sha256))).toBe(true);
    expect(await countRows(d(), 'audit_log', sql`action = 'assessment.export' and entity_id = ${joint.id} and subject_code = ${codes.workingAge}`)).toBe(2);
  });

  it('refuses the roles that must not act, and writes nothing', async () => {
    const { id } = await registerAssessmentApplication(people.mari, application(), [], at);
    const before = await snapshot();
    for (const who of [helje, kristi, people.peeter]) {
      await expect(registerAssessmentApplication(who, application(), [], at)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(exportAssessmentApplication(who, id, at)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(getAssessmentApplication(who, id, ctx)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(markForwardedToAuthority(who, { id }, at)).rejects.toBeInstanceOf(ForbiddenError);
    }
    await expect(markForwardedToAuthority(people.tonu, { id }, at)).rejects.toMatchObject({ code: 'errors.notFound' });
    // A colleague who cannot see the restricted document gets nothing, and no export is recorded.
    expect(await exportAssessmentApplication(people.tonu, id, at)).toBeNull();
    expect(await snapshot()).toEqual(before);
  });
});
