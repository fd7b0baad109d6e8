import { isValidIban } from '@/lib/iban';
import { readAuthConfig } from '@/server/auth/config';

// What `npm start` and `npm run worker` check before they start. In production
// (TOOLAUD_ENV unset or `production`) a problem stops the process with a message naming
// the variable; TOOLAUD_ENV=test or development (the e2e suite, the load benchmark, a
// developer's machine) turns problems into warnings, which is also the only way to run
// against the development identity provider. The portal fails closed on a broken
// authentication setting anyway (server/auth/config.ts); this makes it loud at start
// instead of a portal that runs and lets nobody in.

export type Mode = 'production' | 'test' | 'development';
export type ConfigCheck = { mode: Mode; problems: string[] };
type Env = Record<string, string | undefined>;

export function runMode(env: Env = process.env): Mode {
  const value = env.TOOLAUD_ENV ?? 'production';
  return value === 'test' || value === 'development' ? value : 'production';
}

const isHttps = (value: string | undefined) => Boolean(value && /^https:\/\/[^/]+/.test(value));

function sharedChecks(env: Env, problems: string[]) {
  if (!env.DATABASE_URL) problems.push('DATABASE_URL is missing: production runs on PostgreSQL (the embedded PGlite is for the demo)');
  if (env.OIDC_ALLOW_DEV_ISSUER === 'true')
    problems.push('OIDC_ALLOW_DEV_ISSUER=true trusts the development identity provider: never in production (unset it and use TARA)');
  if (env.OIDC_ISSUER && !isHttps(env.OIDC_ISSUER)) problems.push('OIDC_ISSUER must be an https URL (TARA: https://tara.ria.ee)');
}

/** The web portal (`npm start`). */
export function checkPortalConfig(env: Env = process.env): ConfigCheck {
  const problems: string[] = [];
  sharedChecks(env, problems);
  const auth = readAuthConfig(env as NodeJS.ProcessEnv);
  if (!auth.ok) problems.push(...auth.problems);
  if (env.NEXTAUTH_URL && !isHttps(env.NEXTAUTH_URL)) problems.push('NEXTAUTH_URL must be the https address of the portal behind the proxy');
  // Several instances must decrypt each other's server-action ids and closures.
  const key = env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY;
  if (!key) problems.push('NEXT_SERVER_ACTIONS_ENCRYPTION_KEY is missing: `npm run build` and every instance need the same one (openssl rand -base64 32)');
  else if (![16, 24, 32].includes(Buffer.from(key, 'base64').length))
    problems.push('NEXT_SERVER_ACTIONS_ENCRYPTION_KEY must be 16, 24 or 32 bytes in base64 (openssl rand -base64 32)');
  if (env.PORTAL_ORIGIN && env.NEXTAUTH_URL && isHttps(env.NEXTAUTH_URL) && env.PORTAL_ORIGIN !== new URL(env.NEXTAUTH_URL).host)
    problems.push(`PORTAL_ORIGIN must be the portal's own host (${new URL(env.NEXTAUTH_URL).host}), nothing else`);
  if (env.OUTBOX_WORKER === 'inline') problems.push('OUTBOX_WORKER=inline: run the delivery worker as its own process (npm run worker) in production');
  if (env.METRICS_TOKEN !== undefined && env.METRICS_TOKEN.length < 16) problems.push('METRICS_TOKEN must be at least 16 characters');
  // Benefit payment files name the Board's own account as the debtor: never the demo account.
  if (!env.PAYMENTS_DEBTOR_IBAN) problems.push("PAYMENTS_DEBTOR_IBAN is missing: the Board's account that benefit payment files (pain.001) are paid from");
  else if (!isValidIban(env.PAYMENTS_DEBTOR_IBAN)) problems.push('PAYMENTS_DEBTOR_IBAN is not a valid IBAN (check the digits)');
  return { mode: runMode(env), problems };
}

/** The outbox worker (`npm run worker`). */
export function checkWorkerConfig(env: Env = process.env): ConfigCheck {
  const problems: string[] = [];
  sharedChecks(env, problems);
  if (!env.SMTP_URL) problems.push('SMTP_URL is missing: the worker cannot send e-mail');
  const links = env.PORTAL_URL ?? env.NEXTAUTH_URL;
  if (!isHttps(links)) problems.push('PORTAL_URL (or NEXTAUTH_URL) must be the https address of the portal: e-mails link to it');
  if (Boolean(env.HELPDESK_WEBHOOK_URL) !== Boolean(env.HELPDESK_WEBHOOK_SECRET))
    problems.push('HELPDESK_WEBHOOK_URL and HELPDESK_WEBHOOK_SECRET go together: set both or neither');
  return { mode: runMode(env), problems };
}

/** Prints the verdict; returns whether the process may start. */
export function reportConfig(what: string, check: ConfigCheck, write: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): boolean {
  if (check.problems.length === 0) return true;
  const header =
    check.mode === 'production'
      ? `${what} will not start: the configuration is not fit for production.`
      : `${what}: TOOLAUD_ENV=${check.mode}, starting despite these configuration problems (never do this in production):`;
  write(header);
  for (const problem of check.problems) write(`  - ${problem}`);
  if (check.mode === 'production') write('See README.md, "Configuration". (TOOLAUD_ENV=test or development relaxes these checks outside production.)');
  return check.mode !== 'production';
}
