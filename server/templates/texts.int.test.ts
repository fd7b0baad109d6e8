import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, clients, issuedDocuments, staff, templateTexts } from '@/db/schema';
import { seedDemo } from '@/db/seed/seed';
import { ForbiddenError } from '@/server/auth/policy';
import { DomainError } from '@/server/errors';
import { issueDocument } from '@/server/issuing/mutations';
import { readIssuedPdf } from '@/server/issuing/queries';
import type { RegisterActor } from '@/server/register/visibility';
import { setupTestDatabase } from '@/test/db';
import { addSecondAdmin } from '@/test/staff';
import { draftVersionNow } from '@/test/versions';
import { initialSources } from '@/templates/shared/texts';
import { TEXT_SPECS } from '@/templates/texts';
import { discardTextsDraft, publishTexts, returnTextsDraft, saveTextsDraft, submitTextsDraft } from './mutations';
import { textsInForce, versionInForce } from './texts';

const db = setupTestDatabase();
const ctx = { requestId: 'test' };
/** The version the texts page shows of the template's draft now. */
const shown = (templateId: string) => draftVersionNow(db.handle().db, templateId);

let peeter: RegisterActor; // administrator (seed)
let kaja: RegisterActor; // a second administrator
let mari: RegisterActor; // specialist
let maryId: string;

const actorFor = async (code: string): Promise<RegisterActor> => {
  const [row] = await db.handle().db.select().from(staff).where(eq(staff.personalCode, code));
  return { id: row!.id, personalCode: row!.personalCode, roles: row!.roles, unitCode: row!.unitCode };
};

const spec = TEXT_SPECS['benefit-certificate'];
const withNote = (note: string) => ({ ...initialSources(spec), amountNote: { et: note, en: 'The amount is shown before income tax.' } });

const pdftotext = (bytes: Uint8Array) => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'toolaud-texts-')), 'd.pdf');
  fs.writeFileSync(file, bytes);
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
};

const issueCertificate = (now: Date) =>
  issueDocument(
    mari,
    {
      templateId: 'benefit-certificate',
      data: {
        language: 'et',
        client: { name: 'Mary Änn O’Connež-Šuslik', personalCode: '60001019906', address: 'Tartu mnt 1\n10115 Tallinn' },
        benefitKind: 'old-age-pension',
        periodStart: '2024-04-01',
        periodEnd: '',
        monthlyAmountCents: 123456,
        purpose: 'Tallinna Linnavalitsusele',
        signer: { name: 'Mari Tamm', title: 'klienditeeninduse spetsialist', email: '', phone: '' },
      },
      method: 'handed_over',
      clientId: maryId,
      fromDocumentId: '',
      submissionId: randomUUID(),
    },
    { requestId: 'test', now },
  );

async function publishNote(note: string, effectiveFrom = '', now?: Date) {
  await saveTextsDraft(peeter, { templateId: 'benefit-certificate', blocks: withNote(note) }, ctx);
  expect(await submitTextsDraft(peeter, 'benefit-certificate', ctx)).toEqual({ submitted: true });
  const [draft] = await db
    .handle()
    .db.select()
    .from(templateTexts)
    .where(and(eq(templateTexts.templateId, 'benefit-certificate'), eq(templateTexts.status, 'submitted')));
  return publishTexts(
    kaja,
    { templateId: 'benefit-certificate', draftId: draft!.id, version: await shown('benefit-certificate'), effectiveFrom },
    { ...ctx, ...(now ? { now } : {}) },
  );
}

const openDrafts = async () =>
  (await db.handle().db.execute<{ n: number }>(sql`select count(*)::int as n from template_texts where status <> 'published'`)) as unknown as
    { n: number }[] | { rows: { n: number }[] };
const countOpen = async () => {
  const r = await openDrafts();
  return (Array.isArray(r) ? r : r.rows)[0]!.n;
};

beforeAll(async () => {
  await seedDemo(db.handle().db);
  const [admin] = await db.handle().db.select().from(staff).where(eq(staff.personalCode, '37906062915'));
  await addSecondAdmin(db.handle().db, admin!);
  peeter = await actorFor('37906062915');
  kaja = await actorFor('48802020209');
  mari = await actorFor('47805122004');
  const [client] = await db.handle().db.select().from(clients).where(eq(clients.personalCode, '60001019906'));
  maryId = client!.id;
});

describe('template texts: versions reviewed by a second administrator', () => {
  it('refuses a draft with an unknown placeholder, with the line and reason, and writes nothing', async () => {
    const result = await saveTextsDraft(peeter, { templateId: 'benefit-certificate', blocks: withNote('Summa\n\nenne {tulumaks}.') }, ctx);
    expect(result).toEqual({ saved: false, problems: [{ block: 'amountNote', language: 'et', line: 3, reason: 'unknownPlaceholder', detail: 'tulumaks' }] });
    expect(await countOpen()).toBe(0);
  });

  it('roles other than administrator can neither write, submit nor publish, and nothing is written', async () => {
    await expect(saveTextsDraft(mari, { templateId: 'benefit-certificate', blocks: withNote('x') }, ctx)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(submitTextsDraft(mari, 'benefit-certificate', ctx)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(publishTexts(mari, { templateId: 'benefit-certificate', draftId: randomUUID(), version: '1' }, ctx)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await countOpen()).toBe(0);
  });

  it('draft → submit → published by another administrator; the author cannot publish their own', async () => {
    const saved = await saveTextsDraft(peeter, { templateId: 'benefit-certificate', blocks: withNote('Summa on enne tulumaksu. Versioon kaks.') }, ctx);
    expect(saved.saved).toBe(true);
    // Incomplete English cannot be submitted.
    await saveTextsDraft(
      peeter,
      {
        templateId: 'benefit-certificate',
        blocks: { ...withNote('Summa on enne tulumaksu. Versioon kaks.'), purpose: { et: 'Esitamiseks: {eesmärk}.', en: '' } },
      },
      ctx,
    );
    const refused = await submitTextsDraft(peeter, 'benefit-certificate', ctx);
    expect(refused).toEqual({ submitted: false, problems: [{ block: 'purpose', language: 'en', line: 0, reason: 'empty' }] });
    await saveTextsDraft(peeter, { templateId: 'benefit-certificate', blocks: withNote('Summa on enne tulumaksu. Versioon kaks.') }, ctx);
    // Another administrator cannot edit the author's draft.
    await expect(saveTextsDraft(kaja, { templateId: 'benefit-certificate', blocks: withNote('Kaja tekst') }, ctx)).rejects.toMatchObject({
      code: 'errors.templateDraftOfAnother',
    });
    expect(await submitTextsDraft(peeter, 'benefit-certificate', ctx)).toEqual({ submitted: true });
    const [draft] = await db.handle().db.select().from(templateTexts).where(eq(templateTexts.status, 'submitted'));
    await expect(
      publishTexts(peeter, { templateId: 'benefit-certificate', draftId: draft!.id, version: await shown('benefit-certificate') }, ctx),
    ).rejects.toMatchObject({
      code: 'errors.templateOwnPublish',
    });
    // The database refuses it as well.
    await expect(
      db
        .handle()
        .db.execute(
          sql`update template_texts set status = 'published', version = 2, published_by = author_id, published_at = now(), effective_from = now() where id = ${draft!.id}`,
        ),
    ).rejects.toThrow();
    const published = await publishTexts(kaja, { templateId: 'benefit-certificate', draftId: draft!.id, version: await shown('benefit-certificate') }, ctx);
    expect(published.version).toBe(2);
    expect(await versionInForce(db.handle().db, 'benefit-certificate', new Date())).toBe(2);
    const texts = await textsInForce(db.handle().db, 'benefit-certificate');
    expect(texts.version).toBe(2);
    // A published version is never changed or removed.
    await expect(db.handle().db.execute(sql`update template_texts set blocks = '{}'::jsonb where id = ${draft!.id}`)).rejects.toThrow();
    await expect(db.handle().db.execute(sql`delete from template_texts where id = ${draft!.id}`)).rejects.toThrow();
    const actions = (await db.handle().db.select({ action: auditLog.action }).from(auditLog)).map((r) => r.action);
    for (const action of ['template_texts.save', 'template_texts.submit', 'template_texts.publish']) expect(actions).toContain(action);
  });

  it('a returned draft goes back to its author; a discarded one is gone', async () => {
    await saveTextsDraft(peeter, { templateId: 'certified-copy', blocks: initialSources(TEXT_SPECS['certified-copy']) }, ctx);
    await submitTextsDraft(peeter, 'certified-copy', ctx);
    await returnTextsDraft(kaja, { templateId: 'certified-copy', version: await shown('certified-copy') }, ctx);
    await discardTextsDraft(peeter, 'certified-copy', ctx);
    await expect(discardTextsDraft(peeter, 'certified-copy', ctx)).rejects.toBeInstanceOf(DomainError);
  });

  it('a version effective tomorrow is not used today and is used tomorrow; the issued document records its version', async () => {
    const today = new Date('2026-12-10T10:00:00Z');
    const published = await publishNote('Summa on enne tulumaksu. Kehtib homsest.', '2026-12-11', today);
    expect(published.version).toBe(3);
    expect(published.effectiveFrom.toISOString()).toBe('2026-12-10T22:00:00.000Z'); // midnight in Tallinn

    const issuedToday = await issueCertificate(today);
    const issuedTomorrow = await issueCertificate(new Date('2026-12-11T08:00:00Z'));
    const versionOf = async (id: string) => (await db.handle().db.select().from(issuedDocuments).where(eq(issuedDocuments.id, id)))[0]!.templateVersion;
    expect(await versionOf(issuedToday.issuedId)).toBe(2);
    expect(await versionOf(issuedTomorrow.issuedId)).toBe(3);
    const textToday = pdftotext((await readIssuedPdf(mari, issuedToday.issuedId, ctx))!.bytes);
    const textTomorrow = pdftotext((await readIssuedPdf(mari, issuedTomorrow.issuedId, ctx))!.bytes);
    expect(textToday).toContain('Versioon kaks.');
    expect(textTomorrow).toContain('Kehtib homsest.');
    expect(textTomorrow).not.toContain('Versioon kaks.');
  });

  it('a date in the past is refused', async () => {
    await expect(publishNote('Minevikus.', '2020-01-01')).rejects.toMatchObject({ code: 'errors.pastDate' });
    await returnTextsDraft(peeter, { templateId: 'benefit-certificate', version: await shown('benefit-certificate') }, ctx);
    await discardTextsDraft(peeter, 'benefit-certificate', ctx);
  });

  it('concurrent publishes of the same template leave one published version in force', async () => {
    await saveTextsDraft(peeter, { templateId: 'benefit-certificate', blocks: withNote('Samaaegne.') }, ctx);
    await submitTextsDraft(peeter, 'benefit-certificate', ctx);
    const [draft] = await db.handle().db.select().from(templateTexts).where(eq(templateTexts.status, 'submitted'));
    const version = await shown('benefit-certificate');
    const results = await Promise.allSettled([
      publishTexts(kaja, { templateId: 'benefit-certificate', draftId: draft!.id, version }, ctx),
      publishTexts(kaja, { templateId: 'benefit-certificate', draftId: draft!.id, version }, ctx),
      publishTexts(kaja, { templateId: 'benefit-certificate', draftId: draft!.id, version }, ctx),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'errors.templateNotSubmitted' });
    const rows = await db.handle().db.select().from(templateTexts).where(eq(templateTexts.templateId, 'benefit-certificate'));
    expect(rows.map((r) => r.version).sort()).toEqual([2, 3, 4]);
    expect(await versionInForce(db.handle().db, 'benefit-certificate', new Date())).toBe(4);
  });

  it('the reviewer decides on the draft the page showed: one taken back, edited and submitted again under the same id is refused, nothing written', async () => {
    await saveTextsDraft(peeter, { templateId: 'benefit-certificate', blocks: withNote('Summa on enne tulumaksu.') }, ctx);
    await submitTextsDraft(peeter, 'benefit-certificate', ctx);
    // Kaja opens the review of what was submitted.
    const [reviewed] = await db.handle().db.select().from(templateTexts).where(eq(templateTexts.status, 'submitted'));
    const seen = await shown('benefit-certificate');
    // Meanwhile the author takes it back, changes the wording and submits it again.
    await returnTextsDraft(peeter, { templateId: 'benefit-certificate', version: await shown('benefit-certificate') }, ctx);
    await saveTextsDraft(peeter, { templateId: 'benefit-certificate', blocks: withNote('Summa on pärast tulumaksu.') }, ctx);
    await submitTextsDraft(peeter, 'benefit-certificate', ctx);
    const written = async () => ({
      rows: await db.handle().db.select().from(templateTexts).where(eq(templateTexts.templateId, 'benefit-certificate')),
      audit: (await db.handle().db.select().from(auditLog).where(eq(auditLog.entityId, reviewed!.id))).length,
    });
    const before = await written();
    expect(before.rows.find((r) => r.status === 'submitted')!.id).toBe(reviewed!.id);
    // Publishing or sending back from Kaja's old page is refused: she has not seen the new wording.
    await expect(publishTexts(kaja, { templateId: 'benefit-certificate', draftId: reviewed!.id, version: seen }, ctx)).rejects.toMatchObject({
      code: 'errors.stale',
    });
    await expect(returnTextsDraft(kaja, { templateId: 'benefit-certificate', version: seen }, ctx)).rejects.toMatchObject({ code: 'errors.stale' });
    expect(await written()).toEqual(before);
    expect(await versionInForce(db.handle().db, 'benefit-certificate', new Date())).toBe(4);
    // Reviewed again, what is published is what she saw.
    const published = await publishTexts(kaja, { templateId: 'benefit-certificate', draftId: reviewed!.id, version: await shown('benefit-certificate') }, ctx);
    expect(published.version).toBe(5);
    const texts = await textsInForce(db.handle().db, 'benefit-certificate');
    expect(JSON.stringify(texts)).toContain('Summa on pärast tulumaksu.');
  });
});
