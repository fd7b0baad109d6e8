import { randomUUID } from 'node:crypto';
import type { PreparePaymentInput } from '@/lib/payment-schema';
import { today } from './tasks';

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
