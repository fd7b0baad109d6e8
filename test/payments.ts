import { randomUUID } from 'node:crypto';
import type { PreparePaymentInput } from '@/lib/payment-schema';
import { beforeAll } from 'vitest';
import { seedDemo } from '@/db/seed/seed';
import { setupTestDatabase } from './db';
import { actorFor, loadPeople, today, type People, type TestActor } from './tasks';

// A complete, valid funeral-benefit payment for tests; override what a test is about.
export const paymentForm = (overrides: Partial<PreparePaymentInput> = {}): PreparePaymentInput => ({
  kindCode: 'funeral_benefit',
  deceasedCode: '36805280109',
  deceasedName: 'Toomas Jõesaar',
  applicantCode: '60001017869',
  applicantName: 'Ülle-Mai Pärnpuu',
  basis: 'Vallavalitsuse korraldus nr 1-3/245',
  amount: '250,00',
  recipientName: 'Ülle-Mai Pärnpuu',
  recipientIban: 'EE38 2200 2210 2014 5685',
  decisionDate: today(),
  submissionId: randomUUID(),
  ...overrides,
});

/**
 * A seeded test database for the payment tests, with the demo people and Helje (finance),
 * loaded once per file. Read `people` and `helje` inside tests (they are set in beforeAll).
 */
export function paymentsTestDatabase() {
  const db = setupTestDatabase();
  const d = () => db.handle().db;
  const loaded: { people?: People; helje?: TestActor } = {};
  beforeAll(async () => {
    await seedDemo(d());
    loaded.people = await loadPeople(d());
    loaded.helje = await actorFor(d(), '46701202843');
  });
  return {
    db,
    d,
    get people() {
      return loaded.people!;
    },
    get helje() {
      return loaded.helje!;
    },
  };
}
