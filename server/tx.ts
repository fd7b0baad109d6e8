import type { Db } from '@/db/client';

/** A transaction handle, as passed to `db.transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Either the database or a transaction: read helpers work inside and outside one. */
export type Queryable = Db | Tx;
