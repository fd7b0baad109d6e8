import { appliedMigrationCount } from '../db/client';
import { describeDb, openScriptDb } from './open-db';

const handle = await openScriptDb(true);
console.log(`Migrations applied to ${describeDb()}: ${await appliedMigrationCount(handle.db)} in total.`);
await handle.close();
