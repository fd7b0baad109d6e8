import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { staff } from '@/db/schema';
import type { RegisterDocumentInput } from '@/lib/register-schema';
import type { RegisterActor } from '@/server/register/visibility';

// The register's test fixture, beside those for tasks, incidents and assessments: a valid
// registration of a letter, as the registration form sends it. Each test names only what
// its case is about; every other field keeps these plain values (a client's letter by post,
// public, to customer service, with a fresh submission id).

export const testClient = { clientCode: '60001019906', clientGivenName: 'Mary Änn', clientFamilyName: 'O’Connež-Šuslik' } as const;

export const registrationInput = (overrides: Partial<RegisterDocumentInput> = {}): RegisterDocumentInput => ({
  typeCode: 'general_letter',
  channel: 'post',
  receivedAt: '2026-11-27T10:15',
  party: 'client',
  ...testClient,
  institutionName: '',
  institutionCode: '',
  identityChecked: false,
  identityDocumentType: '',
  identityDocumentNumber: '',
  identityValidUntil: '',
  title: 'Kiri',
  senderReference: '',
  senderDate: '',
  pages: '',
  isRestricted: false,
  restrictionGroundCode: '',
  restrictionUntil: '',
  unitCode: 'klienditeenindus',
  assigneeId: '',
  otherAuthority: false,
  matterId: '',
  submissionId: randomUUID(),
  ...overrides,
});

/** A pension application handed in at the office with the ID card checked: restricted, to pensions by its type. */
export const pensionApplicationInput = (overrides: Partial<RegisterDocumentInput> = {}): RegisterDocumentInput =>
  registrationInput({
    typeCode: 'pension_application',
    channel: 'in_person',
    identityChecked: true,
    identityDocumentType: 'id_card',
    identityDocumentNumber: 'AB1234567',
    identityValidUntil: '2030-01-01',
    title: 'Vanaduspensioni taotlus',
    pages: '3',
    isRestricted: true,
    restrictionGroundCode: 'avts-35-1-12',
    ...overrides,
  });

/** A letter from an institution by e-mail: no client. */
export const institutionLetterInput = (overrides: Partial<RegisterDocumentInput> = {}): RegisterDocumentInput =>
  registrationInput({
    channel: 'email',
    party: 'institution',
    clientCode: '',
    clientGivenName: '',
    clientFamilyName: '',
    institutionName: 'Tallinna Linnavalitsus',
    ...overrides,
  });

/** A small scan as the upload form hands it over. */
export const scanPdf = (text = 'skaneering') => ({ name: 'taotlus.pdf', bytes: new TextEncoder().encode(`%PDF-1.7\n${text}\n%%EOF`) });

/** A staff member of the test database as the register's functions take them. */
export async function registerActorFor(db: Db, personalCode: string): Promise<RegisterActor> {
  const [row] = await db.select().from(staff).where(eq(staff.personalCode, personalCode));
  if (!row) throw new Error(`No staff member ${personalCode} in the test database`);
  return { id: row.id, personalCode: row.personalCode, roles: row.roles, unitCode: row.unitCode };
}

/** What registering writes: documents, attachments, stored files and numbers given (nothing written: all equal before and after). */
export async function registerCounts(db: Db): Promise<{ d: number; a: number; b: number; c: number }> {
  const result = await db.execute<{ d: number; a: number; b: number; c: number }>(
    sql`select (select count(*)::int from documents) as d, (select count(*)::int from attachments) as a,
             (select count(*)::int from attachment_blobs) as b, (select coalesce(sum(last_number), 0)::int from register_counters) as c`,
  );
  const rows = Array.isArray(result) ? result : (result as unknown as { rows: { d: number; a: number; b: number; c: number }[] }).rows;
  return rows[0]!;
}
