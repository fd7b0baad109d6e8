import { and, asc, eq, ne, or, sql } from 'drizzle-orm';
import { benefitPayments } from '@/db/schema';
import { formatEuros } from '@/lib/format';
import { can } from '@/server/auth/policy';
import { paymentScope } from '@/server/payments/scope';
import { author, LIMIT, personName, type DeskItem, type DeskReader } from './item';

/**
 * Benefit payments: those of the region waiting for this manager's approval (never their own:
 * four eyes), the person's own payments returned to them for correction and, for finance,
 * approved payments waiting to go into a batch.
 */
export async function deskPayments(reader: DeskReader): Promise<DeskItem[]> {
  const { actor, db } = reader;
  if (!can(actor, 'payments.read')) return [];
  const approves = can(actor, 'payments.approve');
  const rows = await db
    .select({
      id: benefitPayments.id,
      status: benefitPayments.status,
      recipientName: benefitPayments.recipientName,
      amountCents: benefitPayments.amountCents,
      returnReason: benefitPayments.returnReason,
      preparerName: personName(author),
    })
    .from(benefitPayments)
    .innerJoin(author, eq(author.id, benefitPayments.preparedBy))
    .where(
      and(
        paymentScope(actor),
        or(
          approves ? and(eq(benefitPayments.status, 'prepared'), ne(benefitPayments.preparedBy, actor.id)) : sql`false`,
          and(eq(benefitPayments.status, 'returned'), eq(benefitPayments.preparedBy, actor.id)),
          can(actor, 'payments.batch') ? eq(benefitPayments.status, 'approved') : sql`false`,
        ),
      ),
    )
    .orderBy(asc(benefitPayments.preparedAt))
    .limit(LIMIT);
  return rows.map((p) => ({
    kind: p.status === 'returned' ? ('payment_return' as const) : p.status === 'approved' ? ('payment_batch' as const) : ('payment_approval' as const),
    id: p.id,
    title: `${formatEuros(p.amountCents)} · ${p.recipientName}`,
    reference: null,
    href: p.status === 'approved' ? '/maksed/paketid' : `/maksed/${p.id}`,
    dueDate: null,
    daysLeft: null,
    substitutingFor: null,
    detail: p.status === 'returned' ? p.returnReason : p.preparerName,
  }));
}
