// Registering an incoming document: checks, the client and identity check, the access
// restriction, the deadline, the assignee, the number, and the hand-over notice.
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { getDb, selectRows } from '@/db/client';
import { accessGrounds, clients, documentEvents, documents, documentTypes, identityChecks } from '@/db/schema';
import { registerDocumentSchema, type RegisterDocumentInput } from '@/lib/register-schema';
import { tallinnLocalToInstant } from '@/lib/tallinn-time';
import { appendCall } from '@/server/audit/record';
import { authorize } from '@/server/auth/policy';
import { addYears, dueDate, tallinnDate } from '@/server/calendar/working-days';
import { DomainError, isUniqueViolation } from '@/server/errors';
import type { UploadedFile } from '@/server/files/form-with-files';
import { notifyHandover } from '@/server/notifications/handover';
import type { RequestContext } from '@/server/observability/context';
import type { Tx } from '@/server/tx';
import { assignFairly, assignToPerson, type DocumentAssignment } from '@/server/workload/assign';
import { loadCalendar } from './calendar';
import { allocateInMatter, allocateNumber, numberInStatement } from './numbering';
import { checkScans, storeScans } from './scans';
import { visibleDocuments, type RegisterActor } from './visibility';
import { assertUnitAndAssignee, auditEntry, documentNamed, eventInsert, OTHER_AUTHORITY_RULE, ruleOf, writeTogether } from './write-helpers';

export async function registerDocument(
  actor: RegisterActor,
  input: RegisterDocumentInput,
  files: UploadedFile[],
  ctx: RequestContext,
  // A feature that registers its own kind of application (e.g. an overpayment application)
  // writes its structured data here, in the same transaction as the register entry.
  within?: (tx: Tx, doc: { id: string; number: string; clientId: string | null; role: string }) => Promise<void>,
): Promise<{ id: string; number: string }> {
  const role = authorize(actor, 'register.write');
  const data = registerDocumentSchema.parse(input);
  const now = ctx.now ?? new Date();
  const today = tallinnDate(now);
  const receivedAt = tallinnLocalToInstant(data.receivedAt);
  if (!receivedAt) throw new DomainError('errors.dateTime', 'receivedAt');
  if (receivedAt.getTime() > now.getTime() + 5 * 60_000) throw new DomainError('errors.futureDate', 'receivedAt');
  if (data.identityChecked && data.identityValidUntil < today) throw new DomainError('errors.identityExpired', 'identityValidUntil');
  const scans = checkScans(files);
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const [type] = await tx
        .select()
        .from(documentTypes)
        .where(and(eq(documentTypes.code, data.typeCode), eq(documentTypes.isActive, true)));
      if (!type || type.direction !== 'incoming') throw new DomainError('errors.unknownReference', 'typeCode');
      await assertUnitAndAssignee(tx, data.unitCode, data.assigneeId);
      let restrictionUntil: string | null = null;
      if (data.isRestricted) {
        const [ground] = await tx
          .select()
          .from(accessGrounds)
          .where(and(eq(accessGrounds.code, data.restrictionGroundCode), eq(accessGrounds.isActive, true)));
        if (!ground) throw new DomainError('errors.unknownReference', 'restrictionGroundCode');
        // The term follows from the ground (75 years for personal data) unless set.
        restrictionUntil = data.restrictionUntil || addYears(today, ground.termYears);
        if (restrictionUntil <= today) throw new DomainError('errors.restrictionEnd', 'restrictionUntil');
      }

      let clientId: string | null = null;
      let clientCode: string | null = null;
      if (data.party === 'client') {
        await tx
          .insert(clients)
          .values({ personalCode: data.clientCode, givenName: data.clientGivenName, familyName: data.clientFamilyName })
          .onConflictDoNothing();
        const [client] = await tx.select().from(clients).where(eq(clients.personalCode, data.clientCode));
        clientId = client!.id;
        clientCode = client!.personalCode;
        if (data.identityChecked) {
          await tx.insert(identityChecks).values({
            clientId,
            documentType: data.identityDocumentType as 'id_card',
            documentNumber: data.identityDocumentNumber.toUpperCase(),
            validUntil: data.identityValidUntil,
            checkedBy: actor.id,
            checkedAt: now,
          });
        }
      }

      let matterId: string | null = null;
      if (data.matterId) {
        const [matter] = await tx
          .select({ id: documents.id, matterId: documents.matterId })
          .from(documents)
          .where(and(eq(documents.id, data.matterId), visibleDocuments(actor)));
        if (!matter) throw new DomainError('errors.unknownReference', 'matterId');
        matterId = matter.matterId;
      }
      const id = randomUUID();
      const registrationYear = Number(today.slice(0, 4));
      const calendar = await loadCalendar(tx);
      const due = dueDate(data.otherAuthority ? OTHER_AUTHORITY_RULE : ruleOf(type), today, calendar);
      // The person chosen (their substitute while they are away), or with nobody chosen the
      // unit's fair distribution where it is turned on (server/workload/assign.ts).
      const assignment: DocumentAssignment = data.assigneeId
        ? await assignToPerson(tx, data.assigneeId, now)
        : ((await assignFairly(tx, { unitCode: data.unitCode, registrarId: actor.id }, type.code, now)) ?? {
            assigneeId: null,
            substituteForId: null,
            details: {},
          });
      // The number last: its counter row stays locked until commit, and under load the
      // registrations of one series queue on it (bench:load's wait events), so nothing that
      // does not need the number runs while it is held. The usual letter (no scans, no matter,
      // no application data) takes it in the one statement that writes the document, its first
      // event and the audit row, so the lock lasts that statement and the commit.
      const documentValues = {
        id,
        matterId: matterId ?? id,
        typeCode: type.code,
        direction: 'incoming' as const,
        channel: data.channel,
        receivedAt,
        registeredAt: now,
        clientId,
        institutionName: data.party === 'institution' ? data.institutionName : null,
        institutionCode: data.party === 'institution' && data.institutionCode ? data.institutionCode : null,
        title: data.title,
        senderReference: data.senderReference || null,
        senderDate: data.senderDate || null,
        pages: data.pages === '' ? null : data.pages,
        isRestricted: data.isRestricted,
        restrictionGroundCode: data.isRestricted ? data.restrictionGroundCode : null,
        restrictionFrom: data.isRestricted ? today : null,
        restrictionUntil,
        unitCode: data.unitCode,
        assigneeId: assignment.assigneeId,
        substituteForId: assignment.substituteForId,
        deadlineKind: data.otherAuthority ? ('working_days' as const) : type.deadlineKind,
        dueDate: due,
        otherAuthority: data.otherAuthority,
        createdBy: actor.id,
        submissionId: data.submissionId,
      };
      const eventDetails = (number: string) => ({
        number,
        dueDate: due,
        unit: data.unitCode,
        assignee: assignment.assigneeId,
        files: scans.length,
        ...assignment.details,
      });
      // Registered to someone else (chosen, distributed, or their substitute): they are told.
      const handOver = (number: string) =>
        notifyHandover(tx, {
          to: assignment.assigneeId,
          fromId: actor.id,
          kind: 'document.assigned',
          what: (m) => documentNamed(m, { number, title: data.title, isRestricted: data.isRestricted }),
          link: `/dokumendid/${id}`,
          substituteForId: assignment.substituteForId,
        });
      const audit = (number: string) =>
        auditEntry(actor, role, 'document.register', { id, clientCode }, ctx, {
          number,
          type: type.code,
          files: scans.map((s) => s.sha256),
        });
      if (scans.length === 0 && !within && !matterId) {
        const num = await numberInStatement(tx, type.seriesCode, registrationYear);
        const documentRow = tx
          .insert(documents)
          .values({ ...documentValues, seriesCode: type.seriesCode, year: registrationYear, sequence: num.sequence, suffix: 0, number: num.number });
        const registered = tx
          .insert(documentEvents)
          .values({ documentId: id, actorId: actor.id, kind: 'registered', details: sql`${num.inJson(JSON.stringify(eventDetails(num.numberToken)))}::jsonb` });
        const [row] = await selectRows<{ sequence: number }>(
          tx,
          sql`with ${num.cte}, w0 as (${documentRow.getSQL()}), w1 as (${registered.getSQL()})
              select ${appendCall(audit(num.numberToken), num.inJson)}, ${num.sequence} as sequence`,
        );
        const registeredNumber = num.formatted(Number(row!.sequence));
        await handOver(registeredNumber);
        return { id, number: registeredNumber };
      }
      const number = matterId ? await allocateInMatter(tx, matterId) : await allocateNumber(tx, type.seriesCode, registrationYear);
      const documentRow = tx.insert(documents).values({ ...documentValues, ...number });
      const registered = eventInsert(tx, id, actor, 'registered', eventDetails(number.number));
      if (scans.length === 0 && !within) {
        await writeTogether(tx, [documentRow, registered], audit(number.number));
      } else {
        await documentRow;
        await storeScans(tx, actor, id, scans);
        await within?.(tx, { id, number: number.number, clientId, role });
        await writeTogether(tx, [registered], audit(number.number));
      }
      await handOver(number.number);
      return { id, number: number.number };
    });
  } catch (error) {
    // The same form sent twice (a double click, a retried request): answer with the first.
    if (isUniqueViolation(error, 'documents_submission_id_unique')) {
      const [existing] = await db.select({ id: documents.id, number: documents.number }).from(documents).where(eq(documents.submissionId, data.submissionId));
      if (existing) return existing;
    }
    throw error;
  }
}
