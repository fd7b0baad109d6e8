// Playwright's webServer: a fresh e2e database (migrated and seeded), the development
// identity provider, and two portal instances built by `next build`. Stays up until
// Playwright stops it.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import postgres from 'postgres';
import { openDb } from '../../db/client';
import { seedDemo } from '../../db/seed/seed';
import { startDevIdp } from '../../dev-idp/server';
import { startEdge } from '../../scripts/nginx';
import { startSmtpCatcher } from '../../scripts/smtp-catcher';
import { E2E, e2eDatabaseUrl, edgeUrl, idpUrl, portalUrl, shortPortalUrl } from './env';
import { e2eMail } from './mail';

const databaseUrl = e2eDatabaseUrl();
const admin = postgres(process.env.TEST_PG_URL!, { max: 1, onnotice: () => {} });
await admin.unsafe('drop database if exists toolaud_e2e with (force)');
await admin.unsafe('create database toolaud_e2e');
await admin.end();
const handle = await openDb({ url: databaseUrl, migrate: true });
await seedDemo(handle.db);
await handle.close();

const idp = await startDevIdp({
  port: E2E.idpPort,
  issuer: idpUrl,
  clients: [
    {
      client_id: E2E.clientId,
      client_secret: E2E.clientSecret,
      redirect_uris: [`${portalUrl}/api/auth/callback/oidc`, `${shortPortalUrl}/api/auth/callback/oidc`, `${edgeUrl}/api/auth/callback/oidc`],
    },
  ],
});

// Mail: a local catcher, and the outbox worker as its own process as in production.
fs.rmSync(e2eMail.dir, { recursive: true, force: true });
const catcher = await startSmtpCatcher({ port: e2eMail.port, dir: e2eMail.dir });
const smtpUrl = `smtp://127.0.0.1:${catcher.port}`;
const worker = spawn(path.join('node_modules', '.bin', 'tsx'), ['scripts/worker.ts'], {
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, DATABASE_URL: databaseUrl, SMTP_URL: smtpUrl, NEXTAUTH_URL: portalUrl, OUTBOX_POLL_MS: '250', DB_POOL_MAX: '2', TOOLAUD_ENV: 'test' },
});
worker.on('exit', (code) => {
  console.error(`outbox worker exited with ${code}`);
  process.exit(1);
});

function startPortal(port: number, url: string, extraEnv: Record<string, string> = {}): ChildProcess {
  const child = spawn(path.join('node_modules', '.bin', 'next'), ['start', '-p', String(port)], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      NEXTAUTH_URL: url,
      AUTH_SECRET: E2E.authSecret,
      OIDC_ISSUER: idpUrl,
      OIDC_CLIENT_ID: E2E.clientId,
      OIDC_CLIENT_SECRET: E2E.clientSecret,
      OIDC_ALLOW_DEV_ISSUER: 'true',
      DB_POOL_MAX: '5',
      SMTP_URL: smtpUrl,
      OUTBOX_WORKER: 'off',
      // The suite signs the same demo people in dozens of times; the sign-in limit
      // (server/ops/rate-limit.ts) is shared by all instances through the database.
      RATE_LIMIT_SIGNIN_PERSON: '1000/300',
      ...extraEnv,
    },
  });
  child.on('exit', (code) => {
    console.error(`portal on ${port} exited with ${code}`);
    process.exit(1);
  });
  return child;
}

const portals = [
  startPortal(E2E.portalPort, portalUrl),
  startPortal(E2E.shortPortalPort, shortPortalUrl, { SESSION_IDLE_SECONDS: String(E2E.shortIdleSeconds) }),
];

// The production edge: two instances started the production way (`npm start`, our
// launcher) behind nginx with the reference configuration and a self-signed certificate.
// TOOLAUD_ENV=test only because the identity provider is the development one.
function startEdgeInstance(port: number, instanceId: string): ChildProcess {
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      TOOLAUD_ENV: 'test',
      PORT: String(port),
      INSTANCE_ID: instanceId,
      DATABASE_URL: databaseUrl,
      NEXTAUTH_URL: edgeUrl,
      PORTAL_ORIGIN: new URL(edgeUrl).host,
      AUTH_SECRET: E2E.authSecret,
      OIDC_ISSUER: idpUrl,
      OIDC_CLIENT_ID: E2E.clientId,
      OIDC_CLIENT_SECRET: E2E.clientSecret,
      OIDC_ALLOW_DEV_ISSUER: 'true',
      DB_POOL_MAX: '5',
      OUTBOX_WORKER: 'off',
      RATE_LIMIT_INCIDENT_PERSON: `${E2E.edgeIncidentLimit}/3600`,
      RATE_LIMIT_SIGNIN_PERSON: '1000/300',
      METRICS_TOKEN: 'e2e-metrics-token-0123456789',
      LOG_LEVEL: 'warn',
    },
  });
  child.on('exit', (code) => {
    console.error(`edge instance ${instanceId} exited with ${code}`);
    process.exit(1);
  });
  return child;
}
const edgeInstances = E2E.edgeInstancePorts.map((port, i) => startEdgeInstance(port, `edge-${'ab'[i]}`));
portals.push(...edgeInstances);
const edge = await startEdge({
  httpsPort: E2E.edgeHttpsPort,
  httpPort: E2E.edgeHttpPort,
  upstreams: [`127.0.0.1:${E2E.edgeInstancePorts[0]}`, `127.0.0.1:${E2E.edgeInstancePorts[1]}`],
});

const stop = async () => {
  await edge.stop();
  worker.removeAllListeners('exit');
  worker.kill('SIGTERM');
  await catcher.close();
  for (const p of portals) {
    p.removeAllListeners('exit');
    p.kill('SIGTERM');
  }
  await idp.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
// Ready only when both portals answer: Playwright waits on this port.
for (const url of [portalUrl, shortPortalUrl, ...E2E.edgeInstancePorts.map((p) => `http://127.0.0.1:${p}`)]) {
  for (let i = 0; ; i++) {
    const ok = await fetch(`${url.replace('localhost', '127.0.0.1')}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (i > 240) throw new Error(`${url} did not become healthy`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
createServer((_req, res) => res.end('ready')).listen(E2E.readyPort, '127.0.0.1');
console.log(`e2e servers: idp ${idpUrl}, portals ${portalUrl} and ${shortPortalUrl}`);
