export type ActionResult<T = undefined> =
  { ok: true; data: T } | { ok: false; formError?: string; fieldErrors?: Record<string, string>; params?: Record<string, string> };
