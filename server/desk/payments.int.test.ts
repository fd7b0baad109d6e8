import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '@/db/seed/seed';
import { formatEuros } from '@/lib/format';
import { preparePayment, resubmitPayment, returnPayment } from '@/server/payments/mutations';
import { setupTestDatabase } from '@/test/db';
import { paymentForm } from '@/test/payments';
import { actorFor, ctx, loadPeople, type People, type TestActor } from '@/test/tasks';
import { myDesk } from './queries';

// "Minu töölaud" lists the benefit payments waiting for the person: a manager's region's
// payments to approve (never their own), and a preparer's payments returned for correction.
const db = setupTestDatabase();
const d = () => db.handle().db;
let people: People;
let helje: TestActor; // finance

beforeAll(async () => {
  await seedDemo(d());
  people = await loadPeople(d());
  helje = await actorFor(d(), '46701202843');
});

const paymentsOn = async (actor: TestActor) =>
  (await myDesk(actor)).filter((i) => i.kind === 'payment_approval' || i.kind === 'payment_return').map((i) => ({ kind: i.kind, id: i.id, detail: i.detail }));

describe('payments on the desk', () => {
  it('a prepared payment waits on the region manager’s desk, a returned one on its preparer’s, and nowhere else', async () => {
    const { id } = await preparePayment(people.mari, paymentForm({ amount: '312,40' }), ctx);
    const own = (await preparePayment(people.rasmus, paymentForm(), ctx)).id; // Rasmus is a specialist and a manager

    const juri = await myDesk(people.juri);
    expect(juri.find((i) => i.id === id)).toMatchObject({
      kind: 'payment_approval',
      href: `/maksed/${id}`,
      detail: 'Mari Tamm',
      title: `Ülle-Mai Pärnpuu · ${formatEuros(31_240)}`,
    });
    expect(await paymentsOn(people.mari)).toEqual([]);
    expect(await paymentsOn(helje)).toEqual([]);
    // Four eyes on the desk too: Rasmus approves others' payments, not his own.
    const rasmus = await paymentsOn(people.rasmus);
    expect(rasmus.map((p) => p.id)).toContain(id);
    expect(rasmus.map((p) => p.id)).not.toContain(own);

    await returnPayment(people.juri, { paymentId: id, reason: 'Summa ei vasta otsusele.' }, ctx);
    expect(await paymentsOn(people.mari)).toEqual([{ kind: 'payment_return', id, detail: 'Summa ei vasta otsusele.' }]);
    expect((await paymentsOn(people.juri)).map((p) => p.id)).not.toContain(id);

    const { submissionId: _unused, ...fields } = paymentForm({ amount: '260,00' });
    await resubmitPayment(people.mari, { ...fields, paymentId: id }, ctx);
    expect(await paymentsOn(people.mari)).toEqual([]);
    expect((await paymentsOn(people.juri)).find((p) => p.id === id)).toMatchObject({ kind: 'payment_approval' });
  });
});
