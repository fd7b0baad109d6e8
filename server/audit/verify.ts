import { asc, gt } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { auditLog } from '@/db/schema';
import { GENESIS_HASH, rowHash } from './chain';

export type VerifyResult = { ok: true; rows: number } | { ok: false; rows: number; brokenSeq: number; reason: 'sequence-gap' | 'prev-hash' | 'hash' };

/** Walks the whole chain in seq order and names the first row that does not fit. */
export async function verifyAuditChain(db: Db, batchSize = 2000): Promise<VerifyResult> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let rows = 0;
  for (;;) {
    const batch = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.seq, expectedSeq - 1))
      .orderBy(asc(auditLog.seq))
      .limit(batchSize);
    if (batch.length === 0) return { ok: true, rows };
    for (const row of batch) {
      if (row.seq !== expectedSeq) return { ok: false, rows, brokenSeq: expectedSeq, reason: 'sequence-gap' };
      if (row.prevHash !== prevHash) return { ok: false, rows, brokenSeq: row.seq, reason: 'prev-hash' };
      const { prevHash: _prev, hash, ...fields } = row;
      if (rowHash(prevHash, fields) !== hash) return { ok: false, rows, brokenSeq: row.seq, reason: 'hash' };
      prevHash = hash;
      expectedSeq++;
      rows++;
    }
  }
}
