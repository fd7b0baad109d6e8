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
      console.log(`Demo data seeded: ${staffAdded} staff.`);
    }
    // The development e-seal (self-signed) is made on the first start, beside the data.
    const { getSeal } = await import('./server/pdf/seal');
    getSeal();
  }
}
