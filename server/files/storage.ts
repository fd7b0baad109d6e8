import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import type { Tx } from '@/server/tx';
import { attachmentBlobs } from '@/db/schema';

// Where file bytes live. The database is the default so that a document and its files
// are saved in one transaction; an object store can take this interface later.
export type FileStorage = {
  kind: string;
  put(tx: Tx, attachmentId: string, bytes: Uint8Array): Promise<void>;
  get(db: Db, attachmentId: string): Promise<Uint8Array | null>;
};

export const databaseStorage: FileStorage = {
  kind: 'db',
  async put(tx, attachmentId, bytes) {
    await tx.insert(attachmentBlobs).values({ attachmentId, content: bytes });
  },
  async get(db, attachmentId) {
    const [row] = await db.select({ content: attachmentBlobs.content }).from(attachmentBlobs).where(eq(attachmentBlobs.attachmentId, attachmentId));
    if (!row) return null;
    // postgres.js returns a Buffer, PGlite a Uint8Array.
    return new Uint8Array(row.content);
  },
};
