// npm run bench:register — the register at scale on PostgreSQL: 1,000,000 documents over
// 100,000 clients, generated here. For each list the portal serves it measures the raw
// SQL (the very statement the domain builds, run directly), the domain function, and the
// server-rendered page over HTTP, and prints p50/p95 with the page/raw ratio. Then the
// registration throughput with 32 concurrent writers, next to the bare SQL of a
// registration. Needs BENCH_DATABASE_URL (scripts/bench-register.sh starts a cluster).
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { openDb, setDbHandle } from '../db/client';
import { seedDemo } from '../db/seed/seed';
import { createSession, newSessionToken } from '../server/auth/sessions';
import { tallinnDate } from '../server/calendar/working-days';
import { registerDocument } from '../server/register/register-document';
import { documentSearchQuery, searchDocuments, type DocumentFilter } from '../server/register/search';
import type { RegisterActor } from '../server/register/visibility';
import { insertClients } from './bench-support';

const url = process.env.BENCH_DATABASE_URL;
if (!url) throw new Error('BENCH_DATABASE_URL is required (use npm run bench:register)');
const DOCS = Number(process.env.BENCH_DOCUMENTS ?? 1_000_000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 100_000);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);
const PORT = Number(process.env.BENCH_PORT ?? 3990);

const sql = postgres(url, { max: 40, onnotice: () => {} });
const t0 = performance.now();
const log = (s: string) => console.log(`[${((performance.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${s}`);

// ---- data -----------------------------------------------------------------
const handle = await openDb({ url, migrate: true, poolMax: 34 });
setDbHandle(handle);
await seedDemo(handle.db);
const existing = (await sql<{ n: number }[]>`select count(*)::int as n from documents`)[0]!.n;
if (existing < DOCS) {
  log(`generating ${CLIENTS.toLocaleString('et')} clients`);
  await insertClients(sql, CLIENTS, 'Testsaar');
  log(`generating ${DOCS.toLocaleString('et')} documents`);
  await sql.unsafe(`
    create temp table cids as select id, row_number() over (order by personal_code) as rn from clients;
    create temp table sids as select id, unit_code, row_number() over (partition by unit_code order by id) as rn, count(*) over (partition by unit_code) as n from staff;
    create temp table types as select code, series_code, deadline_kind, row_number() over (order by code) - 1 as rn, count(*) over () as n from document_types where direction = 'incoming';
    create temp table units_n as select code, row_number() over (order by code) - 1 as rn, count(*) over () as n from units;
  `);
  const chunk = 100_000;
  for (let start = existing + 1; start <= DOCS; start += chunk) {
    const end = Math.min(DOCS, start + chunk - 1);
    await sql.unsafe(`
      insert into documents (id, series_code, year, sequence, suffix, number, matter_id, type_code, direction, channel, received_at, registered_at,
        client_id, title, is_restricted, restriction_ground_code, restriction_from, restriction_until, unit_code, assignee_id, status, deadline_kind, due_date, created_by)
      select d.id, t.series_code, extract(year from d.reg)::int, g, 0, t.series_code || '/' || g, d.id, t.code, 'incoming',
        (array['in_person','post','email','e_service','dhx'])[1 + g % 5]::document_channel, d.reg, d.reg,
        c.id, 'Taotlus nr ' || g, g % 5 <> 0, case when g % 5 <> 0 then 'avts-35-1-12' end, case when g % 5 <> 0 then d.reg::date end,
        case when g % 5 <> 0 then (d.reg + interval '75 years')::date end,
        u.code, s.id,
        (case when d.reg > now() - interval '60 days' then (array['registered','in_progress','in_progress','waiting_for_client','answered','closed'])[1 + g % 6]
              else (array['closed','closed','closed','closed','answered','in_progress'])[1 + g % 6] end)::document_status,
        t.deadline_kind, case when t.deadline_kind <> 'none' then (d.reg + interval '30 days')::date end, (select id from staff limit 1)
      from generate_series(${start}, ${end}) g
      cross join lateral (select gen_random_uuid() as id, now() - (g % 1000) * interval '1 day' - (g % 86400) * interval '1 second' as reg) d
      join types t on t.rn = g % t.n
      join cids c on c.rn = 1 + (g::bigint * 7919) % ${CLIENTS}
      join units_n u on u.rn = g % u.n
      left join sids s on s.unit_code = u.code and s.rn = 1 + g % s.n
    `);
    log(`  ${end.toLocaleString('et')} documents`);
  }
  await sql`update documents set due_date = null, paused_days_left = 5 where status = 'waiting_for_client'`;
  await sql.unsafe(`insert into register_counters (series_code, year, last_number)
    select series_code, year, max(sequence) from documents group by 1, 2
    on conflict (series_code, year) do update set last_number = excluded.last_number`);
  await sql`analyze`;
}
const { n: docCount, c: clientCount } = (
  await sql<{ n: number; c: number }[]>`select (select count(*)::int from documents) as n, (select count(*)::int from clients) as c`
)[0]!;
log(`database: ${docCount.toLocaleString('et')} documents, ${clientCount.toLocaleString('et')} clients`);

// ---- who asks --------------------------------------------------------------
const [mariRow] = await sql`select id, personal_code, roles, unit_code from staff where personal_code = '47805122004'`;
const mari: RegisterActor = { id: mariRow!.id, personalCode: mariRow!.personal_code, roles: mariRow!.roles, unitCode: mariRow!.unit_code };
const [sample] =
  await sql`select d.number, d.year, c.personal_code from documents d join clients c on c.id = d.client_id where d.unit_code = ${mari.unitCode} offset 50 limit 1`;
const cases: { name: string; filter: DocumentFilter; query: string }[] = [
  {
    name: 'lookup by registration number',
    filter: { number: sample!.number, year: sample!.year },
    query: `viit=${encodeURIComponent(sample!.number)}&aasta=${sample!.year}`,
  },
  { name: 'lookup by personal code', filter: { client: sample!.personal_code }, query: `klient=${sample!.personal_code}` },
  {
    name: "my unit's open documents, by due date",
    filter: { view: 'unit', status: 'open', sort: 'due' },
    query: 'vaade=osakond&olek=avatud&jarjestus=tahtaeg',
  },
  { name: 'overdue only', filter: { overdueOnly: true, sort: 'due' }, query: 'yletatud=1&jarjestus=tahtaeg' },
];

// ---- the portal ---------------------------------------------------------------
const token = newSessionToken();
await createSession(mari.id, token, 12 * 3600);
const portal = spawn(path.join('node_modules', '.bin', 'next'), ['start', '-p', String(PORT)], {
  stdio: ['ignore', 'ignore', 'inherit'],
  env: {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: url,
    NEXTAUTH_URL: `http://127.0.0.1:${PORT}`,
    AUTH_SECRET: 'bench-only-secret-0123456789abcdef0123456789',
    OIDC_ISSUER: 'http://127.0.0.1:1',
    OIDC_CLIENT_ID: 'bench',
    OIDC_CLIENT_SECRET: 'bench',
    OIDC_ALLOW_DEV_ISSUER: 'true',
    SESSION_IDLE_SECONDS: '86400',
    DB_POOL_MAX: '10',
  },
});
for (let i = 0; ; i++) {
  if (
    await fetch(`http://127.0.0.1:${PORT}/api/health`).then(
      (r) => r.ok,
      () => false,
    )
  )
    break;
  if (i > 200) throw new Error('portal did not start');
  await new Promise((r) => setTimeout(r, 250));
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
async function measure(fn: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 10; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const s = performance.now();
    await fn();
    times.push(performance.now() - s);
  }
  return { p50: pct(times, 50), p95: pct(times, 95) };
}

const today = tallinnDate(new Date());
const results: string[] = [];
const ms = (x: number) => x.toFixed(1).padStart(7);
results.push(`| query | raw SQL p50 / p95 ms | domain p50 / p95 ms | page p50 / p95 ms | page p95 ÷ raw p95 | rows |`);
results.push(`| --- | --- | --- | --- | --- | --- |`);
for (const c of cases) {
  const built = documentSearchQuery(handle.db, mari, c.filter, today).toSQL();
  const raw = await measure(() => sql.unsafe(built.sql, built.params as never[]));
  const domain = await measure(() => searchDocuments(mari, c.filter));
  const rows = (await searchDocuments(mari, c.filter)).rows.length;
  const page = await measure(async () => {
    const res = await fetch(`http://127.0.0.1:${PORT}/dokumendid?${c.query}`, { headers: { cookie: `toolaud.session=${token}` } });
    if (!res.ok) throw new Error(`page ${res.status}`);
    await res.text();
  });
  results.push(
    `| ${c.name} | ${ms(raw.p50)} / ${ms(raw.p95)} | ${ms(domain.p50)} / ${ms(domain.p95)} | ${ms(page.p50)} / ${ms(page.p95)} | ${(page.p95 / raw.p95).toFixed(1)}× | ${rows} |`,
  );
  log(results.at(-1)!);
}
portal.kill('SIGTERM');

// ---- registration throughput --------------------------------------------------------
const WRITES = Number(process.env.BENCH_WRITES ?? 2000);
const WRITERS = 32;
async function throughput(one: () => Promise<unknown>): Promise<number> {
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: WRITERS }, async () => {
      while (next++ < WRITES) await one();
    }),
  );
  return WRITES / ((performance.now() - start) / 1000);
}
const form = () => ({
  typeCode: 'general_letter',
  channel: 'post' as const,
  receivedAt: new Date(Date.now() - 3600_000).toISOString().slice(0, 16),
  party: 'client' as const,
  clientCode: sample!.personal_code,
  clientGivenName: 'Mari',
  clientFamilyName: 'Testsaar',
  institutionName: '',
  institutionCode: '',
  identityChecked: false,
  identityDocumentType: '' as const,
  identityDocumentNumber: '',
  identityValidUntil: '',
  title: 'Koormustesti kiri',
  senderReference: '',
  senderDate: '',
  pages: '',
  isRestricted: true,
  restrictionGroundCode: 'avts-35-1-12',
  restrictionUntil: '',
  unitCode: 'klienditeenindus',
  assigneeId: '',
  otherAuthority: false,
  matterId: '',
  submissionId: randomUUID(),
});
const domainRate = await throughput(() => registerDocument(mari, form(), [], { requestId: 'bench' }));
const rawRate = await throughput(() =>
  sql.begin(async (tx) => {
    const [counter] =
      await tx`update register_counters set last_number = last_number + 1 where series_code = '1-1' and year = ${Number(today.slice(0, 4))} returning last_number`;
    const id = randomUUID();
    await tx`insert into documents (id, series_code, year, sequence, suffix, number, matter_id, type_code, direction, channel, received_at, registered_at, title, institution_name, is_restricted, unit_code, deadline_kind, created_by)
      values (${id}, '1-1', ${Number(today.slice(0, 4))}, ${counter!.last_number}, 0, ${'1-1/' + counter!.last_number}, ${id}, 'general_letter', 'incoming', 'post', now(), now(), 'raw', 'x', true, 'klienditeenindus', 'none', ${mari.id})`;
  }),
);
const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, PostgreSQL ${(await sql`show server_version`)[0]!.server_version}`;
results.push('');
results.push(
  `Registration, ${WRITERS} concurrent writers, ${WRITES} documents: domain (validation, number, client, deadline, event, audit row) ${domainRate.toFixed(0)} documents/s; bare SQL (counter + insert) ${rawRate.toFixed(0)} documents/s.`,
);
console.log(
  `\n## Register at scale — ${new Date().toISOString().slice(0, 10)}, ${machine}\n${docCount.toLocaleString('et')} documents, ${clientCount.toLocaleString('et')} clients, ${ITERATIONS} iterations per figure\n`,
);
console.log(results.join('\n'));
await handle.close();
await sql.end();
