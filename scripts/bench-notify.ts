// npx tsx scripts/bench-notify.ts — what administrator-edited notice texts cost a notification.
// Gives a task to one person (createTasks: the task, its audit, the bell and the e-mail in the
// outbox, one transaction) BENCH_NOTICES (200) times with the texts in code, then, after another
// administrator has published a version of the task and the shared notice texts through the
// review flow, again with those laid over the messages (a published version cannot be taken
// back, so the two runs follow each other). Also noticeWords() alone: from the
// cache, and with the cache emptied each time (the query every TEXTS_CACHE_TTL_MS and process).
// On PostgreSQL when BENCH_DATABASE_URL is set, else on PGlite in memory. A benchmark, not a test.
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { desc, eq } from 'drizzle-orm';
import { notifications, staff, templateTexts } from '../db/schema';
import { versionOf } from '../lib/record-version';
import { noticeWords } from '../server/notifications/notice-texts';
import { createTasks } from '../server/tasks/mutations';
import { publishTexts, saveTextsDraft, submitTextsDraft } from '../server/templates/mutations';
import { invalidateTextsInForce } from '../server/templates/texts';
import { initialSources } from '../templates/shared/texts';
import { textSpecOf } from '../templates/texts';
import { addSecondAdmin } from '../test/staff';
import { benchDatabase } from './bench-database';

const NOTICES = Number(process.env.BENCH_NOTICES ?? 200);
const { handle, drop } = await benchDatabase(4);
const db = handle.db;
const actorOf = async (code: string) => {
  const [row] = await db.select().from(staff).where(eq(staff.personalCode, code));
  return { id: row!.id, personalCode: row!.personalCode, roles: row!.roles, unitCode: row!.unitCode, regionCode: row!.regionCode };
};
const manager = await actorOf('37509182078');
const mari = await actorOf('47805122004');
const admin = await actorOf('37906062915');
const ctx = { requestId: 'bench' };
const day = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);

const giveTask = async () => {
  const t = performance.now();
  await createTasks(
    manager,
    {
      title: 'Kontrolli infovoldikuid',
      description: 'Vaata üle teenindussaali voldikud.',
      dueDate: day,
      dueTime: '',
      priority: 'normal',
      assigneeIds: [mari.id],
      documentNumber: '',
      clientCode: '',
      submissionId: randomUUID(),
    },
    [],
    { requestId: 'bench' },
  );
  return performance.now() - t;
};

// The review flow as the page runs it: Peeter writes and submits, a second administrator publishes.
const second = await addSecondAdmin(db, admin);
const kaja = { ...admin, id: second.id, personalCode: second.personalCode };
const publishEdits = async () => {
  for (const [id, key, et, en] of [
    ['notice-task', 'tasks.notices.createdText', '{manager} andis sulle ülesande.\nKüsimused: 612 1360.', '{manager} gave you a task.\nQuestions: 612 1360.'],
    ['notice-common', 'notifications.emailFooter', 'Töölaud · SKA klienditeenindus, 612 1360', 'Töölaud · SKA customer service, 612 1360'],
  ] as const) {
    await saveTextsDraft(admin, { templateId: id, blocks: { ...initialSources(textSpecOf(id)!), [key]: { et, en } } }, ctx);
    await submitTextsDraft(admin, id, ctx);
    const [draft] = await db.select().from(templateTexts).where(eq(templateTexts.templateId, id));
    await publishTexts(kaja, { templateId: id, draftId: draft!.id, version: versionOf({ updatedAt: draft!.updatedAt }) }, ctx);
  }
};

const times = { code: [] as number[], edited: [] as number[] };
for (let i = 0; i < 10; i++) await giveTask();
for (let i = 0; i < NOTICES; i++) times.code.push(await giveTask());
await publishEdits();
for (let i = 0; i < 10; i++) await giveTask();
for (let i = 0; i < NOTICES; i++) times.edited.push(await giveTask());
const [bell] = await db.select({ body: notifications.body }).from(notifications).orderBy(desc(notifications.createdAt)).limit(1);
if (!bell?.body.includes('612 1360')) throw new Error('the edited wording did not reach the bell');

const warm: number[] = [];
const cold: number[] = [];
for (let i = 0; i < 1000; i++) {
  let t = performance.now();
  await noticeWords(db);
  warm.push(performance.now() - t);
  invalidateTextsInForce();
  t = performance.now();
  await noticeWords(db);
  cold.push(performance.now() - t);
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const ms = (x: number) => x.toFixed(2).replace('.', ',');
const where = process.env.BENCH_DATABASE_URL ? 'PostgreSQL' : 'PGlite';
console.log(
  `| giving a task to one person, texts in code, ${where}, ${times.code.length} tasks | p50 ${ms(pct(times.code, 50))} ms | p95 ${ms(pct(times.code, 95))} ms |`,
);
console.log(`| the same with edited task and shared notice texts | p50 ${ms(pct(times.edited, 50))} ms | p95 ${ms(pct(times.edited, 95))} ms |`);
console.log(`| noticeWords(), versions cached | p50 ${ms(pct(warm, 50))} ms | p95 ${ms(pct(warm, 95))} ms |`);
console.log(`| noticeWords(), versions read again (one query) | p50 ${ms(pct(cold, 50))} ms | p95 ${ms(pct(cold, 95))} ms |`);
console.log(
  `load average: ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} on ${os.cpus().length} cores`,
);
await handle.close();
await drop();
process.exit(0);
