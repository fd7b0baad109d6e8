// Typed failures of domain functions. `code` is a message-catalogue key; `field` names
// the form field it belongs to, so actions can map it back onto the form.
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly field?: string,
    readonly params?: Record<string, string>,
  ) {
    super(code);
  }
}

/** Postgres unique violation (23505) on the named constraint, from either driver. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const { code, constraint: c, constraint_name: cn } = e as { code?: string; constraint?: string; constraint_name?: string };
    if (code === '23505' && (c === constraint || cn === constraint)) return true;
  }
  return false;
}
