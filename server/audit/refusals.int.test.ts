import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { selectRows } from '@/db/client';
import { attachments } from '@/db/schema';
import type { RegisterDocumentInput } from '@/lib/register-schema';
import { approvePayment, preparePayment, returnPayment } from '@/server/payments/mutations';
import { getDocumentCard } from '@/server/register/document-card';
import { readAttachment } from '@/server/register/attachment-download';
import { registerDocument } from '@/server/register/register-document';
import type { RegisterActor } from '@/server/register/visibility';
import { completeTask, createTasks, reviewTask } from '@/server/tasks/mutations';
import { paymentForm, paymentsTestDatabase } from '@/test/payments';
import { registrationInput } from '@/test/register';
import { ctx, taskInput } from '@/test/tasks';
import { versionNow } from '@/test/versions';

// Refusals of one record are audited as denied (with the action, the record and, for personal
// data, the client), and the person refused learns no more than from a missing record.

const fx = paymentsTestDatabase();
const { d } = fx;

type Denied = { action: string; entity_type: string; entity_id: string; subject_code: string | null; actor_code: string; reason: string };
const denied = (entityId: string) =>
  selectRows<Denied>(
    d(),
    sql`select action, entity_type, entity_id, subject_code, actor_code, details->>'reason' as reason
        from audit_log where outcome = 'denied' and entity_id = ${entityId} order by seq`,
  );

const restricted = (overrides: Partial<RegisterDocumentInput> = {}): RegisterDocumentInput =>
  registrationInput({
    typeCode: 'pension_application',
    title: 'Vanaduspensioni taotlus',
    isRestricted: true,
    restrictionGroundCode: 'avts-35-1-12',
    unitCode: 'pensionid',
    ...overrides,
  });

describe('record-level refusals are audited', () => {
  it('a preparer approving their own payment, and a manager of another region: refused, audited with the applicant', async () => {
    const { rasmus, ulle, mari } = fx.people;
    const own = (await preparePayment(rasmus, paymentForm(), ctx)).id;
    await expect(approvePayment(rasmus, { paymentId: own, version: await versionNow(d(), 'benefit_payments', own) }, ctx)).rejects.toMatchObject({
      code: 'errors.paymentOwnApproval',
    });
    expect(await denied(own)).toEqual([
      {
        action: 'payment.approve',
        entity_type: 'benefit_payment',
        entity_id: own,
        subject_code: '60001017869',
        actor_code: rasmus.personalCode,
        reason: 'own_payment',
      },
    ]);

    const north = (await preparePayment(mari, paymentForm(), ctx)).id;
    const version = await versionNow(d(), 'benefit_payments', north);
    await expect(approvePayment(ulle, { paymentId: north, version }, ctx)).rejects.toMatchObject({ code: 'errors.notFound' });
    await expect(returnPayment(ulle, { paymentId: north, version, reason: 'Vaata üle.' }, ctx)).rejects.toMatchObject({ code: 'errors.notFound' });
    expect((await denied(north)).map((r) => [r.action, r.subject_code, r.reason])).toEqual([
      ['payment.approve', '60001017869', 'out_of_scope'],
      ['payment.return', '60001017869', 'out_of_scope'],
    ]);
    // A payment that does not exist answers the same, and there is nothing to audit.
    const missing = randomUUID();
    await expect(approvePayment(ulle, { paymentId: missing, version: '1' }, ctx)).rejects.toMatchObject({ code: 'errors.notFound' });
    expect(await denied(missing)).toEqual([]);
  });

  it('a manager acting on another region’s task: not found, audited', async () => {
    const { juri, ulle, mari } = fx.people;
    const { tasks } = await createTasks(juri, taskInput([mari.id]), [], ctx);
    const id = tasks[0]!.id;
    await completeTask(mari, { id, result: 'Tehtud.' }, ctx);
    await expect(reviewTask(ulle, { id, version: await versionNow(d(), 'tasks', id), decision: 'accept', comment: '' }, ctx)).rejects.toMatchObject({
      code: 'errors.notFound',
    });
    expect((await denied(id)).map((r) => [r.action, r.entity_type, r.actor_code, r.reason])).toEqual([
      ['task.accept', 'task', ulle.personalCode, 'out_of_scope'],
    ]);
  });

  it('a specialist of another unit sees a restricted document’s entry only, and opening its scan is refused and audited with the client', async () => {
    const { mari, eha, andres } = fx.people;
    // Not the registrar (who keeps the front desk's view), not the department, not the assignee.
    const other: RegisterActor = { ...andres, unitCode: 'peretoetused' };
    const scan = { name: 'taotlus.pdf', bytes: new TextEncoder().encode('%PDF-1.7\nskaneering\n%%EOF') };
    const { id } = await registerDocument(mari, restricted({ assigneeId: eha.id }), [scan], ctx);
    const [file] = await d().select().from(attachments).where(eq(attachments.documentId, id));
    // The register's entry is every register user's; its contents are not (no title, party or files).
    expect(await getDocumentCard(other, id, ctx)).toMatchObject({ access: 'entry', client: null, attachments: [], doc: { title: '' } });
    expect(await readAttachment(other, file!.id, ctx)).toBeNull();
    expect(await denied(id)).toEqual([]);
    expect((await denied(file!.id)).map((r) => [r.action, r.entity_type, r.subject_code])).toEqual([['attachment.download', 'attachment', '60001019906']]);
    // The same answer for a document that does not exist, with nothing to audit.
    const missing = randomUUID();
    expect(await getDocumentCard(other, missing, ctx)).toBeNull();
    expect(await readAttachment(other, missing, ctx)).toBeNull();
    expect(await denied(missing)).toEqual([]);
  });
});
