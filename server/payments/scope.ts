import { eq, sql, type SQL } from 'drizzle-orm';
import { benefitPayments } from '@/db/schema';
import { can, type Actor } from '@/server/auth/policy';

// Who sees which benefit payments, as a WHERE clause: finance sees every region's (it pays
// them all out); specialists and managers see their own region's cases only.

export type PaymentActor = Actor & { regionCode: string };

export function paymentScope(actor: PaymentActor): SQL {
  if (!can(actor, 'payments.read')) return sql`false`;
  if (can(actor, 'payments.read_all')) return sql`true`;
  return eq(benefitPayments.regionCode, actor.regionCode);
}
