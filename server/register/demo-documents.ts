import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { documents, staff } from '@/db/schema';
import type { RegisterDocumentInput } from '@/lib/register-schema';
import { instantToTallinnLocal } from '@/lib/tallinn-time';
import { forwardDocument } from './forward';
import { requestMissingDocuments } from './missing-documents';
import { registerDocument } from './register-document';
import { registerReply } from './reply';
import type { RegisterActor } from './visibility';

// A register that looks lived-in for the demo: registered through the domain functions,
// so numbers, deadlines, history and audit rows are exactly what a user would create.

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);

export async function seedDemoDocuments(): Promise<number> {
  const db = await getDb();
  const [existing] = await db.select({ n: count() }).from(documents);
  if ((existing?.n ?? 0) > 0) return 0;
  const actor = async (code: string): Promise<RegisterActor> => {
    const [p] = await db.select().from(staff).where(eq(staff.personalCode, code));
    return { id: p!.id, personalCode: p!.personalCode, roles: p!.roles, unitCode: p!.unitCode };
  };
  const mari = await actor('47805122004');
  const eha = await actor('48710242983');
  const base = (when: Date, overrides: Partial<RegisterDocumentInput>): RegisterDocumentInput => ({
    typeCode: 'general_application',
    channel: 'post',
    receivedAt: instantToTallinnLocal(when),
    party: 'client',
    clientCode: '60001019906',
    clientGivenName: 'Mary Änn',
    clientFamilyName: 'O’Connež-Šuslik',
    institutionName: '',
    institutionCode: '',
    identityChecked: false,
    identityDocumentType: '',
    identityDocumentNumber: '',
    identityValidUntil: '',
    title: '',
    senderReference: '',
    senderDate: '',
    pages: '',
    isRestricted: true,
    restrictionGroundCode: 'avts-35-1-12',
    restrictionUntil: '',
    unitCode: 'klienditeenindus',
    assigneeId: mari.id,
    otherAuthority: false,
    matterId: '',
    submissionId: randomUUID(),
    ...overrides,
  });
  const register = (days: number, overrides: Partial<RegisterDocumentInput>, by = mari) => {
    const when = daysAgo(days);
    return registerDocument(by, base(when, overrides), [], { requestId: 'demo-seed', now: when });
  };
  const ctx = { requestId: 'demo-seed' };
  // Decisions are made from the card as it shows the document (lib/record-version.ts).
  const cardVersion = async (id: string) => {
    const [shown] = await db.select({ version: documents.version }).from(documents).where(eq(documents.id, id));
    return String(shown!.version);
  };

  const pension = await register(12, {
    typeCode: 'pension_application',
    channel: 'in_person',
    identityChecked: true,
    identityDocumentType: 'id_card',
    identityDocumentNumber: 'AC0123456',
    identityValidUntil: '2030-06-30',
    title: 'Vanaduspensioni taotlus',
    pages: '4',
  });
  await forwardDocument(
    mari,
    {
      documentId: pension.id,
      version: await cardVersion(pension.id),
      unitCode: 'pensionid',
      assigneeId: eha.id,
      note: 'Klient soovib pensioni alates järgmisest kuust.',
    },
    ctx,
  );
  const waiting = await register(
    20,
    {
      typeCode: 'pension_application',
      clientCode: '36805280109',
      clientGivenName: 'Toomas',
      clientFamilyName: 'Jõesaar',
      title: 'Töövõimetuspensioni taotlus',
      unitCode: 'pensionid',
      assigneeId: eha.id,
    },
    eha,
  );
  await requestMissingDocuments(
    eha,
    {
      documentId: waiting.id,
      version: await cardVersion(waiting.id),
      items: 'Tööraamatu koopia\nTõend ajateenistuse kohta',
      clientDeadline: instantToTallinnLocal(new Date(Date.now() + 7 * 86_400_000)).slice(0, 10),
      note: '',
    },
    ctx,
  );
  await register(40, {
    typeCode: 'memorandum',
    title: 'Märgukiri klienditeeninduse lahtiolekuaegade kohta',
    clientCode: '60001017869',
    clientGivenName: 'Ülle-Mai',
    clientFamilyName: 'Pärnpuu',
  });
  await register(3, {
    typeCode: 'information_request',
    channel: 'email',
    title: 'Teabenõue: minu pensioniarvutuse alused',
    clientCode: '45503150215',
    clientGivenName: 'Žanna',
    clientFamilyName: 'Kuznetšova',
  });
  const letter = await register(6, {
    typeCode: 'general_letter',
    channel: 'dhx',
    party: 'institution',
    clientCode: '',
    clientGivenName: '',
    clientFamilyName: '',
    institutionName: 'Tallinna Sotsiaal- ja Tervishoiuamet',
    institutionCode: '75014920',
    senderReference: '7-1/2345',
    title: 'Päring toetuse saaja andmete kohta',
  });
  await registerReply(
    mari,
    { documentId: letter.id, version: await cardVersion(letter.id), title: 'Vastus päringule', channel: 'dhx', closeMatter: true },
    [],
    ctx,
  );
  await register(1, {
    typeCode: 'family_benefit_application',
    channel: 'e_service',
    title: 'Lapsehoolduspuhkuse toetuse taotlus',
    unitCode: 'peretoetused',
    assigneeId: '',
    clientCode: '60001017869',
    clientGivenName: 'Ülle-Mai',
    clientFamilyName: 'Pärnpuu',
  });
  return 6;
}
