// The longest instalment schedule a client may propose, in months from today
// (OVERPAYMENT_MAX_MONTHS, 24 by default): the recoveries unit's practice, not a law, so
// configuration.
export function overpaymentMaxMonths(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.OVERPAYMENT_MAX_MONTHS ?? 24);
  return Number.isInteger(n) && n >= 1 && n <= 120 ? n : 24;
}
