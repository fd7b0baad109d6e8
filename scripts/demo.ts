// `npm run demo`: the portal with the embedded database, demo data and the development
// ID-card provider. The web server (with migrations and background work, all in one
// process because PGlite is single-process) runs as `next start`; the identity provider
// runs here, and holds no database.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { demoOutsiders, demoStaff } from '../db/seed/org-data';
import { startDevIdp } from '../dev-idp/server';
import { demoBindHost, demoNextStartArgs } from './demo-options';
import { startSmtpCatcher } from './smtp-catcher';

const port = Number(process.env.PORT ?? 3000);
const idpPort = Number(process.env.DEV_IDP_PORT ?? port + 1);
const host = process.env.DEMO_HOST ?? 'localhost';
const portalUrl = `http://${host}:${port}`;
const issuer = `http://${host}:${idpPort}`;
const dataDir = process.env.PGLITE_DATA_DIR ?? path.join(process.cwd(), 'data', 'pglite');

// The auth secret survives restarts so sessions do too; it lives beside the data.
function demoSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(path.dirname(dataDir), 'auth-secret');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  return fs.readFileSync(file, 'utf8').trim();
}

// Mail goes to a local catcher, never out: each message is printed and kept as .eml
// beside the data; the admin page "Väljuvad teated" lists what was sent.
const smtpPort = Number(process.env.DEMO_SMTP_PORT ?? port + 2);
const mailDir = path.join(path.dirname(dataDir), 'mail');
const catcher = await startSmtpCatcher({
  port: smtpPort,
  dir: mailDir,
  onMessage: (mail) => console.log(`E-kiri (SMTP-püüdja) → ${mail.to.join(', ')}: ${mail.subject}`),
}).catch((error: unknown) => {
  console.error(`SMTP-püüdja ei käivitunud pordil ${smtpPort}: ${(error as Error).message}`);
  process.exit(1);
});

const clientSecret = randomBytes(24).toString('base64url');
const idp = await startDevIdp({
  port: idpPort,
  host: demoBindHost(),
  issuer,
  clients: [{ client_id: 'toolaud-demo', client_secret: clientSecret, redirect_uris: [`${portalUrl}/api/auth/callback/oidc`] }],
}).catch((error: unknown) => {
  console.error(`Arenduse identiteediteenus ei käivitunud: ${(error as Error).message}`);
  process.exit(1);
});

const portal = spawn(path.join('node_modules', '.bin', 'next'), demoNextStartArgs(port), {
  stdio: 'inherit',
  env: {
    ...process.env,
    NEXTAUTH_URL: portalUrl,
    AUTH_SECRET: demoSecret(),
    OIDC_ISSUER: issuer,
    OIDC_CLIENT_ID: 'toolaud-demo',
    OIDC_CLIENT_SECRET: clientSecret,
    OIDC_ALLOW_DEV_ISSUER: 'true',
    PGLITE_DATA_DIR: dataDir,
    TOOLAUD_DEMO_SEED: '1',
    SMTP_URL: process.env.SMTP_URL ?? `smtp://127.0.0.1:${catcher.port}`,
    OUTBOX_POLL_MS: process.env.OUTBOX_POLL_MS ?? '1000',
  },
});

const stop = async (code: number) => {
  portal.kill('SIGTERM');
  await idp.close();
  await catcher.close();
  process.exit(code);
};
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
portal.on('exit', (code) => void stop(code ?? 1));

for (let i = 0; i < 120; i++) {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/api/health`);
    if (res.ok) break;
  } catch {
    // not up yet
  }
  await new Promise((r) => setTimeout(r, 500));
}

const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - [...s].length));
console.log(`\nTöölaud: ${portalUrl}   (arenduse ID-kaart: ${issuer})`);
console.log(`E-kirjad: SMTP-püüdja 127.0.0.1:${catcher.port}, kirjad kaustas ${mailDir}`);
console.log('Demo people — choose one on the sign-in page, or type their isikukood:\n');
for (const p of demoStaff) console.log(`  ${p.personalCode}  ${pad(`${p.givenName} ${p.familyName}`, 24)} ${pad(p.roles.join(', '), 22)} ${p.title}`);
for (const p of demoOutsiders) console.log(`  ${p.personalCode}  ${pad(`${p.givenName} ${p.familyName}`, 24)} (not staff: is refused)`);
console.log('\nCtrl+C stops the portal.');
