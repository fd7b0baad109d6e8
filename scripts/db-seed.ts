import { seedDemo } from '../db/seed/seed';
import { describeDb, openScriptDb } from './open-db';

const handle = await openScriptDb(true);
const { staffAdded } = await seedDemo(handle.db);
console.log(`Seeded ${describeDb()}: ${staffAdded} staff added (0 means it was already there).`);
await handle.close();
