import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type DbHandle } from '@/db/client';
import { incidents, outboxMessages } from '@/db/schema';
import { seedDemo } from '@/db/seed/seed';
import { ForbiddenError } from '@/server/auth/policy';
import { reportIncident } from '@/server/incidents/mutations';
import { startSmtpCatcher, type CaughtMail, type SmtpCatcher } from '@/scripts/smtp-catcher';
import { actorByCode, ctx, demo, report } from '@/test/incidents';
import { onlyOn, setupTestDatabase, testDbKind } from '@/test/db';
import { retryOutboxMessage } from './mutations';
import { notify } from './notify';
import { listOutbox } from './queries';
import { verifyWebhookSignature } from './webhook-signature';
import { createOutboxWorker, messageIdFor, type WorkerOptions } from './worker';

const db = setupTestDatabase();
const d = () => db.handle().db;
const quiet = () => {};
/** A message of the tests' own kind, the same in both languages. */
const plain = (kind: string, subject: string, text: string) => ({ kind, render: () => ({ subject, text }) });
const MAIL_FROM = 'Töölaud <toolaud@sotsiaalkindlustusamet.ee>';
let mari: Awaited<ReturnType<typeof actorByCode>>;
let admin: Awaited<ReturnType<typeof actorByCode>>;

const worker = (smtpPort: number, config: WorkerOptions['config'] = {}, options: Partial<WorkerOptions> = {}) =>
  createOutboxWorker({ config: { smtpUrl: `smtp://127.0.0.1:${smtpPort}`, mailFrom: MAIL_FROM, backoffBaseMs: 0, ...config }, log: quiet, ...options });

/** Polls until the condition holds (or gives up after a generous bound, failing the test). */
async function until(what: string, condition: () => Promise<boolean>, bound = 60_000) {
  const deadline = Date.now() + bound;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const statusOf = async (ids: string[]) =>
  (await d().select({ id: outboxMessages.id, status: outboxMessages.status }).from(outboxMessages).where(inArray(outboxMessages.id, ids))).map((r) => r.status);

async function outboxIdsOf(number: string) {
  const rows = await d()
    .select({ id: outboxMessages.id })
    .from(outboxMessages)
    .where(sql`${outboxMessages.payload}->>'subject' like ${'%' + number + '%'}`);
  return rows.map((r) => r.id);
}

beforeAll(async () => {
  await seedDemo(d());
  mari = await actorByCode(d(), demo.mari);
  admin = await actorByCode(d(), demo.peeter);
});

describe('outbox delivery over SMTP', () => {
  it('with the SMTP server down the ticket is still created, and its mail is delivered once the server is back', async () => {
    const probe = await startSmtpCatcher();
    const port = probe.port;
    await probe.close();

    const { number, id } = await reportIncident(mari, report(), [], ctx);
    expect(await d().select({ id: incidents.id }).from(incidents).where(eq(incidents.id, id))).toHaveLength(1);
    const ids = await outboxIdsOf(number);
    expect(ids).toHaveLength(2);

    const w = worker(port);
    const down = await w.runOnce();
    expect(down).toMatchObject({ sent: 0 });
    const failed = await d().select().from(outboxMessages).where(inArray(outboxMessages.id, ids));
    expect(failed.every((m) => m.status === 'pending' && m.attempts === 1 && m.lastError && m.claimedUntil === null)).toBe(true);

    const catcher = await startSmtpCatcher({ port });
    try {
      await w.runOnce();
      expect(await statusOf(ids)).toEqual(['sent', 'sent']);
      expect(catcher.messages.map((m) => m.to[0]).sort()).toEqual(['it-tugi@sotsiaalkindlustusamet.ee', 'juri.ounapuu@sotsiaalkindlustusamet.ee']);
      const mail = catcher.messages[0]!;
      expect(mail.subject).toContain(number);
      expect(mail.subject).toContain('ID-kaardi lugeja');
      expect(ids.map((i) => messageIdFor(i, MAIL_FROM))).toContain(mail.messageId);
      expect(mail.raw).toMatch(/Content-Type: text\/plain/i);
      expect(mail.raw).toMatch(/Content-Type: text\/html/i);
      // Delivered messages are not sent again.
      expect(await w.runOnce()).toMatchObject({ claimed: 0 });
      expect(catcher.messages).toHaveLength(2);
    } finally {
      await w.stop();
      await catcher.close();
    }
  });

  it('backs off after a failure, gives up after the last attempt, and an administrator can send a dead message again', async () => {
    const probe = await startSmtpCatcher();
    const port = probe.port;
    await probe.close();
    await d().transaction((tx) => notify(tx, { recipients: [{ email: 'kiri@example.test' }], notice: plain('test.dead', 'Surnud kiri', 'Tekst') }));
    const [message] = await d().select().from(outboxMessages).where(eq(outboxMessages.kind, 'test.dead'));

    const patient = worker(port, { backoffBaseMs: 60_000, maxAttempts: 2 });
    await patient.runOnce();
    const [afterOne] = await d().select().from(outboxMessages).where(eq(outboxMessages.id, message!.id));
    expect(afterOne!.status).toBe('pending');
    expect(afterOne!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 20_000);
    expect(await patient.runOnce()).toMatchObject({ claimed: 0 }); // not due yet
    await patient.stop();

    // The backoff has passed (moved in the data rather than waited for).
    await d().update(outboxMessages).set({ nextAttemptAt: new Date() }).where(eq(outboxMessages.id, message!.id));
    const hasty = worker(port, { maxAttempts: 2 });
    await hasty.runOnce();
    const [dead] = await d().select().from(outboxMessages).where(eq(outboxMessages.id, message!.id));
    expect(dead).toMatchObject({ status: 'dead', attempts: 2 });
    expect((await listOutbox(admin, 'dead')).map((m) => m.id)).toContain(message!.id);

    await expect(retryOutboxMessage(mari, { id: message!.id }, ctx)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listOutbox(mari, 'dead')).rejects.toBeInstanceOf(ForbiddenError);
    expect((await d().select().from(outboxMessages).where(eq(outboxMessages.id, message!.id)))[0]!.status).toBe('dead');
    await retryOutboxMessage(admin, { id: message!.id }, ctx);
    await expect(retryOutboxMessage(admin, { id: message!.id }, ctx)).rejects.toMatchObject({ code: 'errors.notFound' });

    const catcher = await startSmtpCatcher({ port });
    try {
      await hasty.runOnce();
      expect(await statusOf([message!.id])).toEqual(['sent']);
      expect(catcher.messages.map((m) => m.messageId)).toEqual([messageIdFor(message!.id, MAIL_FROM)]);
    } finally {
      await hasty.stop();
      await catcher.close();
    }
  });

  it('a message the server refuses for good (5xx) is dead at once', async () => {
    // The catcher answers 451 to a rejection; a 550 needs a server that says so.
    const { SMTPServer } = await import('smtp-server');
    const hard = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo: (_a, _s, cb) => cb(Object.assign(new Error('5.1.1 no such user'), { responseCode: 550 })),
    });
    const port = await new Promise<number>((resolve) => hard.listen(0, '127.0.0.1', () => resolve((hard.server.address() as { port: number }).port)));
    await d().transaction((tx) => notify(tx, { recipients: [{ email: 'puudub@example.test' }], notice: plain('test.hard', 'Vale aadress', 'x') }));
    const w = worker(port, { maxAttempts: 8 });
    await w.runOnce();
    const [row] = await d().select().from(outboxMessages).where(eq(outboxMessages.kind, 'test.hard'));
    expect(row).toMatchObject({ status: 'dead', attempts: 1 });
    expect(row!.lastError).toContain('no such user');
    await w.stop();
    await new Promise<void>((r) => hard.close(() => r()));
  });

  it('two workers on 500 messages deliver each exactly once', async () => {
    const catcher = await startSmtpCatcher();
    const recipients = Array.from({ length: 500 }, (_, i) => ({ email: `saaja${i}@example.test` }));
    await d().transaction((tx) => notify(tx, { recipients, notice: plain('test.bulk', 'Hulgi', 'Üks viiesajast') }));
    const ids = (await d().select({ id: outboxMessages.id }).from(outboxMessages).where(eq(outboxMessages.kind, 'test.bulk'))).map((r) => r.id);
    expect(ids).toHaveLength(500);
    // On PostgreSQL each worker has its own connection pool, as separate processes would.
    const second: DbHandle | null = testDbKind === 'postgres' ? await openDb({ url: db.url()!, poolMax: 4 }) : null;
    const workers = [worker(catcher.port, { batchSize: 10, pollMs: 50 }), worker(catcher.port, { batchSize: 10, pollMs: 50 }, second ? { db: second.db } : {})];
    try {
      for (const w of workers) w.start();
      await until('all 500 sent', async () => (await statusOf(ids)).every((s) => s === 'sent'));
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
      await second?.close();
      await catcher.close();
    }
    const bulk = catcher.messages.filter((m) => m.subject === 'Hulgi');
    const perId = new Map<string, number>();
    for (const m of bulk) perId.set(m.messageId!, (perId.get(m.messageId!) ?? 0) + 1);
    expect(bulk).toHaveLength(500);
    expect(perId.size).toBe(500);
    expect([...perId.values()].every((n) => n === 1)).toBe(true);
    expect(new Set(ids.map((i) => messageIdFor(i, MAIL_FROM)))).toEqual(new Set(perId.keys()));
    // Both workers took part (SKIP LOCKED shares the work instead of serialising it).
    const claimedBy = await d()
      .select({ by: outboxMessages.claimedBy, n: sql<number>`count(*)::int` })
      .from(outboxMessages)
      .where(eq(outboxMessages.kind, 'test.bulk'))
      .groupBy(outboxMessages.claimedBy);
    expect(claimedBy.map((c) => c.by).sort()).toEqual(workers.map((w) => w.id).sort());
  });
});

describe('outbox webhook', () => {
  const secret = 'helpdesk-shared-secret-for-tests';
  let server: ReturnType<typeof createServer>;
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  let url = '';

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.statusCode = received.length <= 3 ? 500 : 200;
        res.end(res.statusCode === 200 ? '{"ok":true}' : 'try again');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}/hooks/toolaud`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('a receiver that answers 500 three times then 200 gets the same idempotency key each time, with a valid HMAC', async () => {
    process.env.HELPDESK_WEBHOOK_URL = url;
    let number: string;
    try {
      ({ number } = await reportIncident(mari, report({ description: 'Võrk on maas, ühtegi klienti ei saa teenindada.' }), [], ctx));
    } finally {
      delete process.env.HELPDESK_WEBHOOK_URL;
    }
    const [hook] = await d().select().from(outboxMessages).where(eq(outboxMessages.channel, 'webhook'));
    const [ticket] = await d().select().from(incidents).where(eq(incidents.number, number));
    expect(ticket!.routing.webhook).toBe(true);

    const w = createOutboxWorker({ config: { webhookSecret: secret, backoffBaseMs: 0, smtpUrl: null }, log: quiet });
    for (let i = 0; i < 4; i++) await w.runOnce();
    await w.stop();

    expect(received).toHaveLength(4);
    expect(new Set(received.map((r) => r.headers['idempotency-key']))).toEqual(new Set([hook!.id]));
    for (const r of received) {
      expect(verifyWebhookSignature(secret, r.headers['x-toolaud-signature'] as string, r.body)).toBe(true);
      expect(verifyWebhookSignature('wrong-secret', r.headers['x-toolaud-signature'] as string, r.body)).toBe(false);
      expect(JSON.parse(r.body)).toMatchObject({ id: hook!.id, event: 'incident.created', number, priority: 'high' });
    }
    const [after] = await d().select().from(outboxMessages).where(eq(outboxMessages.id, hook!.id));
    expect(after).toMatchObject({ status: 'sent', attempts: 4 });
  });
});

// A real worker process (scripts/worker.ts) killed with SIGKILL in the middle of sending.
onlyOn('postgres', () =>
  describe('a worker killed mid-delivery', () => {
    const children: ChildProcess[] = [];
    afterAll(() => children.forEach((c) => c.kill('SIGKILL')));

    const startWorker = (smtpPort: number) => {
      // node with tsx's loader, not the tsx wrapper: SIGKILL must reach the worker itself, not a
      // parent that dies and leaves the real worker running (and sending) behind.
      const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/worker.ts'], {
        env: {
          ...process.env,
          DATABASE_URL: db.url(),
          SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
          MAIL_FROM,
          OUTBOX_LEASE_SECONDS: '2',
          OUTBOX_POLL_MS: '100',
          OUTBOX_BACKOFF_SECONDS: '0',
          TOOLAUD_ENV: 'test', // plain-http portal address: not production
        },
        stdio: 'ignore',
      });
      children.push(child);
      return child;
    };

    it('leaves no message behind after a restart, and a resend carries the same Message-ID', async () => {
      await d().update(outboxMessages).set({ status: 'sent' }).where(eq(outboxMessages.status, 'pending'));
      let stalled: CaughtMail | null = null;
      let catcher: SmtpCatcher | null = null;
      catcher = await startSmtpCatcher({
        // The first message hangs in DATA until the worker is dead.
        beforeAccept: (mail) => {
          if (stalled) return;
          stalled = mail;
          return new Promise<void>(() => {});
        },
      });
      const { number } = await reportIncident(mari, report({ category: 'computer' }), [], ctx);
      await d().transaction((tx) =>
        notify(tx, {
          recipients: Array.from({ length: 5 }, (_, i) => ({ email: `tapetud${i}@example.test` })),
          notice: plain('test.kill', 'Enne tapmist', 'x'),
        }),
      );
      const ids = [...(await outboxIdsOf(number)), ...(await d().select().from(outboxMessages).where(eq(outboxMessages.kind, 'test.kill'))).map((r) => r.id)];
      expect(ids).toHaveLength(7);

      const first = startWorker(catcher.port);
      await until('a delivery is in flight', async () => stalled !== null);
      first.kill('SIGKILL');
      await new Promise((r) => first.once('exit', r));
      const held = await d()
        .select()
        .from(outboxMessages)
        .where(sql`${outboxMessages.claimedUntil} is not null and ${outboxMessages.status} = 'pending'`);
      expect(held.length).toBeGreaterThan(0); // the dead worker's lease is still on them

      startWorker(catcher.port);
      await until('every message sent', async () => (await statusOf(ids)).every((s) => s === 'sent'));
      const stalledMail = stalled as CaughtMail | null;
      const resent = catcher.messages.filter((m) => m.to[0] === stalledMail!.to[0]);
      expect(resent).toHaveLength(1);
      expect(resent[0]!.messageId).toBe(stalledMail!.messageId);
      const delivered = new Set(catcher.messages.map((m) => m.messageId));
      for (const id of ids) expect(delivered).toContain(messageIdFor(id, MAIL_FROM));
      await catcher.close();
    });
  }),
);
