// npm run bench:load — the portal as production runs it (nginx with TLS over two `npm start`
// instances, one outbox worker, one PostgreSQL) under 50 signed-in users for 60 s each:
//   1. clean: 70 % list and search pages, 20 % opening documents, 10 % registrations;
//   2. ceiling: a bare Next.js page (bench/bare) served the same way;
//   3. faults: the same mix plus an incident report a second (mail through the outbox),
//      while one instance is killed and started again, PostgreSQL is stopped for a few
//      seconds, and the worker is stopped and started again.
// Then the after-checks: every registration and report that answered success exists
// exactly once with a unique number; every outbox message was delivered, none twice.
// Loopback only, bounded in time; prints a Markdown section and writes it into
// BENCHMARKS.md. Needs BENCH_DATABASE_URL and PG_CLUSTER_* (scripts/bench-load.sh).
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon, { type Result } from 'autocannon';
import postgres from 'postgres';
import { openDb, setDbHandle } from '../db/client';
import { seedDemo } from '../db/seed/seed';
import { makePersonalCode } from '../lib/personal-code';
import { createSession, newSessionToken } from '../server/auth/sessions';
import { benchPortalEnv, cpuByPart, openLoop, pct, sleep, startBareCeiling, stopChild, waitReady, type Arrival } from './bench-support';
import { startEdge } from './nginx';
import { startSmtpCatcher } from './smtp-catcher';

const adminUrl = process.env.BENCH_DATABASE_URL;
if (!adminUrl) throw new Error('BENCH_DATABASE_URL is required (use npm run bench:load)');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const USERS = Number(process.env.BENCH_USERS ?? 50);
const DOCS = Number(process.env.BENCH_LOAD_DOCUMENTS ?? 50_000);
const base = Number(process.env.BENCH_PORT_BASE ?? 4340);
const ports = { https: base, http: base + 1, app: [base + 2, base + 3], smtp: base + 4, bare: [base + 5, base + 6], bareHttps: base + 7, bareHttp: base + 8 };
// Loopback, a certificate made here: the benchmark's own fetches accept it.
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';

const t0 = performance.now();
const loadAtStart = os.loadavg()[0]!;
const log = (s: string) => console.log(`[${((performance.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${s}`);

// ---- database ----------------------------------------------------------------
const dbUrl = (() => {
  const u = new URL(adminUrl);
  u.pathname = '/toolaud_load';
  return u.toString();
})();
{
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe('drop database if exists toolaud_load with (force)');
  await admin.unsafe('create database toolaud_load');
  await admin.end();
}
const handle = await openDb({ url: dbUrl, migrate: true, poolMax: 4 });
setDbHandle(handle);
await seedDemo(handle.db);
const sql = postgres(dbUrl, { max: 4, onnotice: () => {} });
log(`generating ${DOCS.toLocaleString('et')} documents`);
{
  const clients = Array.from({ length: 5000 }, (_, i) => ({
    personal_code: makePersonalCode(new Date(Date.UTC(1940 + (i % 60), i % 12, 1 + (i % 28))).toISOString().slice(0, 10), i % 2 ? 'male' : 'female', i % 1000),
    given_name: ['Mari', 'Jüri', 'Õie', 'Tõnu', 'Ülle', 'Märt'][i % 6]!,
    family_name: `Koormus${i % 997}`,
  }));
  for (let i = 0; i < clients.length; i += 1000) await sql`insert into clients ${sql(clients.slice(i, i + 1000))} on conflict do nothing`;
  await sql.unsafe(`
    create temp table cids as select id, row_number() over (order by personal_code) as rn, count(*) over () as n from clients;
    create temp table types as select code, series_code, deadline_kind, row_number() over (order by code) - 1 as rn, count(*) over () as n from document_types where direction = 'incoming';
    create temp table units_n as select code, row_number() over (order by code) - 1 as rn, count(*) over () as n from units;
    insert into documents (id, series_code, year, sequence, suffix, number, matter_id, type_code, direction, channel, received_at, registered_at,
      client_id, title, is_restricted, restriction_ground_code, restriction_from, restriction_until, unit_code, status, deadline_kind, due_date, created_by)
    select d.id, t.series_code, extract(year from d.reg)::int, g, 0, t.series_code || '/' || g, d.id, t.code, 'incoming',
      (array['in_person','post','email','e_service','dhx'])[1 + g % 5]::document_channel, d.reg, d.reg,
      c.id, 'Taotlus nr ' || g, g % 3 = 0, case when g % 3 = 0 then 'avts-35-1-12' end, case when g % 3 = 0 then d.reg::date end,
      case when g % 3 = 0 then (d.reg + interval '75 years')::date end, u.code,
      -- (g / 6, not g: a unit is g % 6, and every unit needs documents in every status)
      (array['registered','in_progress','in_progress','answered','closed','closed'])[1 + (g / 6) % 6]::document_status,
      t.deadline_kind, case when t.deadline_kind <> 'none' then (d.reg + interval '30 days')::date end, (select id from staff limit 1)
    from generate_series(1, ${DOCS}) g
    cross join lateral (select gen_random_uuid() as id, now() - (g % 700) * interval '1 day' - (g % 86400) * interval '1 second' as reg) d
    join types t on t.rn = g % t.n
    join cids c on c.rn = 1 + (g * 7919) % c.n
    join units_n u on u.rn = g % u.n;
    insert into register_counters (series_code, year, last_number)
      select series_code, year, max(sequence) from documents group by 1, 2
      on conflict (series_code, year) do update set last_number = excluded.last_number;
    analyze;`);
}

// ---- who uses it: USERS specialists with sessions, as if signed in ------------------
const units = ['klienditeenindus', 'klienditeenindus', 'pensionid', 'peretoetused', 'ekspertiis'];
type User = { id: string; unit: string; cookie: string; docs: string[]; clients: string[] };
const users: User[] = [];
for (let i = 0; i < USERS; i++) {
  const unit = units[i % units.length]!;
  const code = makePersonalCode(`1985-0${1 + (i % 9)}-1${i % 9}`, i % 2 ? 'male' : 'female', 100 + i);
  const [row] = await sql`
    insert into staff (personal_code, given_name, family_name, email, unit_code, office_code, region_code, roles)
    values (${code}, 'Koormus', ${`Kasutaja${i}`}, ${`koormus${i}@sotsiaalkindlustusamet.ee`}, ${unit}, 'tallinn', 'pohja', '{specialist}')
    on conflict (personal_code) do update set is_active = true returning id`;
  const token = newSessionToken();
  await createSession(row!.id as string, token, 6 * 3600);
  const docs = await sql`select id from documents where unit_code = ${unit} or not is_restricted order by random() limit 300`;
  const clients = await sql`select family_name from clients order by random() limit 50`;
  users.push({
    id: row!.id as string,
    unit,
    cookie: `__Secure-toolaud.session=${token}`,
    docs: docs.map((d) => d.id as string),
    clients: clients.map((c) => c.family_name as string),
  });
}

// ---- processes -------------------------------------------------------------------
const origin = `https://localhost:${ports.https}`;
const catcher = await startSmtpCatcher({ port: ports.smtp });
const children = new Set<ChildProcess>();
let tearingDown = false;
// However the benchmark ends, nothing it started stays behind.
process.on('exit', () => {
  for (const child of children) child.kill('SIGTERM');
});
process.on('uncaughtException', (error) => {
  console.error(error);
  process.exit(1);
});
const quiet = (child: ChildProcess) => {
  children.add(child);
  child.on('exit', (code, signal) => {
    children.delete(child);
    if (!tearingDown) log(`process ${child.pid} (${child.spawnargs.slice(1).join(' ')}) exited: code ${code}, signal ${signal}`);
  });
  return child;
};
// PostgreSQL runs on this machine, so the portal reaches it as a co-located server is
// reached in production: over its Unix socket (libpq's ?host=/dir). BENCH_DB_TRANSPORT=tcp
// measures loopback TCP instead.
const transport = process.env.BENCH_DB_TRANSPORT === 'tcp' ? 'tcp' : 'socket';
const appDbUrl = transport === 'tcp' ? dbUrl : `${dbUrl}?host=${encodeURIComponent(process.env.PG_CLUSTER_DIR!)}`;
const baseEnv = {
  ...benchPortalEnv(appDbUrl, origin, ports.https),
  SMTP_URL: `smtp://127.0.0.1:${ports.smtp}`,
  // The limiter runs on every registration, with ceilings the benchmark does not reach.
  RATE_LIMIT_REGISTRATION_PERSON: '100000/300',
  RATE_LIMIT_REGISTRATION_IP: '100000/300',
  RATE_LIMIT_INCIDENT_PERSON: '100000/300',
  RATE_LIMIT_INCIDENT_IP: '100000/300',
};
// BENCH_LOG_DIR=dir: each instance's and the worker's JSON log goes to a file there (to see why requests failed).
const logTo = (name: string) => {
  if (!process.env.BENCH_LOG_DIR) return 'ignore' as const;
  fs.mkdirSync(process.env.BENCH_LOG_DIR, { recursive: true });
  return fs.openSync(path.join(process.env.BENCH_LOG_DIR, `${name}.log`), 'a');
};
function startInstance(port: number, id: string, extra: Record<string, string> = {}, nodeArgs: string[] = []): ChildProcess {
  return quiet(
    // BENCH_NODE_ARGS: extra V8/Node flags for the instances (e.g. --max-semi-space-size=32), to compare.
    spawn(process.execPath, [...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []), ...nodeArgs, 'scripts/start.mjs'], {
      stdio: ['ignore', logTo(id), 'inherit'],
      env: { ...baseEnv, PORT: String(port), INSTANCE_ID: id, DB_POOL_MAX: process.env.BENCH_POOL_MAX ?? '10', ...extra },
    }),
  );
}
function startWorker(): ChildProcess {
  return quiet(
    spawn(path.join('node_modules', '.bin', 'tsx'), ['scripts/worker.ts'], {
      stdio: ['ignore', logTo('worker'), 'inherit'],
      env: { ...baseEnv, OUTBOX_POLL_MS: '250', DB_POOL_MAX: '3', OUTBOX_LEASE_SECONDS: '30' },
    }),
  );
}

// BENCH_PROFILE=dir: app-a writes a V8 CPU profile there when it stops (for finding hot spots).
const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_PROFILE)}`] : undefined;
let instances = [startInstance(ports.app[0]!, 'app-a', {}, profile), startInstance(ports.app[1]!, 'app-b')];
let worker = startWorker();
const edge = await startEdge({ httpsPort: ports.https, httpPort: ports.http, upstreams: [`127.0.0.1:${ports.app[0]}`, `127.0.0.1:${ports.app[1]}`] });
await Promise.all(ports.app.map((p) => waitReady(p)));
log('portal up: nginx :' + ports.https + ' → instances :' + ports.app.join(', :'));

// ---- the requests ------------------------------------------------------------------
const manifest = JSON.parse(fs.readFileSync('.next/server/server-reference-manifest.json', 'utf8')) as {
  node: Record<string, { exportedName: string; filename: string }>;
};
const actionId = (name: string) => Object.entries(manifest.node).find(([, v]) => v.exportedName === name)![0];
const registerId = actionId('registerDocumentAction');
const reportId = actionId('reportIncidentAction');

/** A server action call with one FormData argument, as React's encodeReply sends it. */
function actionBody(field: string, value: unknown) {
  const boundary = `----toolaud${randomUUID().replace(/-/g, '')}`;
  const part = (name: string, content: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${content}\r\n`;
  return { body: `${part(`_1_${field}`, JSON.stringify(value))}${part('0', '["$K1"]')}--${boundary}--\r\n`, type: `multipart/form-data; boundary=${boundary}` };
}
const registration = (title: string) => ({
  typeCode: 'general_letter',
  channel: 'post',
  receivedAt: new Date(Date.now() - 3600_000).toISOString().slice(0, 16),
  party: 'institution',
  clientCode: '',
  clientGivenName: '',
  clientFamilyName: '',
  institutionName: 'Koormustesti Asutus',
  institutionCode: '',
  identityChecked: false,
  identityDocumentType: 'id_card',
  identityDocumentNumber: '',
  identityValidUntil: '',
  title,
  senderReference: '',
  senderDate: '',
  pages: '1',
  isRestricted: false,
  restrictionGroundCode: '',
  restrictionUntil: '',
  unitCode: 'klienditeenindus',
  assigneeId: '',
  otherAuthority: false,
  matterId: '',
  submissionId: randomUUID(),
});

type Ledger = { sent: Set<string>; ok: Map<string, string>; failed: number };
const registrations: Ledger = { sent: new Set(), ok: new Map(), failed: 0 };
// Latency by kind of request (from building the request to its response), for the current run.
const byKind = new Map<string, number[]>();
const okNumber = (body: string) => /"ok":true,"data":\{[^}]*"number":"([^"]+)"/.exec(body)?.[1] ?? null;

// What a browser sends with every page request: the answers are compressed as in production.
const browser = { accept: 'text/html', 'accept-encoding': 'gzip, deflate, br' };

function portalRequests() {
  return [
    {
      setupRequest(req: Record<string, unknown>, context: Record<string, unknown>) {
        context.user ??=
          users[((context.n = (globalThis as { __u?: number }).__u = ((globalThis as { __u?: number }).__u ?? -1) + 1) as number) % users.length];
        const user = context.user as User;
        const headers: Record<string, string> = { cookie: user.cookie, ...browser };
        const roll = Math.random();
        context.title = null;
        context.startedAt = performance.now();
        if (roll < 0.7) {
          const lists = [
            '/dokumendid',
            '/dokumendid?vaade=minu',
            '/dokumendid?vaade=osakond&olek=avatud',
            `/dokumendid?klient=${encodeURIComponent(user.clients[Math.floor(Math.random() * user.clients.length)]!)}`,
            '/dokumendid?jarjestus=tahtaeg&olek=avatud',
            '/kliendid',
            '/',
          ];
          context.kind = 'list';
          return { ...req, method: 'GET', path: lists[Math.floor(Math.random() * lists.length)], headers, body: undefined };
        }
        if (roll < 0.9) {
          context.kind = 'card';
          return { ...req, method: 'GET', path: `/dokumendid/${user.docs[Math.floor(Math.random() * user.docs.length)]}`, headers, body: undefined };
        }
        const title = `Koormustest ${randomUUID()}`;
        context.kind = 'registration';
        context.title = title;
        registrations.sent.add(title);
        const { body, type } = actionBody('input', registration(title));
        return {
          ...req,
          method: 'POST',
          path: '/dokumendid/uus',
          // Uncompressed: the answer (0.2 KiB) is read for the new number.
          headers: { ...headers, accept: 'text/x-component', 'accept-encoding': 'identity', 'next-action': registerId, origin, 'content-type': type },
          body,
        };
      },
      onResponse(status: number, body: string, context: Record<string, unknown>) {
        const kind = context.kind as string;
        if (!byKind.has(kind)) byKind.set(kind, []);
        byKind.get(kind)!.push(performance.now() - (context.startedAt as number));
        const title = context.title as string | null;
        if (!title) return;
        const number = status === 200 ? okNumber(body) : null;
        if (number) registrations.ok.set(title, number);
        else {
          registrations.failed++;
          if (registrations.failed <= 3) log(`registration refused: HTTP ${status} ${body.slice(0, 300).replace(/\s+/g, ' ')}`);
        }
      },
    },
  ];
}

type Run = { name: string; result: Result; latencies: number[]; errorsBySecond: Map<number, number>; appErrors: number; kinds: string; cpu: string };

async function load(
  name: string,
  url: string,
  requests: ReturnType<typeof portalRequests> | undefined,
  seconds: number,
  during?: () => Promise<void>,
): Promise<Run> {
  (globalThis as { __u?: number }).__u = -1;
  byKind.clear();
  const failedBefore = registrations.failed;
  const started = Date.now();
  const latencies: number[] = [];
  const errorsBySecond = new Map<number, number>();
  const instance = autocannon({ url, connections: USERS, duration: seconds, timeout: 30, requests, headers: requests ? undefined : browser });
  instance.on('response', (_client: unknown, status: number, _bytes?: number, responseTime?: number) => {
    latencies.push(responseTime ?? 0);
    if (status >= 400) {
      const s = Math.floor((Date.now() - started) / 1000);
      errorsBySecond.set(s, (errorsBySecond.get(s) ?? 0) + 1);
    }
  });
  (instance as unknown as { on(e: string, cb: () => void): void }).on('reqError', () => {
    const s = Math.floor((Date.now() - started) / 1000);
    errorsBySecond.set(s, (errorsBySecond.get(s) ?? 0) + 1);
  });
  const appPids = () => [...children].filter((c) => c.spawnargs.includes('scripts/start.mjs')).map((c) => c.pid!);
  const cpuBefore = cpuByPart(appPids());
  const [result] = await Promise.all([instance, during?.()]);
  const cpuAfter = cpuByPart(appPids());
  const cpu = (Object.keys(cpuAfter) as (keyof typeof cpuAfter)[])
    .map((k) => `${k} ${((cpuAfter[k] - cpuBefore[k]) / Math.max(1, result.requests.total)).toFixed(1)}`)
    .join(', ');
  latencies.sort((a, b) => a - b);
  const kinds = [...byKind.entries()]
    .map(([kind, l]) => {
      l.sort((a, b) => a - b);
      return `${kind} ${l.length} × p50 ${pct(l, 50).toFixed(0)} / p95 ${pct(l, 95).toFixed(0)} ms`;
    })
    .join('; ');
  return { name, result, latencies, errorsBySecond, appErrors: registrations.failed - failedBefore, kinds, cpu };
}

/** Clears pg_stat_statements (loaded by scripts/bench-load.sh); false when the server runs without it. */
async function resetStatements(): Promise<boolean> {
  const available = await sql`select 1 from pg_available_extensions where name = 'pg_stat_statements'`;
  if (!available.length) return false;
  await sql`create extension if not exists pg_stat_statements`;
  return sql`select pg_stat_statements_reset()`.then(
    () => true,
    () => false,
  );
}
/** PostgreSQL's time by statement since the reset: execution and planning (track_planning). */
async function topStatements(limit: number): Promise<string> {
  const rows = await sql`
    select left(regexp_replace(query, '[[:space:]]+', ' ', 'g'), 50) || coalesce(' … where ' || left(substring(regexp_replace(query, '[[:space:]]+', ' ', 'g') from ' where (.*)$'), 150), '') as q,
      calls, total_exec_time as exec, total_plan_time as plan
    from pg_stat_statements where dbid = (select oid from pg_database where datname = 'toolaud_load')
    order by total_exec_time + total_plan_time desc limit ${limit}`;
  return rows
    .map((r) => {
      const calls = Math.max(1, Number(r.calls));
      const [exec, plan] = [Number(r.exec), Number(r.plan)];
      return `${r.q as string}… ${calls} × ${(exec / calls).toFixed(2)} ms (planning ${(plan / calls).toFixed(2)} ms) = ${((exec + plan) / 1000).toFixed(1)} s`;
    })
    .join('; ');
}

// Warm-up, not measured: first renders, JIT, connection pools.
await load('warm-up', origin, portalRequests(), 8);

// One user alone, one request at a time: what each kind of request costs without load.
const probe = users[0]!;
const singles: { what: string; ms: number; kb: number }[] = [];
for (const [what, pathname] of [
  ['/ (desk)', '/'],
  ['/dokumendid', '/dokumendid'],
  ['/dokumendid?vaade=minu', '/dokumendid?vaade=minu'],
  ['/dokumendid?klient=…', `/dokumendid?klient=${encodeURIComponent(probe.clients[0]!)}`],
  ['/kliendid', '/kliendid'],
  ['/dokumendid/[id]', `/dokumendid/${probe.docs[0]}`],
  ['registration (server action)', null],
] as const) {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 15; i++) {
    const startedAt = performance.now();
    if (pathname) {
      const res = await fetch(`${origin}${pathname}`, { headers: { cookie: probe.cookie } });
      const body = await res.arrayBuffer();
      bytes = body.byteLength;
      // BENCH_SAVE_PAGES=dir: keep what each page sent, to see what makes it heavy.
      if (process.env.BENCH_SAVE_PAGES && i === 0) {
        fs.mkdirSync(process.env.BENCH_SAVE_PAGES, { recursive: true });
        fs.writeFileSync(path.join(process.env.BENCH_SAVE_PAGES, `${what.replace(/[^a-z0-9]+/gi, '_')}.html`), Buffer.from(body));
      }
    } else {
      const { body, type } = actionBody('input', registration(`Koormustest ${randomUUID()}`));
      const res = await fetch(`${origin}/dokumendid/uus`, {
        method: 'POST',
        headers: { cookie: probe.cookie, accept: 'text/x-component', 'next-action': registerId, origin, 'content-type': type },
        body,
      });
      bytes = (await res.arrayBuffer()).byteLength;
    }
    times.push(performance.now() - startedAt);
  }
  times.sort((a, b) => a - b);
  singles.push({ what, ms: times[7]!, kb: bytes / 1024 });
}
log(`single-user medians: ${singles.map((x) => `${x.what} ${x.ms.toFixed(0)} ms ${x.kb.toFixed(0)} KiB`).join(', ')}`);

// CPU per request of each page alone (one user, 4 connections, through nginx): what a change
// to one page saves, without the mix's noise. BENCH_PAGE_SECONDS=0 skips it.
const PAGE_SECONDS = Number(process.env.BENCH_PAGE_SECONDS ?? 6);
const pageCosts: { what: string; rps: number; cpu: string }[] = [];
// BENCH_PAGES=/a,/b: only these pages (e.g. a page made for an experiment), then stop;
// [id] stands for a document the user may open.
const onlyPages = process.env.BENCH_PAGES?.split(',').map((p) => [p, p.replace('[id]', probe.docs[0]!)] as const);
const pagesStatements = onlyPages && (await resetStatements());
if (PAGE_SECONDS > 0) {
  for (const [what, pathname] of onlyPages ??
    ([
      ['/ (desk)', '/'],
      ['/dokumendid', '/dokumendid'],
      ['/dokumendid?vaade=minu', '/dokumendid?vaade=minu'],
      ['/dokumendid?klient=…', `/dokumendid?klient=${encodeURIComponent(probe.clients[0]!)}`],
      ['/dokumendid?jarjestus=tahtaeg&olek=avatud', '/dokumendid?jarjestus=tahtaeg&olek=avatud'],
      ['/kliendid', '/kliendid'],
      ['/dokumendid/[id]', `/dokumendid/${probe.docs[0]}`],
    ] as const)) {
    const appPids = [...children].filter((c) => c.spawnargs.includes('scripts/start.mjs')).map((c) => c.pid!);
    // Unmeasured first: the first page measured cold cost up to twice its warm figure.
    await autocannon({ url: `${origin}${pathname}`, connections: 4, duration: 2, headers: { cookie: probe.cookie, ...browser } });
    const before = cpuByPart(appPids);
    const result = await autocannon({ url: `${origin}${pathname}`, connections: 4, duration: PAGE_SECONDS, headers: { cookie: probe.cookie, ...browser } });
    const after = cpuByPart(appPids);
    const cpu = (Object.keys(after) as (keyof typeof after)[])
      .filter((k) => k !== 'nginx' && k !== 'loadgen')
      .map((k) => `${k} ${((after[k] - before[k]) / Math.max(1, result.requests.total)).toFixed(1)}`)
      .join(', ');
    pageCosts.push({ what, rps: result.requests.average, cpu });
  }
  log(`CPU ms per page alone: ${pageCosts.map((x) => `${x.what} ${x.cpu} (${x.rps.toFixed(0)} req/s)`).join('; ')}`);
}
if (onlyPages) {
  if (pagesStatements) log(`database time by statement: ${await topStatements(10)}`);
  tearingDown = true;
  for (const child of [...children]) await stopChild(child, 'SIGTERM');
  await edge.stop();
  process.exit(0);
}
log('clean run');
// Where PostgreSQL's time goes in the clean run, by statement (pg_stat_statements, loaded by
// scripts/bench-load.sh; absent when the server was started without it).
const statements = await resetStatements();
// What the database's busy backends are doing, sampled through the clean run: where requests wait.
const waits = new Map<string, number>();
let samples = 0;
const clean = await load('portal, clean', origin, portalRequests(), SECONDS, async () => {
  const until = Date.now() + (SECONDS - 2) * 1000;
  while (Date.now() < until) {
    const rows = await sql`
      select coalesce(wait_event_type || ':' || wait_event, 'running') as w,
             case when query ilike '%register_counters%' then 'counter' when query ilike '%audit%' then 'audit' else 'other' end as q
      from pg_stat_activity where datname = 'toolaud_load' and state = 'active' and pid <> pg_backend_pid()`;
    for (const r of rows) waits.set(`${r.w} (${r.q})`, (waits.get(`${r.w} (${r.q})`) ?? 0) + 1);
    samples++;
    await sleep(400);
  }
});
const waitTotal = [...waits.values()].reduce((a, b) => a + b, 0);
const waitSummary =
  [...waits.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([w, n]) => `${w} ${((100 * n) / Math.max(1, waitTotal)).toFixed(0)} %`)
    .join('; ') + ` (${samples} samples, ${(waitTotal / Math.max(1, samples)).toFixed(1)} active backends on average)`;
const topStatementsText = statements ? await topStatements(6) : 'not measured (pg_stat_statements not loaded)';

// Latency at a given offered load. The runs above are closed loops (each connection sends its
// next request the moment the last one answers), which measures capacity; users pause
// between pages, so requests arrive on their own schedule. Here they arrive at random
// (Poisson) at fixed fractions of the clean run's throughput, each timed from its arrival, so
// a slow answer cannot hold back the requests behind it. Same mix and users as the runs above.
const OPEN_SECONDS = Number(process.env.BENCH_OPEN_SECONDS ?? 15);
const openRuns: { rate: number; share: number; done: number; p50: number; p95: number; p99: number; errors: number }[] = [];
function portalArrival() {
  const mix = portalRequests()[0]!;
  let n = 0;
  return (): Arrival => {
    const context: Record<string, unknown> = { user: users[n++ % users.length] };
    const req = mix.setupRequest({}, context) as { method: string; path: string; headers: Record<string, string>; body?: string };
    return {
      url: `${origin}${req.path}`,
      init: { method: req.method, headers: req.headers, body: req.body },
      onAnswer: (status, body) => mix.onResponse(status, body, context),
    };
  };
}
if (OPEN_SECONDS > 0) {
  for (const share of [0.25, 0.5, 0.75]) {
    const rate = Math.max(1, Math.round(clean.result.requests.average * share));
    const r = await openLoop(rate, OPEN_SECONDS, portalArrival());
    openRuns.push({ rate, share, ...r });
    log(
      `offered ${rate} req/s (${share * 100} % of the clean run): p50 ${r.p50.toFixed(0)} ms, p95 ${r.p95.toFixed(0)} ms, p99 ${r.p99.toFixed(0)} ms, ${r.errors} errors`,
    );
  }
}
const openTable = openRuns.length
  ? `| offered req/s | share of the clean run's throughput | p50 ms | p95 ms | p99 ms | errors |\n| ---: | ---: | ---: | ---: | ---: | ---: |\n${openRuns
      .map((r) => `| ${r.rate} | ${r.share * 100} % | ${r.p50.toFixed(0)} | ${r.p95.toFixed(0)} | ${r.p99.toFixed(0)} | ${r.errors} |`)
      .join('\n')}`
  : '';

// BENCH_PROFILE, or BENCH_CLEAN_ONLY=1 (to compare two builds quickly): stop after the clean run.
if (profile || process.env.BENCH_CLEAN_ONLY) {
  const l = clean.latencies;
  log(
    `clean run: ${clean.result.requests.average.toFixed(0)} req/s, p50 ${pct(l, 50)} ms, p95 ${pct(l, 95)} ms, p99 ${pct(l, 99)} ms, ` +
      `${clean.result.non2xx} non-2xx, ${clean.result.errors} socket errors, ${clean.result.timeouts} timeouts, ${clean.appErrors} refused registrations`,
  );
  log(`by kind: ${clean.kinds}`);
  log(`CPU ms per request: ${clean.cpu}`);
  log(`database backends: ${waitSummary}`);
  log(`database time by statement: ${topStatementsText}`);
  tearingDown = true;
  for (const child of [...children]) await stopChild(child, 'SIGTERM');
  await edge.stop();
  if (profile) log(`profile written to ${process.env.BENCH_PROFILE}`);
  process.exit(0);
}
log('ceiling: the bare Next.js page');
const bare = await startBareCeiling(startInstance, { app: [ports.bare[0]!, ports.bare[1]!], https: ports.bareHttps, http: ports.bareHttp });
await load('warm-up', bare.url, undefined, 5);
const ceiling = await load('bare Next.js page', bare.url, undefined, SECONDS);
await bare.stop();

// ---- faults -----------------------------------------------------------------------
const faults: string[] = [];
const note = (at: number, what: string) => {
  faults.push(`${String(Math.round(at)).padStart(3)} s  ${what}`);
  log(`fault: ${what}`);
};
const pgDir = process.env.PG_CLUSTER_DIR!;
const pgBin = process.env.PG_CLUSTER_BIN!;
const pgPort = new URL(adminUrl).port;
const asPostgres = (args: string[]) =>
  (process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', ...args]] : [args[0]!, args.slice(1)]) as [string, string[]];
const pgCtl = (args: string[]) => {
  const [cmd, rest] = asPostgres([path.join(pgBin, 'pg_ctl'), '-D', path.join(pgDir, 'data'), ...args]);
  execFileSync(cmd, rest, { stdio: 'ignore' });
};
const pgOptions = `-p ${pgPort} -k ${pgDir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300 ${process.env.PG_CLUSTER_OPTIONS ?? ''}`;
const instanceBPid = instances[1]!.pid;

const incidents: Ledger = { sent: new Set(), ok: new Map(), failed: 0 };
let reporting = true;
async function reportLoop() {
  let i = 0;
  while (reporting) {
    const user = users[i++ % users.length]!;
    const place = `Koormustest ${randomUUID()}`;
    incidents.sent.add(place);
    const { body, type } = actionBody('data', {
      category: 'printer',
      officeCode: 'tallinn',
      place,
      assetTag: '',
      serviceBlocked: 'no',
      peopleAffected: '1',
      description: 'Printer ei prindi koormustesti ajal.',
    });
    try {
      const res = await fetch(`${origin}/intsidendid/uus`, {
        method: 'POST',
        headers: { cookie: user.cookie, accept: 'text/x-component', 'next-action': reportId, origin, 'content-type': type },
        body,
        signal: AbortSignal.timeout(30_000),
      });
      const text = await res.text();
      const number = res.ok ? /"ok":true,"data":\{[^}]*"number":"([^"]+)"/.exec(text)?.[1] : null;
      if (number) incidents.ok.set(place, number);
      else {
        incidents.failed++;
        if (incidents.failed <= 3) log(`incident report refused: HTTP ${res.status} ${text.slice(0, 200).replace(/\s+/g, ' ')}`);
      }
    } catch {
      incidents.failed++;
    }
    await sleep(1000);
  }
}

log('fault run');
const faultStart = performance.now();
const at = (s: number) => sleep(Math.max(0, s * 1000 - (performance.now() - faultStart)));
const since = () => (performance.now() - faultStart) / 1000;
const reporter = reportLoop();
const faulty = await load('portal, with faults', origin, portalRequests(), SECONDS, async () => {
  await at(SECONDS * 0.13);
  await stopChild(instances[0]!, 'SIGKILL');
  note(since(), 'instance app-a killed (SIGKILL)');
  await at(SECONDS * 0.27);
  instances = [startInstance(ports.app[0]!, 'app-a'), instances[1]!];
  await waitReady(ports.app[0]!);
  note(since(), 'instance app-a started again and ready');
  await at(SECONDS * 0.43);
  pgCtl(['-m', 'fast', '-w', 'stop']);
  note(since(), 'PostgreSQL stopped (fast shutdown: connections cut)');
  await sleep(4000);
  pgCtl(['-l', path.join(pgDir, 'server.log'), '-w', '-o', pgOptions, 'start']);
  note(since(), 'PostgreSQL started again');
  await at(SECONDS * 0.55);
  await stopChild(worker, 'SIGTERM');
  note(since(), 'outbox worker stopped (SIGTERM; it finishes the batch in hand first)');
  // Down for a while in any case, so that mail piles up and must drain afterwards.
  await Promise.all([at(SECONDS * 0.8), sleep(10_000)]);
  worker = startWorker();
  note(since(), 'outbox worker started again');
});
reporting = false;
await reporter;

// ---- after-checks -------------------------------------------------------------------
log('after-checks: waiting for the outbox to drain');
const check = postgres(dbUrl, { max: 2, onnotice: () => {} });
let pending = -1;
for (let i = 0; i < 240; i++) {
  pending = (await check`select count(*)::int as n from outbox_messages where status = 'pending'`)[0]!.n as number;
  if (pending === 0) break;
  await sleep(500);
}
await sleep(1000); // the last SMTP conversations finish
const exactlyOnce = async (column: 'title' | 'place', table: 'documents' | 'incidents', ledger: Ledger) => {
  const titles = [...ledger.sent];
  const rows = titles.length
    ? await check`select ${check(column)} as k, count(*)::int as n from ${check(table)} where ${check(column)} in ${check(titles)} group by 1`
    : [];
  const count = new Map(rows.map((r) => [r.k as string, r.n as number]));
  const okMissing = [...ledger.ok.keys()].filter((t) => count.get(t) !== 1).length;
  const duplicated = [...count.values()].filter((n) => n > 1).length;
  const numbers = new Set(ledger.ok.values());
  return {
    answeredOk: ledger.ok.size,
    sent: ledger.sent.size,
    okMissing,
    duplicated,
    duplicateNumbers: ledger.ok.size - numbers.size,
    unansweredSaved: [...count.keys()].filter((t) => !ledger.ok.has(t)).length,
  };
};
const regCheck = await exactlyOnce('title', 'documents', registrations);
const incCheck = await exactlyOnce('place', 'incidents', incidents);
const [numberDupes] = await check`select count(*)::int as n from (select 1 from documents group by series_code, year, sequence, suffix having count(*) > 1) d`;
const outbox = await check`select id, status from outbox_messages`;
const byStatus = outbox.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.status as string]: (acc[r.status as string] ?? 0) + 1 }), {});
const received = new Map<string, number>();
for (const m of catcher.messages) if (m.messageId) received.set(m.messageId, (received.get(m.messageId) ?? 0) + 1);
const lost = outbox.filter((r) => ![...received.keys()].some((k) => k.startsWith(`<${r.id as string}@`))).length;
const twice = [...received.values()].filter((n) => n > 1).length;
const readyAfter = await Promise.all(
  ports.app.map((p) =>
    fetch(`http://127.0.0.1:${p}/api/health/ready`).then(
      async (r) => (r.ok ? r.status : `${r.status} ${await r.text()}`),
      () => 0,
    ),
  ),
);
const bSurvived = instances[1]!.pid === instanceBPid && instances[1]!.exitCode === null && instances[1]!.signalCode === null;
log(`app-b: pid ${instances[1]!.pid} (was ${instanceBPid}), exit ${instances[1]!.exitCode}, signal ${instances[1]!.signalCode}`);
await check.end();

// ---- report --------------------------------------------------------------------------
const row = (r: Run) => {
  const s = r.result;
  const errors = s.errors + s.timeouts + s.non2xx + r.appErrors;
  return `| ${r.name} | ${s.requests.average.toFixed(0)} | ${pct(r.latencies, 50).toFixed(0)} | ${pct(r.latencies, 95).toFixed(0)} | ${pct(r.latencies, 99).toFixed(0)} | ${s.requests.total} | ${errors} (${s.non2xx} non-2xx, ${s.errors} socket, ${s.timeouts} timeouts, ${r.appErrors} refused registrations) |`;
};
const pgVersion = /\d+\.\d+/.exec(execFileSync(path.join(pgBin, 'postgres'), ['--version']).toString())?.[0] ?? '?';
// nginx -v answers on stderr.
const ngx = /nginx\/[\d.]+/.exec(spawnSync('/usr/sbin/nginx', ['-v'], { encoding: 'utf8' }).stderr ?? '')?.[0] ?? 'nginx';
const errorTimeline =
  [...faulty.errorsBySecond.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([s, n]) => `${s}s:${n}`)
    .join(' ') || 'none';
const p95 = pct(clean.latencies, 95);
const ratio = clean.result.requests.average / ceiling.result.requests.average;
const section = `<!-- bench:load start -->
## Load and faults through nginx (\`npm run bench:load\`)

${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, PostgreSQL ${pgVersion}, ${ngx}. Everything on this one machine over loopback: nginx (TLS, HTTP/1.1 from the load generator) → two \`npm start\` instances (pool ${process.env.BENCH_POOL_MAX ?? 10} each) → one PostgreSQL (${transport === 'tcp' ? 'over loopback TCP' : 'over its Unix socket'}); one outbox worker; autocannon with ${USERS} connections, each a signed-in specialist (their own session cookie), ${SECONDS} s per run after a warm-up. The register holds ${DOCS.toLocaleString('en')} generated documents. The load generator shares the 2 cores with everything it measures; the machine's 1-minute load average was ${loadAtStart.toFixed(1)} at the start and ${os.loadavg()[0]!.toFixed(1)} at the end (${os.cpus().length} cores; other sessions' builds and tests share this machine, so absolute figures vary from run to run).

Mix per request: 70 % list and search pages (\`/dokumendid\` with views, status and client search, \`/kliendid\`, \`/\`), 20 % opening a document card the user may see, 10 % registering a letter through the real server action (multipart, as the browser sends it). The ceiling is a bare Next.js page (\`bench/bare\`, rendered per request) behind the same nginx and launcher.

| run | req/s | p50 ms | p95 ms | p99 ms | requests | errors |
| --- | ---: | ---: | ---: | ---: | ---: | --- |
${row(clean)}
${row(ceiling)}
${row(faulty)}

By kind of request in the clean run: ${clean.kinds}. CPU time per request in the clean run (ms; all processes of each part, from /proc): ${clean.cpu}; the bare page: ${ceiling.cpu}. Active database backends in the clean run, by wait event and statement: ${waitSummary}. Statements by database time in the clean run (pg_stat_statements; execution and planning): ${topStatementsText}.

One user alone, one request at a time (median of 15, through nginx): ${singles.map((x) => `${x.what} ${x.ms.toFixed(0)} ms (${x.kb.toFixed(0)} KiB)`).join('; ')}.
${pageCosts.length ? `\nEach page alone (4 connections, 2 s unmeasured, then ${PAGE_SECONDS} s), CPU ms per request: ${pageCosts.map((x) => `${x.what} ${x.cpu} (${x.rps.toFixed(0)} req/s)`).join('; ')}.\n` : ''}
${openTable ? `Latency at a given offered load (requests arriving at random, Poisson, at fixed shares of the clean run's throughput, ${OPEN_SECONDS} s each, timed from arrival):\n\n${openTable}\n\n` : ''}Portal throughput is **${(ratio * 100).toFixed(0)} %** of the bare page's (target ≥ 30 %); clean-run p95 **${p95.toFixed(0)} ms** (target < 300 ms); clean-run errors **${clean.result.errors + clean.result.timeouts + clean.result.non2xx + clean.appErrors}** (target 0).

Faults during the third run (plus one incident report a second, each mailing IT support and a manager through the outbox):

\`\`\`
${faults.join('\n')}
\`\`\`

Failed requests by second of the fault run: ${errorTimeline}.

After-checks:
- registrations: ${regCheck.sent} sent, ${regCheck.answeredOk} answered success; of those **${regCheck.okMissing}** missing or not exactly once; **${regCheck.duplicated}** stored twice; **${regCheck.duplicateNumbers}** duplicate numbers among them; ${regCheck.unansweredSaved} saved without an answer recorded (in flight when a run ended, or its connection cut by a fault after the commit; each saved once). Register numbers shared by two documents in the whole register: **${numberDupes!.n}**.
- incident reports: ${incCheck.sent} sent, ${incCheck.answeredOk} answered success, **${incCheck.okMissing}** missing, **${incCheck.duplicated}** stored twice.
- outbox: ${outbox.length} messages, by status ${JSON.stringify(byStatus)}, ${pending} still pending after the drain wait; **${lost}** never delivered, **${twice}** delivered twice (by Message-ID at the SMTP catcher).
- instances: readiness after the run ${readyAfter.join(', ')}; app-b served through every fault without a restart of its own: ${bSurvived ? 'yes' : 'NO'}.
<!-- bench:load end -->`;
console.log(`\n${section}\n`);
const file = 'BENCHMARKS.md';
const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmarks\n';
const replaced = /<!-- bench:load start -->[\s\S]*<!-- bench:load end -->/.test(current)
  ? current.replace(/<!-- bench:load start -->[\s\S]*<!-- bench:load end -->/, section)
  : `${current.trimEnd()}\n\n${section}\n`;
fs.writeFileSync(file, replaced);
log(`written into ${file}`);

// ---- teardown -----------------------------------------------------------------------
tearingDown = true;
for (const child of [...children]) await stopChild(child, 'SIGTERM');
await edge.stop();
await catcher.close();
await sql.end();
await handle.close();
process.exit(0);
