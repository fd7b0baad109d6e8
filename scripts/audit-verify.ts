import { verifyAuditChain } from '../server/audit/verify';
import { describeDb, openScriptDb } from './open-db';

const handle = await openScriptDb(false);
const result = await verifyAuditChain(handle.db);
await handle.close();
if (result.ok) {
  console.log(`Audit chain of ${describeDb()} is intact: ${result.rows} rows verified.`);
} else {
  console.error(`Audit chain BROKEN at row seq=${result.brokenSeq} (${result.reason}); ${result.rows} rows before it verified.`);
  process.exit(1);
}
