// npm run bench:public — the public document register at internet scale: 1,000,000
// documents, nginx (TLS, its public cache) over two `npm start` instances, one PostgreSQL,
// everything on this machine over loopback. Runs, each for BENCH_SECONDS with 50
// connections (autocannon, closed loop):
//   1. entry pages (/avalik/<number>) with nginx's cache warm;
//   2. list pages (/avalik, by type, department, series; both languages) with the cache warm;
//   3. searches that miss the cache (words, numbers, date ranges, filters: each request a
//      query nginx has never seen), through the per-address search limit;
//   4. the three mixed, while signed-in staff use the portal at a fixed rate, to see whether
//      the public load moves the staff's p95 (the same staff load alone is measured first);
//   5. the bare Next.js page (bench/bare) behind the same nginx: the ceiling of a rendered page.
// Reports throughput, p50/p95/p99, errors, cache hits and the CPU per request of the
// instances, nginx and PostgreSQL, and writes the section into BENCHMARKS.md. Needs
// BENCH_DATABASE_URL (scripts/bench-public.sh starts a throw-away cluster). A database that
// already holds the documents is used as it is (BENCH_DATABASE_URL of a kept cluster).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import autocannon, { type Result } from 'autocannon';
import postgres from 'postgres';
import { openDb, setDbHandle } from '../db/client';
import { seedDemo } from '../db/seed/seed';
import { makePersonalCode } from '../lib/personal-code';
import { createSession, newSessionToken } from '../server/auth/sessions';
import { benchPortalEnv, cpuByPart, cpuPerRequest, insertClients, openLoop, pct, startBareCeiling, stopChild, waitReady } from './bench-support';
import { nginxBinary, startEdge } from './nginx';

const adminUrl = process.env.BENCH_DATABASE_URL;
if (!adminUrl) throw new Error('BENCH_DATABASE_URL is required (use npm run bench:public)');
const DOCS = Number(process.env.BENCH_DOCUMENTS ?? 1_000_000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const STAFF_RATE = Number(process.env.BENCH_STAFF_RATE ?? 10); // staff page requests a second
const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 2000); // distinct entry pages kept warm
const base = Number(process.env.BENCH_PORT_BASE ?? 4360);
const ports = { https: base, http: base + 1, app: [base + 2, base + 3], bare: [base + 4, base + 5], bareHttps: base + 6, bareHttp: base + 7 };
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'; // loopback, a certificate made here

const t0 = performance.now();
const loadAtStart = os.loadavg()[0]!;
const log = (s: string) => console.log(`[${((performance.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${s}`);
const ms = (n: number) => n.toFixed(1);
const pick = <T>(list: readonly T[]) => list[Math.floor(Math.random() * list.length)]!;

// ---- the register: DOCS documents ---------------------------------------------------
const dbUrl = (() => {
  const u = new URL(adminUrl);
  u.pathname = '/toolaud_public';
  return u.toString();
})();
{
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  const [exists] = await admin`select 1 from pg_database where datname = 'toolaud_public'`;
  if (!exists) await admin.unsafe('create database toolaud_public');
  await admin.end();
}
const handle = await openDb({ url: dbUrl, migrate: true, poolMax: 4 });
setDbHandle(handle);
const sql = postgres(dbUrl, { max: 4, onnotice: () => {} });
// Words of titles, so that searches find something and the trigram index has real work.
const KINDS = ['Taotlus', 'Avaldus', 'Päring', 'Kiri', 'Selgitustaotlus', 'Vaie', 'Teabenõue'];
const TOPICS = ['peretoetuse', 'vanaduspensioni', 'puuduva toetuse', 'elatisabi', 'matusetoetuse', 'töövõimetoetuse', 'lapsehoolduspuhkuse', 'hooldajatoetuse'];
const INSTITUTIONS = [
  'Tallinna Linnavalitsus',
  'Tartu Ülikool',
  'Maksu- ja Tolliamet',
  'Eesti Töötukassa',
  'Deutsche Rentenversicherung',
  'Kela',
  'Pensionsmyndigheten',
];
const existing = (await sql<{ n: number }[]>`select count(*)::int as n from documents`)[0]!.n;
if (existing < DOCS) {
  if (existing === 0) await seedDemo(handle.db);
  log(`generating ${CLIENTS.toLocaleString('et')} clients and ${DOCS.toLocaleString('et')} documents`);
  await insertClients(sql, CLIENTS, 'Avalikusaar');
  await sql.unsafe(`
    create temp table cids as select id, row_number() over (order by personal_code) as rn from clients;
    create temp table types as select code, series_code, direction, deadline_kind, row_number() over (order by code) - 1 as rn, count(*) over () as n from document_types;
    create temp table units_n as select code, row_number() over (order by code) - 1 as rn, count(*) over () as n from units;
    create temp table sids as select id, unit_code, row_number() over (partition by unit_code order by id) as rn, count(*) over (partition by unit_code) as n from staff;`);
  const arr = (list: string[]) => `array[${list.map((s) => `'${s.replace(/'/g, "''")}'`).join(',')}]`;
  const chunk = 100_000;
  for (let start = existing + 1; start <= DOCS; start += chunk) {
    const end = Math.min(DOCS, start + chunk - 1);
    // A quarter from institutions (named in public), the rest from private persons; a third
    // restricted for 75 years, one in thirty restricted with a term that has ended.
    await sql.unsafe(`
      insert into documents (id, series_code, year, sequence, suffix, number, matter_id, type_code, direction, channel, received_at, registered_at,
        client_id, institution_name, sender_reference, title, is_restricted, restriction_ground_code, restriction_from, restriction_until,
        unit_code, assignee_id, status, deadline_kind, due_date, forwarded_to, forwarded_at, created_by)
      select d.id, t.series_code, extract(year from d.reg)::int, g, 0, t.series_code || '/' || g, d.id, t.code, t.direction,
        (array['in_person','post','email','e_service','dhx'])[1 + g % 5]::document_channel, d.reg, d.reg,
        case when g % 4 <> 0 then c.id end, case when g % 4 = 0 then (${arr(INSTITUTIONS)})[1 + g % ${INSTITUTIONS.length}] end,
        case when g % 4 = 0 then 'VR-' || (g % 9973) end,
        (${arr(KINDS)})[1 + r.kind] || ' ' || (${arr(TOPICS)})[1 + r.topic] || ' asjus nr ' || g,
        d.restricted, case when d.restricted then 'avts-35-1-12' end, case when d.restricted then d.reg::date end,
        case when d.restricted then (case when g % 30 = 1 then d.reg + interval '60 days' else d.reg + interval '75 years' end)::date end,
        u.code, s.id,
        (case when d.reg > now() - interval '60 days' then (array['registered','in_progress','in_progress','answered','closed','closed'])[1 + g % 6]
              else (array['closed','closed','closed','closed','answered','in_progress'])[1 + g % 6] end)::document_status,
        t.deadline_kind, case when t.deadline_kind <> 'none' then (d.reg + interval '30 days')::date end,
        case when g % 50 = 7 then 'Eesti Töötukassa' end, case when g % 50 = 7 then d.reg + interval '2 days' end,
        (select id from staff limit 1)
      from generate_series(${start}, ${end}) g
      cross join lateral (select gen_random_uuid() as id, now() - (g % 1500) * interval '1 day' - (g % 86400) * interval '1 second' as reg,
        (g % 3 = 0 or g % 30 = 1) as restricted) d
      -- Drawn independently of each other (not from g by modulo, which ties a title's words
      -- to a department and makes some combinations impossible).
      cross join lateral (select floor(random() * ${KINDS.length})::int as kind, floor(random() * ${TOPICS.length})::int as topic,
        random() as type, random() as unit, g as g2) r
      join types t on t.rn = floor(r.type * t.n)
      join cids c on c.rn = 1 + (g::bigint * 7919) % ${CLIENTS}
      join units_n u on u.rn = floor(r.unit * u.n)
      left join sids s on s.unit_code = u.code and s.rn = 1 + g % s.n`);
    log(`  ${end.toLocaleString('et')} documents`);
  }
  await sql.unsafe(`insert into register_counters (series_code, year, last_number)
    select series_code, year, max(sequence) from documents group by 1, 2
    on conflict (series_code, year) do update set last_number = excluded.last_number`);
  await sql`vacuum analyze documents`;
  await sql`analyze`;
}
const docCount = (await sql<{ n: number }[]>`select count(*)::int as n from documents`)[0]!.n;
log(`register: ${docCount.toLocaleString('et')} documents`);
if (process.env.BENCH_GENERATE_ONLY) process.exit(0); // the data for later runs (BENCH_DATABASE_URL of a kept cluster)

// ---- staff who use the portal meanwhile --------------------------------------------
const staffUsers: { cookie: string; docs: string[] }[] = [];
for (let i = 0; i < 10; i++) {
  const code = makePersonalCode(`1986-0${1 + (i % 9)}-1${i % 9}`, i % 2 ? 'male' : 'female', 200 + i);
  const [row] = await sql`
    insert into staff (personal_code, given_name, family_name, email, unit_code, office_code, region_code, roles)
    values (${code}, 'Avalik', ${`Koormus${i}`}, ${`avalik${i}@sotsiaalkindlustusamet.ee`}, 'klienditeenindus', 'tallinn', 'pohja', '{specialist}')
    on conflict (personal_code) do update set is_active = true returning id`;
  const token = newSessionToken();
  await createSession(row!.id as string, token, 6 * 3600);
  const docs = await sql`select id from documents where not is_restricted order by registered_at desc limit 200`;
  staffUsers.push({ cookie: `__Secure-toolaud.session=${token}`, docs: docs.map((d) => d.id as string) });
}

// ---- processes -----------------------------------------------------------------------
const origin = `https://localhost:${ports.https}`;
const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of children) child.kill('SIGTERM');
});
const appDbUrl = `${dbUrl}?host=${encodeURIComponent(process.env.PG_CLUSTER_DIR ?? '127.0.0.1')}`;
const baseEnv = {
  ...benchPortalEnv(process.env.PG_CLUSTER_DIR ? appDbUrl : dbUrl, origin, ports.https),
  // The load comes from one address: the search limit still runs on every search (its cost
  // is part of the figures) with a ceiling the benchmark does not reach.
  RATE_LIMIT_SEARCH_IP: '100000000/60',
};
function startInstance(port: number, id: string, extra: Record<string, string> = {}): ChildProcess {
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...baseEnv, PORT: String(port), INSTANCE_ID: id, DB_POOL_MAX: '10', ...extra },
  });
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}
const instances = [startInstance(ports.app[0]!, 'public-a'), startInstance(ports.app[1]!, 'public-b')];
const edge = await startEdge({
  httpsPort: ports.https,
  httpPort: ports.http,
  upstreams: [`127.0.0.1:${ports.app[0]}`, `127.0.0.1:${ports.app[1]}`],
  publicCacheDelay: '10m',
});
await Promise.all(ports.app.map((p) => waitReady(p)));
log(`up: nginx :${ports.https} → instances :${ports.app.join(', :')}`);
const appPids = () => instances.map((c) => c.pid!);

// ---- what is asked -------------------------------------------------------------------
const browser = { accept: 'text/html', 'accept-encoding': 'gzip, deflate, br' };
const english = { ...browser, 'accept-language': 'en-GB,en;q=0.9' };
const entrySample = await sql<{ number: string; year: number }[]>`
  select number, year from documents order by random() limit ${ENTRIES}`;
const entryPaths = entrySample.map((d) => `/avalik/${d.number.split('/').map(encodeURIComponent).join('/')}?aasta=${d.year}`);
const reference = await sql<{ code: string; kind: string }[]>`
  select code, 'liik' as kind from document_types union all select code, 'osakond' from units union all select code, 'sari' from register_series`;
const listPaths = ['/avalik', ...reference.map((r) => `/avalik?${r.kind}=${encodeURIComponent(r.code)}`)];
const types = reference.filter((r) => r.kind === 'liik').map((r) => r.code);
const unitCodes = reference.filter((r) => r.kind === 'osakond').map((r) => r.code);
const numbers = await sql<{ number: string }[]>`select number from documents order by random() limit 2000`;
let unique = 0;
/** A search nobody has made before (so nginx cannot have it): what a visitor types, varied. */
function searchPath(): string {
  const q = new URLSearchParams();
  const roll = Math.random();
  const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86400_000).toISOString().slice(0, 10);
  if (roll < 0.4) q.set('tekst', Math.random() < 0.5 ? pick(TOPICS).split(' ')[0]! : `${pick(KINDS)} ${pick(TOPICS).split(' ')[0]}`);
  else if (roll < 0.6) q.set('nr', pick(numbers).number);
  else if (roll < 0.8) {
    const from = Math.floor(Math.random() * 1400);
    q.set('alates', day(from + 30));
    q.set('kuni', day(from));
    q.set('liik', pick(types));
  } else {
    q.set('osakond', pick(unitCodes));
    q.set('suund', Math.random() < 0.7 ? 'sissetulev' : 'valjaminev');
    q.set('tekst', pick(KINDS));
  }
  q.set('v', `${process.pid}-${++unique}`); // never seen before: the cache cannot answer it
  return `/avalik?${q.toString()}`;
}

/** Fetches each path once (8 at a time), so nginx holds it. */
async function warm(paths: string[], headers: Record<string, string>) {
  let i = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (i < paths.length) await fetch(`${origin}${paths[i++]!}`, { headers }).then((r) => r.arrayBuffer());
    }),
  );
}

type Kind = 'entry' | 'list' | 'search';
type Run = { name: string; result: Result; latencies: number[]; byKind: string; hits: string; cpu: string; errors: number };
async function publicRun(name: string, mix: Record<Kind, number>, seconds: number, url = origin): Promise<Run> {
  const byKind = new Map<Kind, number[]>();
  const cache = new Map<string, number>();
  const latencies: number[] = [];
  const requests =
    url === origin
      ? [
          {
            setupRequest(req: Record<string, unknown>, context: Record<string, unknown>) {
              const roll = Math.random();
              const kind: Kind = roll < mix.entry ? 'entry' : roll < mix.entry + mix.list ? 'list' : 'search';
              context.kind = kind;
              context.startedAt = performance.now();
              const pathname = kind === 'entry' ? pick(entryPaths) : kind === 'list' ? pick(listPaths) : searchPath();
              return { ...req, method: 'GET', path: pathname, headers: Math.random() < 0.2 ? english : browser };
            },
            onResponse(_status: number, _body: string, context: Record<string, unknown>, headers: Record<string, string>) {
              const kind = context.kind as Kind;
              if (!byKind.has(kind)) byKind.set(kind, []);
              byKind.get(kind)!.push(performance.now() - (context.startedAt as number));
              const status = Object.entries(headers).find(([k]) => k.toLowerCase() === 'x-cache-status')?.[1] ?? 'none';
              cache.set(`${kind} ${status}`, (cache.get(`${kind} ${status}`) ?? 0) + 1);
            },
          },
        ]
      : undefined;
  const instance = autocannon({ url, connections: CONNECTIONS, duration: seconds, timeout: 30, requests, headers: requests ? undefined : browser });
  instance.on('response', (_client: unknown, _status: number, _bytes?: number, responseTime?: number) => latencies.push(responseTime ?? 0));
  const before = cpuByPart(appPids());
  const result = await instance;
  const after = cpuByPart(appPids());
  latencies.sort((a, b) => a - b);
  const kinds = [...byKind.entries()]
    .map(([kind, l]) => {
      l.sort((a, b) => a - b);
      return `${kind} ${l.length} × p50 ${pct(l, 50).toFixed(1)} / p95 ${pct(l, 95).toFixed(1)} ms`;
    })
    .join('; ');
  const hits = [...cache.entries()]
    .sort()
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  return {
    name,
    result,
    latencies,
    byKind: kinds,
    hits,
    cpu: cpuPerRequest(before, after, result.requests.total),
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

/** Staff pages at a fixed rate (Poisson arrivals), each timed from its arrival: the staff's own latency. */
async function staffLoad(seconds: number) {
  let n = 0;
  return openLoop(STAFF_RATE, seconds, () => {
    const user = staffUsers[n++ % staffUsers.length]!;
    const pathname = pick(['/dokumendid', '/dokumendid?vaade=minu', '/', `/dokumendid/${pick(user.docs)}`]);
    return { url: `${origin}${pathname}`, init: { headers: { cookie: user.cookie, ...browser } } };
  });
}

// ---- the runs ------------------------------------------------------------------------
log(`warming ${entryPaths.length} entry pages and ${listPaths.length} list pages in both languages`);
await warm(entryPaths, browser);
await warm(entryPaths, english);
await warm(listPaths, browser);
await warm(listPaths, english);
// One request at a time through nginx, each an address nginx has not seen (a miss): what a
// page costs to make.
const single = async (pathname: string) => {
  const times: number[] = [];
  for (let i = 0; i < 15; i++) {
    const s = performance.now();
    await fetch(`${origin}${pathname}${pathname.includes('?') ? '&' : '?'}v=single-${process.pid}-${i}`, { headers: browser }).then((r) => r.arrayBuffer());
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  return times[7]!;
};
const singles = {
  entry: await single(entryPaths[0]!),
  list: await single('/avalik'),
  words: await single(`/avalik?tekst=${encodeURIComponent(TOPICS[1]!.split(' ')[0]!)}`),
  number: await single(`/avalik?nr=${encodeURIComponent(numbers[0]!.number)}`),
};
const staffUser = staffUsers[0]!;
const staffSingles: [string, number][] = [];
for (const [what, pathname] of [
  ['desk', '/'],
  ['register', '/dokumendid'],
  ['my documents', '/dokumendid?vaade=minu'],
  ['document card', `/dokumendid/${staffUser.docs[0]}`],
] as const) {
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const s = performance.now();
    await fetch(`${origin}${pathname}`, { headers: { cookie: staffUser.cookie, ...browser } }).then((r) => r.arrayBuffer());
    times.push(performance.now() - s);
  }
  staffSingles.push([what, times.sort((a, b) => a - b)[3]!]);
}
log(`staff pages alone (median of 7): ${staffSingles.map(([k, v]) => `${k} ${ms(v)} ms`).join(', ')}`);
log(
  `one request alone, cache missed (median of 15): ${Object.entries(singles)
    .map(([k, v]) => `${k} ${v.toFixed(1)} ms`)
    .join(', ')}`,
);

await publicRun('warm-up', { entry: 0.5, list: 0.3, search: 0.2 }, 5);
const runs: Run[] = [];
for (const [name, mix] of [
  ['entry pages, cache warm', { entry: 1, list: 0, search: 0 }],
  ['list pages, cache warm', { entry: 0, list: 1, search: 0 }],
  ['searches, cache missed', { entry: 0, list: 0, search: 1 }],
] as const) {
  log(name);
  const run = await publicRun(name, mix, SECONDS);
  runs.push(run);
  log(
    `  ${run.result.requests.average.toFixed(0)} req/s, p95 ${ms(pct(run.latencies, 95))} ms, ${run.errors} errors; CPU ms/request ${run.cpu}; cache ${run.hits}`,
  );
}
// Fifty visitors searching, each once every two seconds on average (open loop).
const SEARCH_RATE = Number(process.env.BENCH_SEARCH_RATE ?? 25);
log(`searches arriving at ${SEARCH_RATE} a second`);
const searchOpen = await openLoop(SEARCH_RATE, SECONDS, () => ({ url: `${origin}${searchPath()}`, init: { headers: browser } }));
log(`  p50 ${ms(searchOpen.p50)} ms, p95 ${ms(searchOpen.p95)} ms, p99 ${ms(searchOpen.p99)} ms, ${searchOpen.errors} errors`);
log('staff alone');
const staffAlone = await staffLoad(SECONDS);
log(`  ${staffAlone.done.toFixed(1)} req/s, p50 ${staffAlone.p50.toFixed(0)} ms, p95 ${staffAlone.p95.toFixed(0)} ms, ${staffAlone.errors} errors`);
log('mixed public load (45 % entries, 35 % lists, 20 % searches) and the staff at the same time');
const [mixed, staffDuring] = await Promise.all([
  publicRun('mixed: 45 % entries, 35 % lists, 20 % searches', { entry: 0.45, list: 0.35, search: 0.2 }, SECONDS),
  staffLoad(SECONDS),
]);
runs.push(mixed);
log(`  public ${mixed.result.requests.average.toFixed(0)} req/s, p95 ${ms(pct(mixed.latencies, 95))} ms; staff p95 ${staffDuring.p95.toFixed(0)} ms`);

log('ceiling: the bare Next.js page through the same nginx');
const bare = await startBareCeiling(startInstance, { app: [ports.bare[0]!, ports.bare[1]!], https: ports.bareHttps, http: ports.bareHttp });
await publicRun('warm-up', { entry: 0, list: 0, search: 0 }, 3, bare.url);
instances.push(...bare.processes); // CPU of the bare instances counts as "app" in this run
const ceiling = await publicRun('bare Next.js page (rendered per request, not cached)', { entry: 0, list: 0, search: 0 }, SECONDS, bare.url);
runs.push(ceiling);
await bare.stop();

// ---- the report ----------------------------------------------------------------------
const row = (r: Run) =>
  `| ${r.name} | ${r.result.requests.average.toFixed(0)} | ${ms(pct(r.latencies, 50))} | ${ms(pct(r.latencies, 95))} | ${ms(pct(r.latencies, 99))} | ${r.result.requests.total} | ${r.errors} | ${r.cpu} |`;
const [entries, lists, searches] = runs;
const cachedRps = Math.min(entries!.result.requests.average, lists!.result.requests.average);
const cachedP95 = Math.max(pct(entries!.latencies, 95), pct(lists!.latencies, 95));
const searchP95 = pct(searches!.latencies, 95);
const allErrors = runs.reduce((n, r) => n + r.errors, 0) + staffAlone.errors + staffDuring.errors + searchOpen.errors;
const cpus = os.cpus();
const pgVersion = (await sql<{ v: string }[]>`select current_setting('server_version') as v`)[0]!.v;
const nginxVersion = spawnSync(nginxBinary(), ['-v'], { encoding: 'utf8' }).stderr.replace('nginx version: ', '');
const section = `<!-- bench:public start -->
## The public register at scale (\`npm run bench:public\`)

${new Date().toISOString().slice(0, 10)}, ${cpus.length} × ${cpus[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, PostgreSQL ${pgVersion}${nginxVersion ? `, ${nginxVersion.trim()}` : ''}. ${docCount.toLocaleString('en')} documents in the register (a quarter from institutions, a third restricted, one in thirty with a restriction that has ended). Everything on this one machine over loopback: nginx (TLS, its public cache) → two \`npm start\` instances (pool 10 each) → one PostgreSQL (Unix socket); autocannon with ${CONNECTIONS} connections, closed loop, ${SECONDS} s per run after a warm-up; a fifth of the requests ask in English. The load generator shares the ${cpus.length} cores with what it measures. Load average: ${loadAtStart.toFixed(1)} at the start, ${os.loadavg()[0]!.toFixed(1)} at the end.

| run | req/s | p50 ms | p95 ms | p99 ms | requests | errors | CPU ms per request |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |
${runs.map(row).join('\n')}

By kind: entries ${entries!.byKind}; lists ${lists!.byKind}; searches ${searches!.byKind}; mixed ${mixed.byKind}.
nginx cache status by kind (X-Cache-Status): entries ${entries!.hits}; lists ${lists!.hits}; searches ${searches!.hits}; mixed ${mixed.hits}.

Searches arriving at random at ${SEARCH_RATE} a second (fifty visitors each searching every two seconds; open loop, timed from arrival, each missing the cache): p50 ${ms(searchOpen.p50)} ms, p95 **${ms(searchOpen.p95)} ms**, p99 ${ms(searchOpen.p99)} ms, ${searchOpen.errors} errors.

One request alone through nginx, cache missed (median of 15): entry page ${singles.entry.toFixed(1)} ms, newest entries ${singles.list.toFixed(1)} ms, search by words ${singles.words.toFixed(1)} ms, search by number ${singles.number.toFixed(1)} ms.

Staff pages alone, one at a time (median of 7): ${staffSingles.map(([k, v]) => `${k} ${ms(v)} ms`).join(', ')}.

The staff portal at ${STAFF_RATE} requests a second (desk, lists, document cards; arrivals at random, timed from arrival): alone p50 ${staffAlone.p50.toFixed(0)} ms, p95 **${staffAlone.p95.toFixed(0)} ms**; during the mixed public run p50 ${staffDuring.p50.toFixed(0)} ms, p95 **${staffDuring.p95.toFixed(0)} ms** (${staffAlone.errors + staffDuring.errors} errors).

Against the targets: cached pages **${cachedRps.toFixed(0)} req/s** (target ≥ 5,000) with p95 **${ms(cachedP95)} ms** (target < 20 ms); searches p95 **${ms(searchP95)} ms** with ${CONNECTIONS} clients searching back to back, **${ms(searchOpen.p95)} ms** with fifty visitors searching every two seconds (target < 100 ms); errors **${allErrors}** (target 0); staff p95 ${staffAlone.p95.toFixed(0)} → ${staffDuring.p95.toFixed(0)} ms while the public load runs.
<!-- bench:public end -->`;
console.log(`\n${section}\n`);
const file = 'BENCHMARKS.md';
const current = fs.readFileSync(file, 'utf8');
const marker = /<!-- bench:public start -->[\s\S]*<!-- bench:public end -->/;
fs.writeFileSync(file, marker.test(current) ? current.replace(marker, section) : `${current.trimEnd()}\n\n${section}\n`);
log(`written into ${file}`);

for (const child of [...children]) await stopChild(child, 'SIGTERM');
await edge.stop();
await sql.end();
await handle.close();
process.exit(0);
