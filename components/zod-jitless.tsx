'use client';

import { z } from 'zod';

// zod 4 probes whether it may compile validators with `new Function`; under the portal's
// CSP (no 'unsafe-eval') the probe is refused and the browser reports a CSP violation
// for every page with a form. Validation does not need the compiled fast path: skip the
// probe in the browser. Rendered once in the root layout, before any form validates.
z.config({ jitless: true });

export function ZodJitless() {
  return null;
}
