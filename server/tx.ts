import type { Db, Tx } from '@/db/client';

export type { Tx };

/** Either the database or a transaction: read helpers work inside and outside one. */
export type Queryable = Db | Tx;
