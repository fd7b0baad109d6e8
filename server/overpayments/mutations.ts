import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { documentTypes, overpaymentApplications, overpaymentInstalments } from '@/db/schema';
import { parseEurosToCents } from '@/lib/money';
import { overpaymentSchema, type OverpaymentInput } from '@/lib/overpayment-schema';
import { instantToTallinnLocal } from '@/lib/tallinn-time';
import { appendAudit } from '@/server/audit/record';
import { authorize } from '@/server/auth/policy';
import { tallinnDate } from '@/server/calendar/working-days';
import type { RequestContext } from '@/server/observability/context';
import { registerDocument } from '@/server/register/register-document';
import type { RegisterActor } from '@/server/register/visibility';
import { overpaymentMaxMonths } from './config';

// Duty 3.8. The application is registered in the correspondence register as its own type
// (overpayment_application, series 2-4) and goes to the unit that handles recoveries: the
// type's default unit, seeded as the Finance and Asset Management Department (finants),
// which keeps the Board's claims and their repayment schedules. The structured data (the
// amount, the request, the schedule) is written in the same transaction.

const TYPE = 'overpayment_application';
const RECOVERIES_UNIT = 'finants';

const titles = {
  lump_sum: 'Enammakstud summa tagasimaksmise taotlus (ühe maksena)',
  instalments: 'Enammakstud summa tagasimaksmise taotlus (osamaksetena)',
  waiver: 'Enammakstud summa tagasimaksmisest vabastamise taotlus',
} as const;

export function overpaymentRules(now: Date = new Date()) {
  return { today: tallinnDate(now), maxMonths: overpaymentMaxMonths() };
}

export async function registerOverpaymentApplication(
  actor: RegisterActor,
  input: OverpaymentInput,
  ctx: RequestContext,
): Promise<{ documentId: string; number: string; applicationId: string }> {
  const role = authorize(actor, 'overpayments.register');
  const now = ctx.now ?? new Date();
  const data = overpaymentSchema(overpaymentRules(now)).parse(input);
  const amountCents = parseEurosToCents(data.amount)!;
  const db = await getDb();
  const [type] = await db.select().from(documentTypes).where(eq(documentTypes.code, TYPE));
  let applicationId = '';
  const doc = await registerDocument(
    actor,
    {
      typeCode: TYPE,
      channel: data.channel,
      receivedAt: instantToTallinnLocal(now),
      party: 'client',
      clientCode: data.clientCode,
      clientGivenName: data.clientGivenName,
      clientFamilyName: data.clientFamilyName,
      institutionName: '',
      institutionCode: '',
      // Only from an identified client: the register records the identity check with it.
      identityChecked: true,
      identityDocumentType: data.identityDocumentType,
      identityDocumentNumber: data.identityDocumentNumber,
      identityValidUntil: data.identityValidUntil,
      title: titles[data.request],
      senderReference: '',
      senderDate: '',
      pages: '',
      isRestricted: type?.defaultRestricted ?? true,
      restrictionGroundCode: type?.defaultGroundCode ?? 'avts-35-1-12',
      restrictionUntil: '',
      unitCode: type?.defaultUnitCode ?? RECOVERIES_UNIT,
      assigneeId: '',
      otherAuthority: false,
      matterId: '',
      submissionId: data.submissionId,
    },
    [],
    ctx,
    async (tx, registered) => {
      const [row] = await tx
        .insert(overpaymentApplications)
        .values({
          documentId: registered.id,
          clientId: registered.clientId!,
          benefit: data.benefit,
          decisionReference: data.decisionReference || null,
          amountCents,
          request: data.request,
          lumpSumDate: data.request === 'lump_sum' && data.lumpSumDate ? data.lumpSumDate : null,
          waiverReason: data.request === 'waiver' ? data.waiverReason : null,
          createdBy: actor.id,
        })
        .returning({ id: overpaymentApplications.id });
      applicationId = row!.id;
      if (data.request === 'instalments') {
        await tx
          .insert(overpaymentInstalments)
          .values(data.schedule.map((r, i) => ({ applicationId, seq: i + 1, dueDate: r.dueDate, amountCents: parseEurosToCents(r.amount)! })));
      }
      await appendAudit(tx, {
        actorCode: actor.personalCode,
        actorRole: role,
        action: 'overpayment.register',
        entityType: 'document',
        entityId: registered.id,
        subjectCode: data.clientCode,
        requestId: ctx.requestId,
        details: { number: registered.number, request: data.request, amountCents, instalments: data.request === 'instalments' ? data.schedule.length : 0 },
      });
    },
  );
  if (!applicationId) {
    // The same form sent twice: the register answered with the first registration.
    const [existing] = await db.select({ id: overpaymentApplications.id }).from(overpaymentApplications).where(eq(overpaymentApplications.documentId, doc.id));
    applicationId = existing?.id ?? '';
  }
  return { documentId: doc.id, number: doc.number, applicationId };
}
