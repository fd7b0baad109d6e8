// What the load benchmarks (bench-load.ts, bench-public.ts) share: readiness, stopping a
// child, percentiles, and the CPU time each part of the machine used.
import { execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Sql } from 'postgres';
import { makePersonalCode } from '../lib/personal-code';
import { startEdge } from './nginx';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A percentile of an ascending list (0 for an empty one). */
export const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

export async function waitReady(port: number, pathname = '/api/health/ready') {
  for (let i = 0; i < 240; i++) {
    if (
      await fetch(`http://127.0.0.1:${port}${pathname}`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await sleep(250);
  }
  throw new Error(`127.0.0.1:${port} did not become ready`);
}

export async function stopChild(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill(signal);
  await new Promise((r) => child.once('exit', r));
}

export type CpuParts = Record<'app' | 'postgres' | 'nginx' | 'loadgen', number>;

/**
 * CPU time used by each part (from /proc, in ms): unlike throughput, CPU per request hardly
 * changes when other work shares the machine, so two builds compare even on a busy one.
 */
export function cpuByPart(appPids: number[]): CpuParts {
  const parts = { app: 0, postgres: 0, nginx: 0, loadgen: 0 };
  const tick = 1000 / 100; // USER_HZ
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ms = (Number(fields[11]) + Number(fields[12])) * tick;
    const pid = Number(entry);
    if (appPids.includes(pid)) parts.app += ms;
    else if (pid === process.pid) parts.loadgen += ms;
    else if (comm === 'postgres') parts.postgres += ms;
    else if (comm === 'nginx') parts.nginx += ms;
  }
  return parts;
}

/** CPU ms per request of each part between two readings. */
export function cpuPerRequest(before: CpuParts, after: CpuParts, requests: number): string {
  return (Object.keys(after) as (keyof CpuParts)[]).map((k) => `${k} ${((after[k] - before[k]) / Math.max(1, requests)).toFixed(2)}`).join(', ');
}

/** One request of an open loop: where, how, and what to do with the answer. */
export type Arrival = { url: string; init?: RequestInit; onAnswer?: (status: number, body: string) => void };

/**
 * Requests arriving at random (Poisson) at `rate` a second for `seconds`, each timed from its
 * arrival, so a slow answer cannot hold back the ones behind it: users who pause between
 * pages, unlike a closed loop's connections that send the next request the moment the last
 * one answers.
 */
export async function openLoop(rate: number, seconds: number, next: () => Arrival) {
  const latencies: number[] = [];
  let errors = 0;
  const inFlight = new Set<Promise<void>>();
  const started = performance.now();
  let at = started;
  while (at - started < seconds * 1000) {
    await sleep(Math.max(0, at - performance.now()));
    const { url, init, onAnswer } = next();
    const arrived = performance.now();
    const task = fetch(url, init)
      .then(async (res) => {
        const body = await res.text();
        latencies.push(performance.now() - arrived);
        if (res.status >= 400) errors++;
        onAnswer?.(res.status, body);
      })
      .catch(() => {
        latencies.push(performance.now() - arrived);
        errors++;
      })
      .finally(() => inFlight.delete(task));
    inFlight.add(task);
    at += -Math.log(1 - Math.random()) * (1000 / rate); // exponential gaps: Poisson arrivals
  }
  await Promise.all(inFlight);
  latencies.sort((a, b) => a - b);
  return { done: latencies.length / seconds, p50: pct(latencies, 50), p95: pct(latencies, 95), p99: pct(latencies, 99), errors };
}

/** `count` clients with valid personal codes (born 1930–2009) and family names `<prefix>N`. */
export async function insertClients(sql: Sql, count: number, familyPrefix: string) {
  const codes = new Set<string>();
  for (let i = 0; codes.size < count; i++) {
    const day = new Date(Date.UTC(1930 + (i % 80), 0, 1 + ((i * 7) % 365))).toISOString().slice(0, 10);
    codes.add(makePersonalCode(day, i % 2 ? 'male' : 'female', Math.floor(i / 560) % 1000));
  }
  const all = [...codes];
  for (let i = 0; i < all.length; i += 5000) {
    const batch = all.slice(i, i + 5000).map((code, j) => ({
      personal_code: code,
      given_name: ['Mari', 'Jüri', 'Õie', 'Tõnu', 'Ülle', 'Märt'][j % 6]!,
      family_name: `${familyPrefix}${(i + j) % 997}`,
    }));
    await sql`insert into clients ${sql(batch)} on conflict do nothing`;
  }
}

/**
 * The ceiling: a bare Next.js page (bench/bare, built here when missing) on two instances
 * started by `start`, behind its own nginx with the reference configuration.
 */
export async function startBareCeiling(
  start: (port: number, id: string, env: Record<string, string>) => ChildProcess,
  ports: { app: [number, number]; https: number; http: number },
) {
  const bareDir = path.join('bench', 'bare');
  if (!fs.existsSync(path.join(bareDir, '.next', 'BUILD_ID'))) execFileSync(path.join('node_modules', '.bin', 'next'), ['build', bareDir], { stdio: 'ignore' });
  const processes = ports.app.map((port, i) => start(port, `bare-${'ab'[i]}`, { NEXT_APP_DIR: bareDir }));
  const edge = await startEdge({ httpsPort: ports.https, httpPort: ports.http, upstreams: [`127.0.0.1:${ports.app[0]}`, `127.0.0.1:${ports.app[1]}`] });
  await Promise.all(ports.app.map((p) => waitReady(p, '/')));
  return {
    url: `https://localhost:${ports.https}/`,
    processes,
    stop: async () => {
      await edge.stop();
      for (const p of processes) await stopChild(p, 'SIGTERM');
    },
  };
}

/**
 * The environment of a benchmark's portal instances: the development sign-in settings
 * (sessions are made directly in the database; nothing else is relaxed) and quiet logs.
 */
export function benchPortalEnv(databaseUrl: string, origin: string, httpsPort: number): NodeJS.ProcessEnv {
  return {
    ...process.env,
    TOOLAUD_ENV: 'test',
    DATABASE_URL: databaseUrl,
    NEXTAUTH_URL: origin,
    PORTAL_ORIGIN: `localhost:${httpsPort}`,
    AUTH_SECRET: 'bench-only-secret-0123456789abcdef0123456789',
    OIDC_ISSUER: 'http://127.0.0.1:9',
    OIDC_ALLOW_DEV_ISSUER: 'true',
    OIDC_CLIENT_ID: 'bench',
    OIDC_CLIENT_SECRET: 'bench',
    OUTBOX_WORKER: 'off',
    LOG_LEVEL: 'warn',
  };
}
