// `npm run worker`: the outbox delivery worker as its own process, for production on
// PostgreSQL (run one or several; they share the work through SKIP LOCKED claims). On the
// embedded database the portal runs the worker itself (instrumentation.ts) and this script
// refuses the data directory the portal holds.
import { readOutboxConfig } from '../server/notifications/config';
import { createScheduler } from '../server/notifications/scheduler';
import { createOutboxWorker } from '../server/notifications/worker';
import { describeDb, openScriptDb } from './open-db';

const handle = await openScriptDb(false);
const config = readOutboxConfig();
if (!config.smtpUrl) console.warn('SMTP_URL is not set: e-mails will fail and be retried until it is.');
const worker = createOutboxWorker({ db: handle.db });
worker.start();
// Task reminders run beside every worker; each reminder is claimed once, however many run.
const scheduler = createScheduler({ db: handle.db });
scheduler.start();
console.log(JSON.stringify({ source: 'outbox', level: 'info', event: 'started', worker: worker.id, database: describeDb() }));

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await scheduler.stop();
  await worker.stop();
  await handle.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
