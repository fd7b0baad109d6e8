import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { clients, documentEvents, documents, documentTypes, missingRequests, staff, units } from '@/db/schema';
import type { Locale } from '@/lib/i18n';
import { formatDate } from '@/lib/format';
import { appendAudit } from '@/server/audit/record';
import { authorize } from '@/server/auth/policy';
import { tallinnDate } from '@/server/calendar/working-days';
import { DomainError, isUniqueViolation } from '@/server/errors';
import { notice } from '@/server/notifications/notices';
import { notify } from '@/server/notifications/notify';
import type { UploadedFile } from '@/server/files/form-with-files';
import type { RequestContext } from '@/server/observability/context';
import { resumeAfterMissing } from './missing-documents';
import { checkScans, storeScans } from './scans';
import { allocateInMatter } from './numbering';
import { frontDeskColumn, withHeldWorkNow, type RegisterActor } from './visibility';

const OPEN = ['registered', 'in_progress', 'waiting_for_client'] as const;

/**
 * A client's pending matters in every department, for the front desk at the client card: the
 * register entry (number, type, department, assignee, status, deadline) and what is awaited
 * from the client. The title of a restricted matter only for those who may see it.
 */
export async function pendingMatters(actor: RegisterActor, clientId: string, locale: Locale = 'et') {
  authorize(actor, 'clients.read');
  authorize(actor, 'register.read');
  const db = await getDb();
  actor = await withHeldWorkNow(actor);
  const rows = await db
    .select({
      id: documents.id,
      number: documents.number,
      title: documents.title,
      isRestricted: documents.isRestricted,
      status: documents.status,
      registeredAt: documents.registeredAt,
      dueDate: documents.dueDate,
      pausedDaysLeft: documents.pausedDaysLeft,
      typeName: locale === 'en' ? documentTypes.nameEn : documentTypes.nameEt,
      unitName: locale === 'en' ? units.nameEn : units.nameEt,
      assigneeName: sql<string | null>`(select ${staff.givenName} || ' ' || ${staff.familyName} from ${staff} where ${staff.id} = ${documents.assigneeId})`,
      open: frontDeskColumn(actor),
      missingItems: missingRequests.items,
      clientDeadline: missingRequests.clientDeadline,
    })
    .from(documents)
    .innerJoin(documentTypes, eq(documentTypes.code, documents.typeCode))
    .innerJoin(units, eq(units.code, documents.unitCode))
    .leftJoin(missingRequests, and(eq(missingRequests.documentId, documents.id), isNull(missingRequests.resolvedAt)))
    .where(and(eq(documents.clientId, clientId), eq(documents.direction, 'incoming'), inArray(documents.status, [...OPEN])))
    .orderBy(desc(documents.registeredAt))
    .limit(50);
  return rows.map(({ open, title, ...r }) => ({ ...r, title: r.isRestricted && !open ? null : title }));
}

export const broughtInSchema = z.object({
  documentId: z.uuid(),
  title: z.string().trim().min(1, 'errors.required').max(500, 'errors.tooLong'),
  pages: z.union([z.literal(''), z.coerce.number().int().min(1).max(10_000)]).default(''),
  submissionId: z.uuid(),
});
export type BroughtInInput = z.input<typeof broughtInSchema>;

/**
 * What the client brings into a pending matter, registered at the front desk by anyone with
 * register access: a document of the matter (`…-N`) with the matter's department, assignee and
 * restriction, its scans, and the matter's paused deadline resumed. The assignee is told. The
 * registrar sees no more of the matter than its entry.
 */
export async function registerBroughtIn(
  actor: RegisterActor,
  input: BroughtInInput,
  files: UploadedFile[],
  ctx: RequestContext,
): Promise<{ id: string; number: string; matterNumber: string; dueDate: string | null; resumed: boolean }> {
  const role = authorize(actor, 'register.write');
  const data = broughtInSchema.parse(input);
  const scans = checkScans(files);
  const now = ctx.now ?? new Date();
  const today = tallinnDate(now);
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .select({ doc: documents, clientCode: clients.personalCode })
        .from(documents)
        .innerJoin(clients, eq(clients.id, documents.clientId))
        .where(eq(documents.id, data.documentId))
        .for('update', { of: documents });
      if (!row) throw new DomainError('errors.notFound');
      const matter = row.doc;
      if (matter.direction !== 'incoming' || !(OPEN as readonly string[]).includes(matter.status)) throw new DomainError('errors.statusChange');
      const number = await allocateInMatter(tx, matter.matterId);
      const id = randomUUID();
      await tx.insert(documents).values({
        id,
        ...number,
        matterId: matter.matterId,
        typeCode: 'general_letter',
        direction: 'incoming',
        channel: 'in_person',
        receivedAt: now,
        registeredAt: now,
        clientId: matter.clientId,
        title: data.title,
        pages: data.pages === '' ? null : data.pages,
        isRestricted: matter.isRestricted,
        restrictionGroundCode: matter.restrictionGroundCode,
        restrictionFrom: matter.isRestricted ? today : null,
        restrictionUntil: matter.restrictionUntil,
        unitCode: matter.unitCode,
        assigneeId: matter.assigneeId,
        // Part of the matter: the work and its deadline are the matter's.
        status: 'closed',
        deadlineKind: 'none',
        createdBy: actor.id,
        submissionId: data.submissionId,
      });
      await tx
        .insert(documentEvents)
        .values({ documentId: id, actorId: actor.id, kind: 'registered', details: { number: number.number, files: scans.length } });
      await storeScans(tx, actor, id, scans);
      const due = await resumeAfterMissing(tx, actor, matter, today, { brought: number.number });
      if (due === false) {
        await tx.insert(documentEvents).values({ documentId: matter.id, actorId: actor.id, kind: 'attachments_added', details: { brought: number.number } });
        // What the client brought changes what the matter's card shows (its version: lib/record-version.ts).
        await tx
          .update(documents)
          .set({ updatedAt: sql`now()` })
          .where(eq(documents.id, matter.id));
      }
      const resumed = due !== false;
      const dueDate = resumed ? due : matter.dueDate;
      if (matter.assigneeId && matter.assigneeId !== actor.id) {
        const [me] = await tx
          .select({ name: sql<string>`${staff.givenName} || ' ' || ${staff.familyName}` })
          .from(staff)
          .where(eq(staff.id, actor.id));
        await notify(tx, {
          recipients: [{ staffId: matter.assigneeId }],
          notice: notice('document.brought_in', {
            who: me?.name ?? '',
            brought: number.number,
            number: matter.number,
            resumedUntil: resumed && dueDate ? formatDate(dueDate) : null,
          }),
          link: `/dokumendid/${matter.id}`,
        });
      }
      await appendAudit(tx, {
        actorCode: actor.personalCode,
        actorRole: role,
        action: 'document.brought_in',
        entityType: 'document',
        entityId: id,
        subjectCode: row.clientCode,
        requestId: ctx.requestId,
        details: { matter: matter.number, number: number.number, files: scans.map((s) => s.sha256), resumed, dueDate },
      });
      return { id, number: number.number, matterNumber: matter.number, dueDate, resumed };
    });
  } catch (error) {
    // The same form sent twice: answer with the first.
    if (isUniqueViolation(error, 'documents_submission_id_unique')) {
      const [first] = await db
        .select({ id: documents.id, number: documents.number, matterId: documents.matterId })
        .from(documents)
        .where(eq(documents.submissionId, data.submissionId));
      if (first) {
        const [matter] = await db
          .select({ number: documents.number, dueDate: documents.dueDate })
          .from(documents)
          .where(eq(documents.id, data.documentId))
          .orderBy(asc(documents.suffix));
        return { id: first.id, number: first.number, matterNumber: matter?.number ?? '', dueDate: matter?.dueDate ?? null, resumed: false };
      }
    }
    throw error;
  }
}
