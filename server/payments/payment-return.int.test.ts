import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { selectRows } from '@/db/client';
import { benefitPaymentEvents, benefitPayments, outboxMessages } from '@/db/schema';
import type { CorrectPaymentInput } from '@/lib/payment-schema';
import { versionOf } from '@/lib/record-version';
import { ForbiddenError } from '@/server/auth/policy';
import { addDays } from '@/server/calendar/working-days';
import { nextTarget2BusinessDay } from '@/server/payments/target2';
import { onlyOn } from '@/test/db';
import { paymentForm, paymentsTestDatabase } from '@/test/payments';
import { countRows, ctx, today } from '@/test/tasks';
import { approvePayment, preparePayment, rejectPayment, resubmitPayment, returnPayment } from './mutations';
import { createBatch } from './batch';
import { versionNow } from '@/test/versions';
import { downloadBatch } from './export';
import { getPayment, listPayments } from './queries';

// Returning a prepared payment for correction, correcting and resubmitting it, rejecting it;
// and that neither a returned nor a rejected payment ever reaches a batch or its file.

const fx = paymentsTestDatabase(); // fx.helje: finance
const { db, d } = fx;

const form = paymentForm;

const correction = (paymentId: string, overrides: Partial<CorrectPaymentInput> = {}): CorrectPaymentInput => {
  const { submissionId: _unused, ...fields } = form();
  return { ...fields, paymentId, ...overrides };
};

/** The version the decider's page shows now. */
const pageVersion = (id: string) => versionNow(d(), 'benefit_payments', id);
const row = async (id: string) => (await d().select().from(benefitPayments).where(eq(benefitPayments.id, id)))[0]!;
const executionDate = () => nextTarget2BusinessDay(addDays(today(), 1));
const prepared = async (by = fx.people.mari) => (await preparePayment(by, form(), ctx)).id;

/** What a refused action must leave untouched: the payment, its history, notices, audit rows. */
const written = async (id: string) => ({
  payment: await row(id),
  events: await countRows(d(), 'benefit_payment_events', sql`payment_id = ${id}`),
  notices: await countRows(d(), 'notifications', sql`link = ${`/maksed/${id}`}`),
  // A refusal leaves its own `denied` row (server/audit/refusal.ts), never a decision's.
  audit: await countRows(
    d(),
    'audit_log',
    sql`entity_id = ${id} and outcome = 'success' and action in ('payment.return', 'payment.reject', 'payment.resubmit', 'payment.approve')`,
  ),
});

describe('returning, correcting and rejecting benefit payments', () => {
  it('the approver returns a payment with a reason; the preparer is told, sees it, corrects and resubmits; then it is approved', async () => {
    const id = await prepared();
    await returnPayment(fx.people.juri, { paymentId: id, version: await pageVersion(id), reason: '  Summa ei vasta otsusele: otsuses on 260 eurot.  ' }, ctx);
    const returned = await row(id);
    expect(returned).toMatchObject({
      status: 'returned',
      returnedBy: fx.people.juri.id,
      returnReason: 'Summa ei vasta otsusele: otsuses on 260 eurot.',
      approvedBy: null,
      approvedAt: null,
    });
    expect(returned.returnedAt).toBeInstanceOf(Date);
    // The preparer is notified through the outbox (in-app and e-mail), with the reason.
    const [notice] = await selectRows<{ body: string }>(
      d(),
      sql`select body from notifications where recipient_id = ${fx.people.mari.id} and kind = 'payment.returned' and link = ${`/maksed/${id}`}`,
    );
    expect(notice!.body).toContain('Põhjus: Summa ei vasta otsusele');
    expect(await countRows(d(), 'outbox_messages', sql`kind = 'payment.returned' and payload->>'to' = ${fx.people.mari.email}`)).toBeGreaterThanOrEqual(1);
    const seen = await getPayment(fx.people.mari, id, ctx);
    expect(seen).toMatchObject({ status: 'returned', canCorrect: true, canReject: false, returnReason: 'Summa ei vasta otsusele: otsuses on 260 eurot.' });
    expect(seen!.decision).toMatchObject({ kind: 'returned', actorName: 'Jüri Õunapuu' });
    expect(await getPayment(fx.people.juri, id, ctx)).toMatchObject({ canApprove: false, canReturn: false, canReject: true, canCorrect: false });
    // A returned payment cannot be approved until it is resubmitted.
    await expect(approvePayment(fx.people.juri, { paymentId: id, version: await pageVersion(id) }, ctx)).rejects.toMatchObject({
      code: 'errors.paymentNotPrepared',
    });

    // Corrections go through the prepare form's checks; a refused one writes nothing.
    const before = await written(id);
    await expect(resubmitPayment(fx.people.mari, correction(id, { recipientIban: 'EE382200221020145686' }), ctx)).rejects.toBeInstanceOf(ZodError);
    await expect(resubmitPayment(fx.people.mari, correction(id, { recipientName: 'Иван Петров' }), ctx)).rejects.toBeInstanceOf(ZodError);
    await expect(resubmitPayment(fx.people.mari, correction(id, { amount: '0' }), ctx)).rejects.toBeInstanceOf(ZodError);
    await expect(resubmitPayment(fx.people.mari, correction(id, { decisionDate: addDays(today(), 2) }), ctx)).rejects.toMatchObject({ field: 'decisionDate' });
    await expect(resubmitPayment(fx.people.mari, correction(id, { kindCode: 'nope' }), ctx)).rejects.toMatchObject({ field: 'kindCode' });
    expect(await written(id)).toEqual(before);

    await resubmitPayment(fx.people.mari, correction(id, { amount: '260,00', recipientIban: 'EE47 1000 0010 2014 5685' }), ctx);
    expect(await row(id)).toMatchObject({
      status: 'prepared',
      amountCents: 26000,
      recipientIban: 'EE471000001020145685',
      returnedBy: null,
      returnedAt: null,
      returnReason: null,
      approvedBy: null,
      approvedAt: null,
    });
    // The history keeps the return's reason and what was corrected; whoever returned it is told.
    const history = await d().select().from(benefitPaymentEvents).where(eq(benefitPaymentEvents.paymentId, id)).orderBy(benefitPaymentEvents.at);
    expect(history.map((e) => e.kind)).toEqual(['returned', 'resubmitted']);
    expect(history[0]!.reason).toBe('Summa ei vasta otsusele: otsuses on 260 eurot.');
    expect(history[1]!.changes).toEqual({ amountCents: ['25000', '26000'], recipientIban: ['EE382200221020145685', 'EE471000001020145685'] });
    // The history is only ever added to.
    await expect(d().execute(sql`update benefit_payment_events set reason = 'muudetud' where payment_id = ${id}`)).rejects.toThrow();
    await expect(d().execute(sql`delete from benefit_payment_events where payment_id = ${id}`)).rejects.toThrow();
    expect(await countRows(d(), 'notifications', sql`recipient_id = ${fx.people.juri.id} and kind = 'payment.resubmitted' and link = ${`/maksed/${id}`}`)).toBe(
      1,
    );
    expect((await getPayment(fx.people.juri, id, ctx))!.history).toHaveLength(2);
    // A second resubmit (a double click) is refused.
    await expect(resubmitPayment(fx.people.mari, correction(id), ctx)).rejects.toMatchObject({ code: 'errors.paymentNotReturned' });

    await approvePayment(fx.people.juri, { paymentId: id, version: await pageVersion(id) }, ctx);
    const batch = await createBatch(fx.helje, { paymentIds: [id], executionDate: executionDate() }, ctx);
    const file = await downloadBatch(fx.helje, batch.id, ctx);
    expect(file!.xml).toContain('<InstdAmt Ccy="EUR">260.00</InstdAmt>');
    expect(file!.xml).toContain('<IBAN>EE471000001020145685</IBAN>');
    expect(await countRows(d(), 'audit_log', sql`entity_id = ${id} and action in ('payment.return', 'payment.resubmit', 'payment.approve')`)).toBe(3);
  });

  it('the approver rejects a prepared or a returned payment: terminal, still listed with its reason', async () => {
    const a = await prepared();
    const b = await prepared();
    await rejectPayment(fx.people.juri, { paymentId: a, version: await pageVersion(a), reason: 'Taotlejal puudub õigus toetusele.' }, ctx);
    await returnPayment(fx.people.juri, { paymentId: b, version: await pageVersion(b), reason: 'Lisa otsuse number.' }, ctx);
    await rejectPayment(fx.people.juri, { paymentId: b, version: await pageVersion(b), reason: 'Otsus tühistati.' }, ctx);
    expect(await row(a)).toMatchObject({
      status: 'rejected',
      rejectedBy: fx.people.juri.id,
      rejectReason: 'Taotlejal puudub õigus toetusele.',
      approvedBy: null,
    });
    // The return moves to the history; the row keeps the rejection.
    expect(await row(b)).toMatchObject({ status: 'rejected', rejectReason: 'Otsus tühistati.', returnedBy: null, returnReason: null });
    expect((await getPayment(fx.people.mari, b, ctx))!.history.map((e) => [e.kind, e.reason])).toEqual([
      ['returned', 'Lisa otsuse number.'],
      ['rejected', 'Otsus tühistati.'],
    ]);
    expect(await countRows(d(), 'notifications', sql`recipient_id = ${fx.people.mari.id} and kind = 'payment.rejected' and link = ${`/maksed/${a}`}`)).toBe(1);
    const listed = (await listPayments(fx.people.mari)).find((r) => r.id === a);
    expect(listed).toMatchObject({ status: 'rejected', rejectReason: 'Taotlejal puudub õigus toetusele.' });
    expect((await listPayments(fx.helje)).find((r) => r.id === a)).toMatchObject({ status: 'rejected' });

    // Terminal: nothing moves it on, and nothing is written when it is tried.
    const before = await written(a);
    await expect(approvePayment(fx.people.juri, { paymentId: a, version: await pageVersion(a) }, ctx)).rejects.toMatchObject({
      code: 'errors.paymentNotPrepared',
    });
    await expect(returnPayment(fx.people.juri, { paymentId: a, version: await pageVersion(a), reason: 'Uuesti üle.' }, ctx)).rejects.toMatchObject({
      code: 'errors.paymentNotPrepared',
    });
    await expect(rejectPayment(fx.people.juri, { paymentId: a, version: await pageVersion(a), reason: 'Veel kord.' }, ctx)).rejects.toMatchObject({
      code: 'errors.paymentNotPrepared',
    });
    await expect(resubmitPayment(fx.people.mari, correction(a), ctx)).rejects.toMatchObject({ code: 'errors.paymentNotReturned' });
    expect(await written(a)).toEqual(before);
  });

  it('returned and rejected payments never reach a batch or its pain.001 file', async () => {
    const ok = await prepared();
    await approvePayment(fx.people.juri, { paymentId: ok, version: await pageVersion(ok) }, ctx);
    const returned = await prepared();
    await returnPayment(fx.people.juri, { paymentId: returned, version: await pageVersion(returned), reason: 'Kontrolli IBAN-i.' }, ctx);
    const rejected = await prepared();
    await rejectPayment(fx.people.juri, { paymentId: rejected, version: await pageVersion(rejected), reason: 'Topelt makse.' }, ctx);
    const batches = await countRows(d(), 'payment_batches');
    for (const other of [returned, rejected])
      await expect(createBatch(fx.helje, { paymentIds: [ok, other], executionDate: executionDate() }, ctx)).rejects.toMatchObject({
        code: 'errors.paymentNotBatchable',
      });
    expect(await countRows(d(), 'payment_batches')).toBe(batches);
    // Finance's list of batchable payments has neither.
    const batchable = (await listPayments(fx.helje, { status: 'approved' })).map((r) => r.id);
    expect(batchable).toContain(ok);
    expect(batchable).not.toContain(returned);
    expect(batchable).not.toContain(rejected);
    const batch = await createBatch(fx.helje, { paymentIds: [ok], executionDate: executionDate() }, ctx);
    const xml = (await downloadBatch(fx.helje, batch.id, ctx))!.xml;
    const e2e = (id: string) => `SKA-${id.replace(/-/g, '').toUpperCase()}`.slice(0, 35);
    expect(xml).toContain(e2e(ok));
    expect(xml).not.toContain(e2e(returned));
    expect(xml).not.toContain(e2e(rejected));
    expect(await countRows(d(), 'payment_batch_items', sql`payment_id in (${returned}, ${rejected})`)).toBe(0);
    expect((await row(returned)).status).toBe('returned');
    expect((await row(rejected)).status).toBe('rejected');
  });

  it('a reason is required, 3 to 1000 characters, and markup is kept as text only', async () => {
    const id = await prepared();
    const before = await written(id);
    for (const reason of ['', '   ', ' ab ', 'x'.repeat(1001), 'Vale\u0000summa'])
      await expect(returnPayment(fx.people.juri, { paymentId: id, version: await pageVersion(id), reason }, ctx)).rejects.toBeInstanceOf(ZodError);
    await expect(rejectPayment(fx.people.juri, { paymentId: id, version: await pageVersion(id), reason: 'no' }, ctx)).rejects.toBeInstanceOf(ZodError);
    expect(await written(id)).toEqual(before);
    const markup = '<script>alert(1)</script> <b>IBAN</b> & "nimi"\r\nteine rida';
    await returnPayment(fx.people.juri, { paymentId: id, version: await pageVersion(id), reason: markup }, ctx);
    expect((await row(id)).returnReason).toBe('<script>alert(1)</script> <b>IBAN</b> & "nimi"\nteine rida');
    // The e-mail shows it as text: escaped in the HTML part.
    const mails = await d()
      .select()
      .from(outboxMessages)
      .where(sql`${outboxMessages.kind} = 'payment.returned' and ${outboxMessages.payload}->>'text' like ${'%alert(1)%'}`);
    expect(mails.length).toBeGreaterThanOrEqual(1);
    const html = (mails[0]!.payload as { html: string }).html;
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>');
    // The database keeps its own limits too.
    await expect(d().execute(sql`update benefit_payments set return_reason = 'ab' where id = ${id}`)).rejects.toThrow();
  });

  it('refuses return, reject and resubmit to the roles that must not use them, and the preparer their own payment; nothing is written', async () => {
    const id = await prepared();
    const own = await prepared(fx.people.rasmus); // Rasmus is a specialist and a manager
    const before = [await written(id), await written(own)];
    const reason = { reason: 'Kontrolli summat.' };
    // Only approvers (managers) return and reject: not specialists (the preparer), finance, admins or IT.
    for (const who of [fx.people.mari, fx.people.tonu, fx.helje, fx.people.peeter, fx.people.aivar]) {
      await expect(returnPayment(who, { paymentId: id, version: await pageVersion(id), ...reason }, ctx)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(rejectPayment(who, { paymentId: id, version: await pageVersion(id), ...reason }, ctx)).rejects.toBeInstanceOf(ForbiddenError);
    }
    // Four eyes: the preparer never approves, returns or rejects their own payment, whatever roles they hold.
    await expect(approvePayment(fx.people.rasmus, { paymentId: own, version: await pageVersion(own) }, ctx)).rejects.toMatchObject({
      code: 'errors.paymentOwnApproval',
    });
    await expect(returnPayment(fx.people.rasmus, { paymentId: own, version: await pageVersion(own), ...reason }, ctx)).rejects.toMatchObject({
      code: 'errors.paymentOwnDecision',
    });
    await expect(rejectPayment(fx.people.rasmus, { paymentId: own, version: await pageVersion(own), ...reason }, ctx)).rejects.toMatchObject({
      code: 'errors.paymentOwnDecision',
    });
    // A manager of another region does not see it.
    await expect(returnPayment(fx.people.ulle, { paymentId: id, version: await pageVersion(id), ...reason }, ctx)).rejects.toMatchObject({
      code: 'errors.notFound',
    });
    await expect(rejectPayment(fx.people.ulle, { paymentId: id, version: await pageVersion(id), ...reason }, ctx)).rejects.toMatchObject({
      code: 'errors.notFound',
    });
    expect([await written(id), await written(own)]).toEqual(before);

    await returnPayment(fx.people.juri, { paymentId: id, version: await pageVersion(id), ...reason }, ctx);
    const returned = await written(id);
    // Only the preparer resubmits: not the manager who returned it, finance, admins, IT, or another specialist.
    for (const who of [fx.people.juri, fx.helje, fx.people.peeter, fx.people.aivar])
      await expect(resubmitPayment(who, correction(id), ctx)).rejects.toBeInstanceOf(ForbiddenError);
    for (const who of [fx.people.tonu, fx.people.andres])
      await expect(resubmitPayment(who, correction(id), ctx)).rejects.toMatchObject({ code: 'errors.notFound' });
    expect(await written(id)).toEqual(returned);
    // The database refuses a self-return or self-rejection, and a returned payment without its reason.
    await expect(
      d().execute(
        sql`update benefit_payments set status = 'returned', returned_by = prepared_by, returned_at = now(), return_reason = 'abc' where id = ${own}`,
      ),
    ).rejects.toThrow();
    await expect(
      d().execute(
        sql`update benefit_payments set status = 'rejected', rejected_by = prepared_by, rejected_at = now(), reject_reason = 'abc' where id = ${own}`,
      ),
    ).rejects.toThrow();
    await expect(d().execute(sql`update benefit_payments set return_reason = null where id = ${id}`)).rejects.toThrow();
    await expect(d().execute(sql`update benefit_payments set approved_by = ${fx.people.juri.id}, approved_at = now() where id = ${id}`)).rejects.toThrow();
  });

  it('a decision is bound to the payment as its page showed it: one returned and resubmitted meanwhile is refused, nothing written', async () => {
    // Manager A opens the payment: 12,34 € to an Estonian account.
    const id = (await preparePayment(fx.people.mari, form({ amount: '12,34', recipientIban: 'EE38 2200 2210 2014 5685' }), ctx)).id;
    const opened = (await getPayment(fx.people.juri, id, ctx))!;
    expect(opened).toMatchObject({ amountCents: 1234, recipientIban: 'EE382200221020145685' });
    const shown = versionOf(opened);
    // Meanwhile manager B returns it and the preparer resubmits 9 999,99 € to a German account.
    await returnPayment(fx.people.rasmus, { paymentId: id, version: await pageVersion(id), reason: 'Kontrolli summat.' }, ctx);
    await resubmitPayment(fx.people.mari, correction(id, { amount: '9 999,99', recipientIban: 'DE89 3704 0044 0532 0130 00' }), ctx);
    const before = await written(id);
    expect(before.payment).toMatchObject({ status: 'prepared', amountCents: 999_999, recipientIban: 'DE89370400440532013000' });
    // A's "Kinnita" from the old page is refused: nobody has reviewed what it would approve.
    await expect(approvePayment(fx.people.juri, { paymentId: id, version: shown }, ctx)).rejects.toMatchObject({ code: 'errors.stale' });
    await expect(returnPayment(fx.people.juri, { paymentId: id, version: shown, reason: 'Vana leht.' }, ctx)).rejects.toMatchObject({ code: 'errors.stale' });
    await expect(rejectPayment(fx.people.juri, { paymentId: id, version: shown, reason: 'Vana leht.' }, ctx)).rejects.toMatchObject({ code: 'errors.stale' });
    expect(await written(id)).toEqual(before);
    // Looked at again, the decision is of what the page now shows.
    const reopened = (await getPayment(fx.people.juri, id, ctx))!;
    expect(versionOf(reopened)).not.toBe(shown);
    await approvePayment(fx.people.juri, { paymentId: id, version: versionOf(reopened) }, ctx);
    expect((await row(id)).status).toBe('approved');
  });

  it('two decisions on one payment at the same moment (approve and return, approve and reject, a double return): exactly one wins', async () => {
    // (Return and then reject, one after the other, is a valid sequence: a returned payment may be rejected.)
    const races: ((id: string) => Promise<void>)[][] = [
      [
        (id) => approvePayment(fx.people.juri, { paymentId: id, version: '1' }, ctx),
        (id) => returnPayment(fx.people.rasmus, { paymentId: id, version: '1', reason: 'Kontrolli summat.' }, ctx),
      ],
      [
        (id) => approvePayment(fx.people.rasmus, { paymentId: id, version: '1' }, ctx),
        (id) => rejectPayment(fx.people.juri, { paymentId: id, version: '1', reason: 'Pole alust.' }, ctx),
      ],
      [
        (id) => returnPayment(fx.people.juri, { paymentId: id, version: '1', reason: 'Kontrolli summat.' }, ctx),
        (id) => returnPayment(fx.people.juri, { paymentId: id, version: '1', reason: 'Kontrolli summat.' }, ctx),
      ],
    ];
    for (const race of races) {
      const id = await prepared();
      const results = await Promise.allSettled(race.map((act) => act(id)));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'errors.paymentNotPrepared' });
      expect(await countRows(d(), 'audit_log', sql`entity_id = ${id} and action in ('payment.approve', 'payment.return', 'payment.reject')`)).toBe(1);
      expect(await countRows(d(), 'benefit_payment_events', sql`payment_id = ${id}`)).toBeLessThanOrEqual(1);
    }
    // A double-clicked resubmit (two requests at once) resubmits once.
    const id = await prepared();
    await returnPayment(fx.people.juri, { paymentId: id, version: await pageVersion(id), reason: 'Kontrolli summat.' }, ctx);
    const results = await Promise.allSettled([
      resubmitPayment(fx.people.mari, correction(id, { amount: '270,00' }), ctx),
      resubmitPayment(fx.people.mari, correction(id, { amount: '270,00' }), ctx),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((await row(id)).status).toBe('prepared');
    expect(await countRows(d(), 'benefit_payment_events', sql`payment_id = ${id}`)).toBe(2);
  });

  onlyOn('postgres', () =>
    it('on PostgreSQL, with the row held by another connection, approve and return queue up and exactly one wins', async () => {
      const { default: postgres } = await import('postgres');
      const holder = postgres(db.url()!, { max: 1, onnotice: () => {} });
      try {
        const id = await prepared();
        let racing: Promise<PromiseSettledResult<void>[]> | undefined;
        await holder.begin(async (t) => {
          await t`select id from benefit_payments where id = ${id} for update`;
          racing = Promise.allSettled([
            approvePayment(fx.people.juri, { paymentId: id, version: await pageVersion(id) }, ctx),
            returnPayment(fx.people.juri, { paymentId: id, version: await pageVersion(id), reason: 'Kontrolli summat.' }, ctx),
          ]);
          // Both are now waiting for the row on their own connections.
          for (let i = 0; i < 50; i++) {
            const [w] = await t`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`;
            if (w!.n >= 2) break;
            await new Promise((resolve) => setTimeout(resolve, 50));
          }
          const [w] = await t`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`;
          expect(w!.n).toBe(2);
        });
        const results = await racing!;
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        const lost = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
        expect(lost!.reason).toMatchObject({ code: 'errors.paymentNotPrepared' });
        const final = await row(id);
        expect(['approved', 'returned']).toContain(final.status);
        expect(final.status === 'approved' ? final.returnedBy : final.approvedBy).toBeNull();
      } finally {
        await holder.end({ timeout: 5 });
      }
    }),
  );
});
