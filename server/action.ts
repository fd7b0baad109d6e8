import 'server-only';
import { headers } from 'next/headers';
import type { z } from 'zod';
import type { ActionResult } from '@/lib/action-result';
import { recordAudit } from '@/server/audit/record';
import { auditRefusal, RecordRefused } from '@/server/audit/refusal';
import { getCurrentUser, getRequestId } from '@/server/auth/current-user';
import { ForbiddenError } from '@/server/auth/policy';
import type { CurrentUser } from '@/server/auth/sessions';
import { DomainError } from '@/server/errors';
import { withRequestContext } from '@/server/observability/context';
import { log } from '@/server/observability/log';
import { metrics } from '@/server/observability/metrics';
import { clientIpFrom } from '@/server/ops/client-ip';
import { actionLimits, hitRateLimit, waitMinutes } from '@/server/ops/rate-limit';

// The one wrapper every server action goes through: load the signed-in person from the
// session (never from the request body), parse the input with the form's own zod schema,
// run the domain function (which authorizes again), and turn failures into form errors.
// Nothing here throws to the client. It is also where expensive actions are rate-limited
// (server/ops/rate-limit.ts: actionLimits names which) and where failures are counted
// for the metrics; the domain function runs inside the request's log context.
export async function runAction<S extends z.ZodType, T>(
  name: string,
  schema: S,
  input: unknown,
  run: (user: CurrentUser, data: z.output<S>, ctx: { requestId: string }) => Promise<T>,
): Promise<ActionResult<T>> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, formError: 'auth.sessionEnded' };
  const requestId = await getRequestId();
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '_form');
      fieldErrors[field] ??= issue.message.startsWith('errors.') ? issue.message : 'errors.required';
    }
    return { ok: false, formError: 'errors.fixFields', fieldErrors };
  }
  return withRequestContext({ requestId }, async () => {
    try {
      const limit = actionLimits[name];
      if (limit) {
        const verdict = await hitRateLimit(limit, { person: user.id, ip: clientIpFrom(await headers()) });
        if (!verdict.ok) {
          metrics().actionErrors.inc({ action: name, kind: 'rate_limited' });
          return { ok: false, formError: 'errors.rateLimited', params: { minutes: waitMinutes(verdict.retryAfterSeconds) } };
        }
      }
      return { ok: true, data: await run(user, parsed.data, { requestId }) };
    } catch (error) {
      if (error instanceof ForbiddenError) {
        metrics().actionErrors.inc({ action: name, kind: 'forbidden' });
        await recordAudit({
          actorCode: user.personalCode,
          actorRole: user.roles.join(','),
          action: name,
          outcome: 'denied',
          requestId,
          details: { permission: error.permission },
        });
        return { ok: false, formError: 'errors.forbidden' };
      }
      // A record the person may not act on (server/audit/refusal.ts), audited here when the
      // domain function has not done so itself; answered as any other domain error.
      if (error instanceof RecordRefused && !error.audited) {
        metrics().actionErrors.inc({ action: name, kind: 'forbidden' });
        await auditRefusal(user, name, error.record, requestId);
      }
      if (error instanceof DomainError) {
        const params = error.params ? { params: error.params } : {};
        return error.field
          ? { ok: false, formError: 'errors.fixFields', fieldErrors: { [error.field]: error.code }, ...params }
          : { ok: false, formError: error.code, ...params };
      }
      metrics().actionErrors.inc({ action: name, kind: 'error' });
      log('action').error({ event: 'action-failed', action: name, err: error });
      return { ok: false, formError: 'errors.generic' };
    }
  });
}
