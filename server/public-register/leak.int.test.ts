import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { clients, documents, staff } from '@/db/schema';
import { seedDemo } from '@/db/seed/seed';
import { makePersonalCode } from '@/lib/personal-code';
import type { RegisterDocumentInput } from '@/lib/register-schema';
import { issueDocument } from '@/server/issuing/mutations';
import { readIssuedPdf } from '@/server/issuing/queries';
import { verifyPublicly } from '@/server/issuing/public-verify';
import { registerDocument } from '@/server/register/register-document';
import { registerReply } from '@/server/register/reply';
import type { RegisterActor } from '@/server/register/visibility';
import { setupTestDatabase } from '@/test/db';
import { registrationInput } from '@/test/register';
import { withDevelopmentSeal } from '@/test/seal';
import { versionNow } from '@/test/versions';
import type { PublicEntry } from './entry';
import { entriesToAtom, entriesToCsv, OPEN_DATA_FIELDS } from './open-data';
import { publicEntry, searchPublicRegister, type PublicFilters } from './queries';

// Leak-proof by test: a corpus with every combination the public register meets (restricted
// or public; a private person or an institution; a restriction ended or running; replies and
// additions in restricted matters; issued documents; a document made public on purpose) and
// every public answer (the list, a search by each field, each entry page, CSV, JSON, the feed,
// the verification) in both languages, searched for every secret: personal codes, private
// persons' names and restricted titles. Searching for a restricted title's words finds nothing.

const db = setupTestDatabase();
withDevelopmentSeal('toolaud-public-leak-');
const ctx = { requestId: 'test' };
const pdf = () => ({ name: 'scan.pdf', bytes: new TextEncoder().encode('%PDF-1.7\nscan\n%%EOF') });

let mari: RegisterActor;
const secrets = { codes: new Set<string>(), names: new Set<string>(), restrictedTitles: new Set<string>() };
const expected = { publicTitles: new Set<string>(), institutions: new Set<string>(), numbers: new Set<string>() };
const restrictedWords: string[] = [];
let issuedCode = '';
let issuedBytes: Uint8Array = new Uint8Array();
let holderCode = '';

const people = [
  { given: 'Zorbaliina', family: 'Quxwell-Põdramaa' },
  { given: 'Üllar', family: 'Vääramägi' },
  { given: 'Kvintus', family: 'Jõgelainen' },
];

function form(overrides: Partial<RegisterDocumentInput>): RegisterDocumentInput {
  return registrationInput({ channel: 'email', clientCode: '', clientGivenName: '', clientFamilyName: '', title: '', pages: '1', ...overrides });
}

beforeAll(async () => {
  await seedDemo(db.handle().db);
  const [row] = await db.handle().db.select().from(staff).where(eq(staff.personalCode, '47805122004'));
  mari = { id: row!.id, personalCode: row!.personalCode, roles: row!.roles, unitCode: row!.unitCode };
  const persons = people.map((p, i) => ({ ...p, code: makePersonalCode(`19${70 + i}-0${i + 2}-1${i}`, i % 2 ? 'male' : 'female', 100 + i) }));
  for (const p of persons) {
    secrets.codes.add(p.code);
    secrets.names.add(p.given);
    secrets.names.add(p.family);
  }
  holderCode = persons[0]!.code;
  let n = 0;
  for (const restricted of [true, false]) {
    for (const party of ['client', 'institution'] as const) {
      for (const ended of [false, true]) {
        if (!restricted && ended) continue;
        n++;
        const person = persons[n % persons.length]!;
        const secretWord = `Salakvark${n}x`;
        const title = restricted ? `Avaldus ${secretWord} tervise kohta` : `Teabenõue Avalikvalgus${n}`;
        const institution = `Tartu Ülikooli Kliinikum ${n}`;
        const doc = await registerDocument(
          mari,
          form({
            title,
            party,
            ...(party === 'client'
              ? { clientCode: person.code, clientGivenName: person.given, clientFamilyName: person.family }
              : { institutionName: institution, institutionCode: '74000'.concat(String(n).padStart(3, '0')) }),
            isRestricted: restricted,
            restrictionGroundCode: restricted ? 'avts-35-1-12' : '',
          }),
          [pdf()],
          ctx,
        );
        expected.numbers.add(doc.number);
        if (party === 'institution' && !(restricted && !ended)) expected.institutions.add(institution);
        if (restricted && ended) {
          // The term passed: from then on the title is public.
          await db.handle().db.update(documents).set({ restrictionUntil: '2020-01-01' }).where(eq(documents.id, doc.id));
          expected.publicTitles.add(title);
        } else if (restricted) {
          secrets.restrictedTitles.add(title);
          restrictedWords.push(secretWord);
          // An addition and a reply in the restricted matter are restricted too.
          const addition = await registerDocument(
            mari,
            form({
              title: `Lisa ${secretWord}Lisa`,
              clientCode: person.code,
              clientGivenName: person.given,
              clientFamilyName: person.family,
              isRestricted: true,
              restrictionGroundCode: 'avts-35-1-12',
              matterId: doc.id,
            }),
            [pdf()],
            ctx,
          );
          const reply = await registerReply(
            mari,
            {
              documentId: doc.id,
              version: await versionNow(db.handle().db, 'documents', doc.id),
              title: `Vastus ${secretWord}Vastus`,
              channel: 'email',
              closeMatter: false,
            },
            [],
            ctx,
          );
          secrets.restrictedTitles.add(`Lisa ${secretWord}Lisa`).add(`Vastus ${secretWord}Vastus`);
          restrictedWords.push(`${secretWord}Lisa`, `${secretWord}Vastus`);
          expected.numbers.add(addition.number).add(reply.number);
        } else {
          expected.publicTitles.add(title);
        }
      }
    }
  }
  // A public title that names its private party and their personal code: masked.
  const careless = persons[1]!;
  const named = await registerDocument(
    mari,
    form({
      title: `Pöördumine ${careless.given} ${careless.family} ${careless.code} asjus`,
      clientCode: careless.code,
      clientGivenName: careless.given,
      clientFamilyName: careless.family,
    }),
    [pdf()],
    ctx,
  );
  expected.numbers.add(named.number);
  // Made public on purpose by its unit before the term.
  const purposely = await registerDocument(
    mari,
    form({
      title: 'Avalikustatud Tahtlikvalgus',
      clientCode: persons[2]!.code,
      clientGivenName: persons[2]!.given,
      clientFamilyName: persons[2]!.family,
      isRestricted: true,
      restrictionGroundCode: 'avts-35-1-12',
    }),
    [pdf()],
    ctx,
  );
  await db
    .handle()
    .db.update(documents)
    .set({ publicSince: sql`now()`, publicBy: mari.id })
    .where(eq(documents.id, purposely.id));
  expected.publicTitles.add('Avalikustatud Tahtlikvalgus');
  // An issued certificate (restricted, to a private person).
  const [holder] = await db.handle().db.select({ id: clients.id }).from(clients).where(eq(clients.personalCode, persons[0]!.code));
  const issued = await issueDocument(
    mari,
    {
      templateId: 'benefit-certificate',
      data: {
        language: 'et',
        client: { name: `${persons[0]!.given} ${persons[0]!.family}`, personalCode: persons[0]!.code, address: 'Tartu mnt 1\n10115 Tallinn' },
        benefitKind: 'old-age-pension',
        periodStart: '2024-04-01',
        periodEnd: '',
        monthlyAmountCents: 123456,
        purpose: 'Pangale',
        signer: { name: 'Mari Tamm', title: 'spetsialist', email: '', phone: '' },
      },
      method: 'handed_over',
      clientId: holder!.id,
      fromDocumentId: '',
      submissionId: randomUUID(),
    },
    ctx,
  );
  issuedCode = issued.verificationCode;
  issuedBytes = (await readIssuedPdf(mari, issued.issuedId, ctx))!.bytes;
  expected.numbers.add(issued.number);
});

/** Every public answer, as the text a visitor's program would receive. */
async function everyPublicAnswer(): Promise<{ what: string; text: string }[]> {
  const out: { what: string; text: string }[] = [];
  for (const locale of ['et', 'en'] as const) {
    const all: PublicEntry[] = [];
    let cursor: string | undefined;
    do {
      const page = await searchPublicRegister({ limit: 7, cursor }, locale);
      all.push(...page.entries);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    out.push({ what: `list ${locale}`, text: JSON.stringify(all) });
    out.push({ what: `csv ${locale}`, text: entriesToCsv(all) });
    out.push({ what: `json ${locale}`, text: JSON.stringify({ fields: OPEN_DATA_FIELDS, entries: all }) });
    out.push({ what: `atom ${locale}`, text: entriesToAtom(all, 'https://x.ee', locale, 'register', 'restricted') });
    for (const e of all) {
      out.push({ what: `entry ${e.number} ${locale}`, text: JSON.stringify(await publicEntry(e.number, e.year, locale)) });
      const searches: PublicFilters[] = [
        { number: e.number },
        { from: e.date, to: e.date },
        { type: e.typeCode },
        { series: e.seriesCode },
        { unit: e.unitCode },
        { direction: e.direction },
        ...(e.title ? e.title.split(' ').map((w) => ({ words: w })) : []),
      ];
      for (const f of searches) out.push({ what: `search ${JSON.stringify(f)} ${locale}`, text: JSON.stringify(await searchPublicRegister(f, locale)) });
    }
    for (const code of [issuedCode]) {
      const ip = `203.0.113.${locale === 'et' ? 1 : 2}`;
      out.push({ what: `verify code ${locale}`, text: JSON.stringify(await verifyPublicly({ code }, { ip, requestId: 't', locale })) });
      out.push({ what: `verify file ${locale}`, text: JSON.stringify(await verifyPublicly({ pdf: issuedBytes }, { ip, requestId: 't', locale })) });
      out.push({
        what: `verify holder ${locale}`,
        text: JSON.stringify(await verifyPublicly({ code, personalCode: holderCode }, { ip, requestId: 't', locale })),
      });
    }
  }
  return out;
}

describe('the public register and the public verification leak nothing', () => {
  it('contains no personal code, no private person’s name and no restricted title in any answer, in either language', async () => {
    const answers = await everyPublicAnswer();
    expect(answers.length).toBeGreaterThan(100);
    const everything = answers.map((a) => a.text).join('\n');
    for (const { what, text } of answers) {
      for (const code of secrets.codes) expect(text, `${what}: personal code`).not.toContain(code);
      expect(text, `${what}: anything like a personal code`).not.toMatch(/(?<!\d)[1-6]\d{10}(?!\d)/);
      for (const name of secrets.names) expect(text.toLowerCase(), `${what}: a private person's name`).not.toContain(name.toLowerCase());
      for (const title of secrets.restrictedTitles) expect(text, `${what}: a restricted title`).not.toContain(title);
      for (const word of restrictedWords) expect(text, `${what}: a restricted title's word`).not.toContain(word);
    }
    // What must be public is.
    for (const title of expected.publicTitles) expect(everything).toContain(title);
    for (const institution of expected.institutions) expect(everything).toContain(institution);
    for (const number of expected.numbers) expect(everything).toContain(number);
    expect(everything).toContain('eraisik');
    expect(everything).toContain('private person');
    expect(everything).toContain('Pöördumine Ü. V.');
  });

  it('finds nothing by a restricted title’s words, a private person’s name or a personal code', async () => {
    for (const word of [...restrictedWords, ...secrets.names, ...secrets.codes]) {
      for (const locale of ['et', 'en'] as const) {
        expect((await searchPublicRegister({ words: word }, locale)).entries, word).toEqual([]);
      }
    }
  });

  it('shows a restricted entry with its number, date, type, series, department and restriction only', async () => {
    const page = await searchPublicRegister({ limit: 500 }, 'et');
    const restricted = page.entries.filter((e) => e.restricted);
    expect(restricted.length).toBeGreaterThanOrEqual(6);
    for (const e of restricted) {
      expect(e).toMatchObject({
        title: null,
        party: null,
        partyIsPrivate: null,
        senderReference: null,
        responsible: null,
        restriction: { mark: 'AK', ground: 'AvTS § 35 lg 1 p 12' },
      });
      expect(e.number && e.date && e.type && e.series && e.department).toBeTruthy();
    }
  });

  it('answers the public verification with the document’s public particulars and whether a typed personal code matches', async () => {
    const ctxEt = { ip: '198.51.100.7', requestId: 't', locale: 'et' as const };
    expect(await verifyPublicly({ code: issuedCode }, ctxEt)).toMatchObject({ status: 'issued', agency: 'Sotsiaalkindlustusamet' });
    expect(await verifyPublicly({ pdf: issuedBytes, personalCode: holderCode }, ctxEt)).toMatchObject({ status: 'valid', holder: 'matches' });
    const other = makePersonalCode('1985-05-05', 'male', 7);
    expect(await verifyPublicly({ code: issuedCode, personalCode: other }, ctxEt)).toMatchObject({ status: 'issued', holder: 'does-not-match' });
    expect(await verifyPublicly({ code: issuedCode, personalCode: '12345' }, ctxEt)).toEqual({ status: 'bad-personal-code' });
    // A file changed after issuing (bytes appended, as an editor's incremental save does) is "changed", not unknown.
    const appended = new Uint8Array([...issuedBytes, ...new TextEncoder().encode('\n% edited\n%%EOF\n')]);
    expect(await verifyPublicly({ pdf: appended }, ctxEt)).toMatchObject({ status: 'changed' });
    const flipped = new Uint8Array(issuedBytes);
    flipped[flipped.length >> 1] = flipped[flipped.length >> 1]! ^ 0x01;
    expect(await verifyPublicly({ pdf: flipped }, ctxEt)).toMatchObject({ status: 'changed' });
    expect(await verifyPublicly({ pdf: new TextEncoder().encode('%PDF-1.4\nnot ours\n%%EOF') }, ctxEt)).toEqual({ status: 'unknown', byFile: true });
    const audits = await db
      .handle()
      .db.execute<{ actor_code: string | null; subject_code: string | null; details: Record<string, unknown> }>(
        sql`select actor_code, subject_code, details from audit_log where action = 'document.verify_public' and details->>'ip' = '198.51.100.7'`,
      )
      .then((r) => (Array.isArray(r) ? r : (r as unknown as { rows: never[] }).rows));
    expect(audits.length).toBe(6);
    for (const a of audits) {
      expect(a.actor_code).toBeNull();
      expect(a.subject_code).toBeNull();
      expect(a.details).toMatchObject({ ip: '198.51.100.7' });
      expect(JSON.stringify(a.details)).not.toContain(holderCode);
      expect(JSON.stringify(a.details)).not.toContain(other);
    }
    expect(audits.map((a) => a.details.result).sort()).toEqual(['changed', 'changed', 'issued', 'issued', 'unknown', 'valid']);
  });
});
