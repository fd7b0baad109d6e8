// `npm run worker`: the outbox delivery worker as its own process, for production on
// PostgreSQL (run one or several; they share the work through SKIP LOCKED claims). On the
// embedded database the portal runs the worker itself (instrumentation.ts) and this script
// refuses the data directory the portal holds.
import { createScheduler } from '../server/notifications/scheduler';
import { createOutboxWorker } from '../server/notifications/worker';
import { log } from '../server/observability/log';
import { checkWorkerConfig, reportConfig } from '../server/ops/production-config';
import { describeDb, openScriptDb } from './open-db';

// Production refuses a worker without PostgreSQL, SMTP or an https portal address, and
// one configured for the development identity provider (TOOLAUD_ENV=test relaxes this).
if (!reportConfig('The outbox worker (npm run worker)', checkWorkerConfig())) process.exit(2);
const handle = await openScriptDb(false);
const worker = createOutboxWorker({ db: handle.db });
worker.start();
// Task reminders run beside every worker; each reminder is claimed once, however many run.
const scheduler = createScheduler({ db: handle.db });
scheduler.start();
log('outbox').info({ event: 'started', worker: worker.id, database: describeDb() });

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
