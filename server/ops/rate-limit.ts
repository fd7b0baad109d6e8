import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { getDb, selectRows, type Db } from '@/db/client';
import { log } from '@/server/observability/log';
import { metrics } from '@/server/observability/metrics';

// Limits on expensive or abusable actions, per person and per IP address, shared by all
// portal instances through one table (rate_limit_hits). Each attempt is a single atomic
// upsert that counts it in the current fixed window of every key it touches and returns
// the counts: no read-then-write race between instances, and it runs on PGlite as well.
// A fixed window lets up to twice the limit through across a window boundary; for
// "stop a runaway script or a stuck button" that is good enough, and it costs one row
// per key per window. The database's clock decides the window, so instances agree.
//
// Per-IP limits are ceilings for a whole office behind one address (NAT), so they are
// set an order of magnitude above the per-person ones.

export type Rule = { max: number; windowSeconds: number };
export type LimitName = 'signin' | 'incident' | 'registration' | 'bulk' | 'pdf' | 'verify' | 'search';
export type Scope = 'person' | 'ip';

export const defaultLimits: Record<LimitName, Partial<Record<Scope, Rule>>> = {
  // Attempts to start a sign-in (per IP) and completed identity checks (per person).
  signin: { person: { max: 10, windowSeconds: 300 }, ip: { max: 300, windowSeconds: 300 } },
  // Incident reports: each one mails IT support and a manager.
  incident: { person: { max: 10, windowSeconds: 600 }, ip: { max: 100, windowSeconds: 600 } },
  // Document registrations (a desk registers one every few minutes; a scanner batch more).
  registration: { person: { max: 120, windowSeconds: 300 }, ip: { max: 1200, windowSeconds: 300 } },
  // Bulk runs (mass forwarding, CSV imports): few and heavy.
  bulk: { person: { max: 5, windowSeconds: 3600 }, ip: { max: 50, windowSeconds: 3600 } },
  // PDF issuing (certificates): rendering and sealing cost CPU.
  pdf: { person: { max: 60, windowSeconds: 600 }, ip: { max: 600, windowSeconds: 600 } },
  // Verification of issued documents (by code, QR link or file), by staff and by anyone on
  // the public page: a code is 50 random bits, a holder's personal code far fewer, so each
  // guess counts.
  verify: { person: { max: 300, windowSeconds: 600 }, ip: { max: 100, windowSeconds: 600 } },
  // Searches of the public document register that reach the database (nginx serves repeats).
  search: { ip: { max: 120, windowSeconds: 60 } },
};

/** Which server actions (runAction names) count against which limit. */
export const actionLimits: Record<string, LimitName> = {
  'incident.report': 'incident',
  'document.register': 'registration',
  'document.reply': 'registration',
  'assessment.register': 'registration',
  'certificate.issue': 'pdf',
  'bulk.start': 'bulk',
  'document.verify': 'verify',
};

/**
 * The rule in force: `RATE_LIMIT_<NAME>_<SCOPE>=max/seconds` overrides the default
 * (e.g. RATE_LIMIT_INCIDENT_PERSON=5/600); `off` switches that one off.
 */
export function ruleFor(name: LimitName, scope: Scope, env: Record<string, string | undefined> = process.env): Rule | null {
  const raw = env[`RATE_LIMIT_${name.toUpperCase()}_${scope.toUpperCase()}`]?.trim();
  if (raw === 'off') return null;
  const match = raw ? /^(\d+)\/(\d+)$/.exec(raw) : null;
  if (match && Number(match[1]) > 0 && Number(match[2]) > 0) return { max: Number(match[1]), windowSeconds: Number(match[2]) };
  return defaultLimits[name][scope] ?? null;
}

export type LimitResult = { ok: true } | { ok: false; scope: Scope; retryAfterSeconds: number };

// Subjects are hashed: the table needs to tell people apart, not to know who they are.
const subjectKey = (name: LimitName, scope: Scope, subject: string) =>
  `${name}:${scope}:${createHash('sha256').update(subject).digest('base64url').slice(0, 22)}`;

/** Counts one attempt against `name` for each subject given; says whether it may go ahead. */
export async function hitRateLimit(name: LimitName, subjects: Partial<Record<Scope, string | null>>, db?: Db): Promise<LimitResult> {
  const keys: { key: string; scope: Scope; rule: Rule }[] = [];
  for (const scope of ['person', 'ip'] as const) {
    const subject = subjects[scope];
    const rule = ruleFor(name, scope);
    if (subject && rule) keys.push({ key: subjectKey(name, scope, subject), scope, rule });
  }
  if (keys.length === 0) return { ok: true };
  const database = db ?? (await getDb());
  const values = sql.join(
    keys.map((k) => sql`(${k.key}::text, ${k.rule.windowSeconds}::int)`),
    sql`, `,
  );
  const rows = await selectRows<{ key: string; hits: number; window_start: number; now: number }>(
    database,
    sql`insert into rate_limit_hits (key, window_start, hits)
        select k, to_timestamp(floor(extract(epoch from now()) / w) * w), 1 from (values ${values}) as t(k, w)
        on conflict (key, window_start) do update set hits = rate_limit_hits.hits + 1
        returning key, hits, extract(epoch from window_start)::float8 as window_start, extract(epoch from now())::float8 as now`,
  );
  let refused: LimitResult = { ok: true };
  for (const row of rows) {
    const k = keys.find((x) => x.key === row.key)!;
    if (row.hits === 1 && Math.random() < 0.02) void purgeOldWindows(database);
    if (row.hits > k.rule.max) {
      const retryAfterSeconds = Math.max(1, Math.ceil(Number(row.window_start) + k.rule.windowSeconds - Number(row.now)));
      if (refused.ok || retryAfterSeconds > refused.retryAfterSeconds) refused = { ok: false, scope: k.scope, retryAfterSeconds };
    }
  }
  if (!refused.ok) {
    metrics().rateLimited.inc({ limit: name });
    log('rate-limit').warn({ event: 'limited', limit: name, scope: refused.scope, retryAfterSeconds: refused.retryAfterSeconds });
  }
  return refused;
}

async function purgeOldWindows(db: Db) {
  try {
    await db.execute(sql`delete from rate_limit_hits where window_start < now() - interval '1 day'`);
  } catch {
    // housekeeping only; the next new window tries again
  }
}

/** Minutes to wait, rounded up, for the message "Palun oota {minutes} min". */
export const waitMinutes = (seconds: number) => String(Math.max(1, Math.ceil(seconds / 60)));
