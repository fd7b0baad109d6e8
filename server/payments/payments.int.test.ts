import { randomUUID } from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { benefitKinds, benefitPayments, paymentBatches, paymentBatchItems } from '@/db/schema';
import { ForbiddenError } from '@/server/auth/policy';
import { nextTarget2BusinessDay } from '@/server/payments/target2';
import { addDays } from '@/server/calendar/working-days';
import { onlyOn } from '@/test/db';
import { paymentForm, paymentsTestDatabase } from '@/test/payments';
import { versionNow } from '@/test/versions';
import { codes, countRows, ctx, today } from '@/test/tasks';
import { validateAgainstXsd } from '@/test/xsd';
import { approvePayment, preparePayment, saveBenefitKind } from './mutations';
import { createBatch } from './batch';
import { downloadBatch } from './export';
import { getPayment, listBatches, listPayments } from './queries';

const fx = paymentsTestDatabase(); // fx.helje: finance
const pageVersion = (id: string) => versionNow(fx.d(), 'benefit_payments', id);
const { d } = fx;

const form = paymentForm;

const executionDate = () => nextTarget2BusinessDay(addDays(today(), 1));

async function approved(amount = '250,00', by = fx.people.mari, approver = fx.people.juri) {
  const { id } = await preparePayment(by, form({ amount }), ctx);
  await approvePayment(approver, { paymentId: id, version: await pageVersion(id) }, ctx);
  return id;
}

describe('benefit payments', () => {
  it('a specialist prepares, a manager approves, finance batches and downloads a valid pain.001', async () => {
    const a = await approved('250,00');
    const b = await approved('1 234,56');
    const [row] = await d().select().from(benefitPayments).where(eq(benefitPayments.id, a));
    expect(row).toMatchObject({ amountCents: 25000, recipientIban: 'EE382200221020145685', status: 'approved', regionCode: 'pohja' });
    // Mari's manager was asked to approve it.
    expect(await countRows(d(), 'notifications', sql`recipient_id = ${fx.people.juri.id} and kind = 'payment.prepared' and link = ${`/maksed/${a}`}`)).toBe(1);

    const batch = await createBatch(fx.helje, { paymentIds: [a, b], executionDate: executionDate() }, ctx);
    const file = await downloadBatch(fx.helje, batch.id, ctx);
    expect(file!.fileName).toBe(`${batch.messageId}.xml`);
    const check = validateAgainstXsd(file!.xml);
    expect(check.output).toBe('');
    expect(check.ok).toBe(true);
    // Control sum = the sum of the payments' cents, at group and payment-information level.
    expect(file!.xml.match(/<CtrlSum>1484\.56<\/CtrlSum>/g)).toHaveLength(2);
    expect(file!.xml.match(/<NbOfTxs>2<\/NbOfTxs>/g)).toHaveLength(2);
    expect(file!.xml).toContain('<IBAN>EE382200221020145685</IBAN>');
    expect(file!.xml).toContain('<InstdAmt Ccy="EUR">1234.56</InstdAmt>');
    expect(file!.xml).toContain('<Ustrd>Matusetoetus Toomas Joesaar</Ustrd>');
    const [stored] = await d().select().from(paymentBatches).where(eq(paymentBatches.id, batch.id));
    expect(stored).toMatchObject({ paymentCount: 2, controlSumCents: 148456, downloadCount: 1 });
    // The same bytes on every download.
    expect((await downloadBatch(fx.helje, batch.id, ctx))!.xml).toBe(file!.xml);

    // Each payment shows it was handed over, when and by whom.
    const seen = await getPayment(fx.people.mari, a, ctx);
    expect(seen).toMatchObject({ status: 'handed_over', handedOverByName: 'Helje Rebane', approvedByName: 'Jüri Õunapuu', messageId: batch.messageId });
    expect(seen!.handedOverAt).toBeInstanceOf(Date);
    expect((await listBatches(fx.helje)).find((x) => x.id === batch.id)).toMatchObject({ paymentCount: 2, createdByName: 'Helje Rebane' });
    expect(await countRows(d(), 'audit_log', sql`action = 'payment.view' and subject_code = '60001017869'`)).toBeGreaterThan(0);
  });

  it('a batch never takes an unapproved or an already-batched payment; nothing is written', async () => {
    const { id: unapproved } = await preparePayment(fx.people.mari, form(), ctx);
    const ok = await approved();
    const batches = await countRows(d(), 'payment_batches');
    await expect(createBatch(fx.helje, { paymentIds: [ok, unapproved], executionDate: executionDate() }, ctx)).rejects.toMatchObject({
      code: 'errors.paymentNotBatchable',
    });
    expect(await countRows(d(), 'payment_batches')).toBe(batches);
    const [row] = await d().select().from(benefitPayments).where(eq(benefitPayments.id, ok));
    expect(row!.status).toBe('approved');

    await createBatch(fx.helje, { paymentIds: [ok], executionDate: executionDate() }, ctx);
    await expect(createBatch(fx.helje, { paymentIds: [ok], executionDate: executionDate() }, ctx)).rejects.toMatchObject({
      code: 'errors.paymentNotBatchable',
    });
    expect(await countRows(d(), 'payment_batch_items', sql`payment_id = ${ok}`)).toBe(1);
  });

  it('a self-approved payment cannot exist: the preparer is refused, and the database refuses it too', async () => {
    // Rasmus is both a specialist and a manager.
    const { id } = await preparePayment(fx.people.rasmus, form(), ctx);
    await expect(approvePayment(fx.people.rasmus, { paymentId: id, version: await pageVersion(id) }, ctx)).rejects.toMatchObject({
      code: 'errors.paymentOwnApproval',
    });
    await expect(
      d().execute(sql`update benefit_payments set status = 'approved', approved_by = prepared_by, approved_at = now() where id = ${id}`),
    ).rejects.toThrow();
    await expect(createBatch(fx.helje, { paymentIds: [id], executionDate: executionDate() }, ctx)).rejects.toMatchObject({
      code: 'errors.paymentNotBatchable',
    });
    // Another manager of the region may approve it.
    await approvePayment(fx.people.juri, { paymentId: id, version: await pageVersion(id) }, ctx);
    await expect(approvePayment(fx.people.juri, { paymentId: id, version: await pageVersion(id) }, ctx)).rejects.toMatchObject({
      code: 'errors.paymentNotPrepared',
    });
  });

  it('concurrent batches cannot put one payment in two batches', async () => {
    const ids = [await approved('10,00'), await approved('20,00'), await approved('30,00')];
    const results = await Promise.allSettled([
      createBatch(fx.helje, { paymentIds: ids, executionDate: executionDate() }, ctx),
      createBatch(fx.helje, { paymentIds: [ids[2]!, ids[1]!], executionDate: executionDate() }, ctx),
      createBatch(fx.helje, { paymentIds: [ids[0]!], executionDate: executionDate() }, ctx),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    for (const r of lost) expect(r.reason).toMatchObject({ code: 'errors.paymentNotBatchable' });
    const items = await d().select().from(paymentBatchItems).where(inArray(paymentBatchItems.paymentId, ids));
    expect(items).toHaveLength(3);
    expect(new Set(items.map((i) => i.paymentId)).size).toBe(3);
    // The batches that exist hold exactly their own payments (no partial batch was left).
    for (const r of won) {
      const { id } = (r as PromiseFulfilledResult<{ id: string }>).value;
      const [b] = await d().select().from(paymentBatches).where(eq(paymentBatches.id, id));
      expect(items.filter((i) => i.batchId === id)).toHaveLength(b!.paymentCount);
    }
    expect(won.length).toBeGreaterThanOrEqual(1);
    // A locked batch: its items cannot be moved or removed.
    await expect(d().execute(sql`delete from payment_batch_items where payment_id = ${ids[0]!}`)).rejects.toThrow();
    await expect(d().execute(sql`update payment_batches set control_sum_cents = 1 where id = ${items[0]!.batchId}`)).rejects.toThrow();
  });

  onlyOn('postgres', () =>
    it('two connections racing for the same payments: one batch wins, on real PostgreSQL', async () => {
      const ids = await Promise.all([approved('11,00'), approved('12,00')]);
      const attempts = await Promise.allSettled(
        Array.from({ length: 6 }, () => createBatch(fx.helje, { paymentIds: ids, executionDate: executionDate() }, ctx)),
      );
      expect(attempts.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(await countRows(d(), 'payment_batch_items', sql`payment_id in (${sql.join(ids, sql`, `)})`)).toBe(2);
    }),
  );

  it('validates the IBAN, the amount and the decision date; a double submit prepares once', async () => {
    const before = await countRows(d(), 'benefit_payments');
    await expect(preparePayment(fx.people.mari, form({ recipientIban: 'EE382200221020145686' }), ctx)).rejects.toBeInstanceOf(ZodError);
    await expect(preparePayment(fx.people.mari, form({ amount: '0' }), ctx)).rejects.toBeInstanceOf(ZodError);
    await expect(preparePayment(fx.people.mari, form({ recipientName: 'Иван Петров' }), ctx)).rejects.toBeInstanceOf(ZodError);
    await expect(preparePayment(fx.people.mari, form({ decisionDate: addDays(today(), 2) }), ctx)).rejects.toMatchObject({ field: 'decisionDate' });
    await expect(preparePayment(fx.people.mari, form({ kindCode: 'nope' }), ctx)).rejects.toMatchObject({ field: 'kindCode' });
    expect(await countRows(d(), 'benefit_payments')).toBe(before);
    const once = form();
    const [x, y] = await Promise.all([preparePayment(fx.people.mari, once, ctx), preparePayment(fx.people.mari, once, ctx)]);
    expect(x.id).toBe(y.id);
    expect(await countRows(d(), 'benefit_payments')).toBe(before + 1);
  });

  it('refuses every action to the wrong roles, and writes nothing', async () => {
    const { id } = await preparePayment(fx.people.mari, form(), ctx);
    const counts = async () => [
      await countRows(d(), 'benefit_payments'),
      await countRows(d(), 'payment_batches'),
      await countRows(d(), 'benefit_payments', sql`status <> 'prepared'`),
    ];
    const before = await counts();
    for (const who of [fx.people.juri, fx.helje, fx.people.peeter, fx.people.aivar])
      await expect(preparePayment(who, form(), ctx)).rejects.toBeInstanceOf(ForbiddenError);
    for (const who of [fx.people.mari, fx.helje, fx.people.peeter, fx.people.aivar])
      await expect(approvePayment(who, { paymentId: id, version: await pageVersion(id) }, ctx)).rejects.toBeInstanceOf(ForbiddenError);
    for (const who of [fx.people.mari, fx.people.juri, fx.people.peeter, fx.people.aivar]) {
      await expect(createBatch(who, { paymentIds: [id], executionDate: executionDate() }, ctx)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(downloadBatch(who, randomUUID(), ctx)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(listBatches(who)).rejects.toBeInstanceOf(ForbiddenError);
    }
    await expect(
      saveBenefitKind(fx.people.juri, { code: 'x_kind', nameEt: 'X', nameEn: 'X', remittancePrefix: 'X', noteEt: '', noteEn: '', isActive: true }, ctx),
    ).rejects.toBeInstanceOf(ForbiddenError);
    // A manager of another region does not see the payment, so cannot approve it.
    await expect(approvePayment(fx.people.ulle, { paymentId: id, version: await pageVersion(id) }, ctx)).rejects.toMatchObject({ code: 'errors.notFound' });
    expect(await counts()).toEqual(before);
  });

  it('specialists and managers see only their region’s cases; finance sees all', async () => {
    const { id: north } = await preparePayment(fx.people.mari, form(), ctx);
    const { id: south } = await preparePayment(fx.people.andres, form(), ctx);
    const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
    expect(ids(await listPayments(fx.people.mari))).toContain(north);
    expect(ids(await listPayments(fx.people.mari))).not.toContain(south);
    expect(ids(await listPayments(fx.people.andres))).toEqual(expect.not.arrayContaining([north]));
    expect(ids(await listPayments(fx.people.ulle))).toContain(south);
    expect(ids(await listPayments(fx.helje))).toEqual(expect.arrayContaining([north, south]));
    expect(await getPayment(fx.people.andres, north, ctx)).toBeNull();
    expect(await getPayment(fx.people.juri, south, ctx)).toBeNull();
    await expect(listPayments(fx.people.peeter)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('the administrator configures kinds of benefit; a switched-off kind cannot be prepared', async () => {
    await saveBenefitKind(
      fx.people.peeter,
      { code: 'burial_support', nameEt: 'Matmistoetus', nameEn: 'Burial support', remittancePrefix: 'Matmistoetus', noteEt: '', noteEn: '', isActive: false },
      ctx,
    );
    const [kind] = await d().select().from(benefitKinds).where(eq(benefitKinds.code, 'burial_support'));
    expect(kind).toMatchObject({ isActive: false, shape: 'one_off' });
    await expect(preparePayment(fx.people.mari, form({ kindCode: 'burial_support' }), ctx)).rejects.toMatchObject({ field: 'kindCode' });
    void codes;
  });

  it('refuses an execution date in the past or on a TARGET2 closing day', async () => {
    const id = await approved();
    await expect(createBatch(fx.helje, { paymentIds: [id], executionDate: addDays(today(), -1) }, ctx)).rejects.toMatchObject({ field: 'executionDate' });
    const year = Number(today().slice(0, 4)) + 1;
    await expect(createBatch(fx.helje, { paymentIds: [id], executionDate: `${year}-12-25` }, ctx)).rejects.toMatchObject({ code: 'errors.target2Day' });
  });
});
