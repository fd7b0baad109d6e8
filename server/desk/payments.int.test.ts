import { describe, expect, it } from 'vitest';
import { formatEuros } from '@/lib/format';
import { preparePayment, resubmitPayment, returnPayment } from '@/server/payments/mutations';
import { paymentForm, paymentsTestDatabase } from '@/test/payments';
import { versionNow } from '@/test/versions';
import { ctx, type TestActor } from '@/test/tasks';
import { myDesk } from './queries';

// "Minu töölaud" lists the benefit payments waiting for the person: a manager's region's
// payments to approve (never their own), and a preparer's payments returned for correction.
const fx = paymentsTestDatabase(); // fx.helje: finance
const pageVersion = (id: string) => versionNow(fx.d(), 'benefit_payments', id);

const paymentsOn = async (actor: TestActor) =>
  (await myDesk(actor)).filter((i) => i.kind === 'payment_approval' || i.kind === 'payment_return').map((i) => ({ kind: i.kind, id: i.id, detail: i.detail }));

describe('payments on the desk', () => {
  it('a prepared payment waits on the region manager’s desk, a returned one on its preparer’s, and nowhere else', async () => {
    const { id } = await preparePayment(fx.people.mari, paymentForm({ amount: '312,40' }), ctx);
    const own = (await preparePayment(fx.people.rasmus, paymentForm(), ctx)).id; // Rasmus is a specialist and a manager

    const juri = await myDesk(fx.people.juri);
    expect(juri.find((i) => i.id === id)).toMatchObject({
      kind: 'payment_approval',
      href: `/maksed/${id}`,
      detail: 'Mari Tamm',
      title: `${formatEuros(31_240)} · Ülle-Mai Pärnpuu`,
    });
    expect(await paymentsOn(fx.people.mari)).toEqual([]);
    expect(await paymentsOn(fx.helje)).toEqual([]);
    // Four eyes on the desk too: Rasmus approves others' payments, not his own.
    const rasmus = await paymentsOn(fx.people.rasmus);
    expect(rasmus.map((p) => p.id)).toContain(id);
    expect(rasmus.map((p) => p.id)).not.toContain(own);

    await returnPayment(fx.people.juri, { paymentId: id, version: await pageVersion(id), reason: 'Summa ei vasta otsusele.' }, ctx);
    expect(await paymentsOn(fx.people.mari)).toEqual([{ kind: 'payment_return', id, detail: 'Summa ei vasta otsusele.' }]);
    expect((await paymentsOn(fx.people.juri)).map((p) => p.id)).not.toContain(id);

    const { submissionId: _unused, ...fields } = paymentForm({ amount: '260,00' });
    await resubmitPayment(fx.people.mari, { ...fields, paymentId: id }, ctx);
    expect(await paymentsOn(fx.people.mari)).toEqual([]);
    expect((await paymentsOn(fx.people.juri)).find((p) => p.id === id)).toMatchObject({ kind: 'payment_approval' });
  });
});
