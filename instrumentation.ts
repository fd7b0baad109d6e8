// Runs once when the portal's server process starts: apply pending migrations, and in
// demo mode seed an empty database, in the same process as the web server (PGlite is
// single-process). `next build` never gets here with a database.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { getDbHandle } = await import('./db/client');
  const handle = await getDbHandle();
  if (process.env.TOOLAUD_DEMO_SEED === '1') {
    const { isEmpty, seedDemo } = await import('./db/seed/seed');
    if (await isEmpty(handle.db)) {
      const { staffAdded } = await seedDemo(handle.db);
      const { seedDemoDocuments } = await import('./server/register/demo-documents');
      const documents = await seedDemoDocuments();
      const { seedDemoTasks } = await import('./server/tasks/demo-tasks');
      const work = await seedDemoTasks();
      const { seedDemoConsultations } = await import('./server/consultations/demo-consultations');
      const consulted = await seedDemoConsultations();
      const { seedDemoDesk } = await import('./server/desk/demo-desk');
      await seedDemoDesk();
      console.log(
        `Demo data seeded: ${staffAdded} staff, ${documents} register documents, ${work.tasks} tasks, ${work.absences} absence, ${consulted} consultations.`,
      );
    }
    // The development e-seal (self-signed) is made on the first start, beside the data.
    const { getSeal } = await import('./server/pdf/seal');
    getSeal();
  }
  // The outbox worker runs here when the portal is the only process (PGlite, the demo);
  // with PostgreSQL production runs `npm run worker` instead (OUTBOX_WORKER overrides).
  const { runsInlineWorker } = await import('./server/notifications/config');
  if (runsInlineWorker()) {
    const { createOutboxWorker } = await import('./server/notifications/worker');
    const worker = createOutboxWorker({ db: handle.db });
    // A delivery cut short by the process ending is retried when its lease expires.
    worker.start();
    // Task reminders and other timed notices run where the worker runs.
    const { createScheduler } = await import('./server/notifications/scheduler');
    createScheduler({ db: handle.db }).start();
  }
}
