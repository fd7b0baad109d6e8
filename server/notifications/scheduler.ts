import { getDb, type Db } from '@/db/client';
import { processBulkRuns } from '@/server/bulk/runner';
import { sendTaskReminders } from '@/server/tasks/reminders';
import { sendDigests } from './digest';

// Timed jobs that produce notices (task reminders), started wherever the outbox worker
// starts: inside the portal on the embedded database (instrumentation.ts), beside each
// `npm run worker` process with PostgreSQL. Every job must be idempotent, because with
// several workers each runs it: the reminders claim a unique row per reminder before they
// queue anything; bulk notices claim each row FOR UPDATE SKIP LOCKED (server/bulk/runner.ts).

export type ScheduledJob = { name: string; everyMs: number; run: (db: Db, now: Date) => Promise<unknown> };

export function defaultJobs(env: Record<string, string | undefined> = process.env): ScheduledJob[] {
  const minutes = Number(env.REMINDER_INTERVAL_MINUTES);
  const bulkSeconds = Number(env.BULK_POLL_SECONDS);
  return [
    {
      // A tick issues rows for up to 25 s, then the next starts after this pause.
      name: 'bulk-notices',
      everyMs: (Number.isFinite(bulkSeconds) && bulkSeconds > 0 ? bulkSeconds : 2) * 1000,
      run: (db) => processBulkRuns({ db }),
    },
    {
      name: 'task-reminders',
      everyMs: (Number.isFinite(minutes) && minutes > 0 ? minutes : 5) * 60_000,
      run: (db, now) => sendTaskReminders({ db, now }),
    },
    {
      // The daily e-mail digest goes out on the first tick after NOTICE_DIGEST_HOUR.
      name: 'notice-digest',
      everyMs: 10 * 60_000,
      run: (db, now) => sendDigests({ db, now }),
    },
  ];
}

export type Scheduler = {
  /** Runs every job once now (what a timer tick does). */
  runOnce(now?: Date): Promise<void>;
  start(): void;
  /** Waits for a run in hand, then stops. */
  stop(): Promise<void>;
};

const defaultLog = (entry: Record<string, unknown>) => console.log(JSON.stringify({ source: 'scheduler', ...entry }));

export function createScheduler(options: { db?: Db; jobs?: ScheduledJob[]; log?: (entry: Record<string, unknown>) => void } = {}): Scheduler {
  const jobs = options.jobs ?? defaultJobs();
  const log = options.log ?? defaultLog;
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const running = new Set<Promise<void>>();
  let stopped = true;

  async function runJob(job: ScheduledJob, now = new Date()) {
    try {
      const result = await job.run(options.db ?? (await getDb()), now);
      if (result && typeof result === 'object' && Object.values(result).some((v) => typeof v === 'number' && v > 0)) {
        log({ level: 'info', event: 'ran', job: job.name, result });
      }
    } catch (error) {
      log({ level: 'error', event: 'job-failed', job: job.name, error: (error as Error).message });
    }
  }

  function schedule(job: ScheduledJob, delay: number) {
    timers.set(
      job.name,
      setTimeout(() => {
        const run = runJob(job).finally(() => {
          running.delete(run);
          if (!stopped) schedule(job, job.everyMs);
        });
        running.add(run);
      }, delay),
    );
  }

  return {
    async runOnce(now) {
      await Promise.all(jobs.map((job) => runJob(job, now)));
    },
    start() {
      if (!stopped) return;
      stopped = false;
      for (const job of jobs) schedule(job, 0);
    },
    async stop() {
      stopped = true;
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
      await Promise.all(running);
    },
  };
}
