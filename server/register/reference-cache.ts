import { asc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { accessGrounds, documentTypes, units } from '@/db/schema';

// The register's reference data (document types, access-restriction grounds, units) is read
// by every register page but changes only when an administrator edits a document type
// (units and grounds only by migrations and the seed). Each process keeps it for a few
// seconds: a save on this instance empties the cache at once (invalidateRegisterReference),
// another instance sees it within REFERENCE_CACHE_TTL_MS. It is never used to decide what a
// registration stores: the mutations read the rows inside their own transaction.
// Under load (npm run bench:load) this took four queries off every register page.

const TTL_MS = Math.max(0, Number(process.env.REFERENCE_CACHE_TTL_MS ?? 10_000));

type Reference = {
  types: (typeof documentTypes.$inferSelect)[];
  grounds: (typeof accessGrounds.$inferSelect)[];
  units: (typeof units.$inferSelect)[];
};
type Entry = { at: number; value: Promise<Reference>; last?: Reference };

// Keyed by the database handle, so a test's fresh database never sees another's rows.
const globalKey = Symbol.for('toolaud.register-reference');
type GlobalWithCache = typeof globalThis & { [globalKey]?: WeakMap<object, Entry> };
const store = () => ((globalThis as GlobalWithCache)[globalKey] ??= new WeakMap());

async function load(db: Db): Promise<Reference> {
  const [types, grounds, unitRows] = await Promise.all([
    db.select().from(documentTypes).where(eq(documentTypes.isActive, true)).orderBy(asc(documentTypes.sortOrder), asc(documentTypes.nameEt)),
    db.select().from(accessGrounds).where(eq(accessGrounds.isActive, true)).orderBy(asc(accessGrounds.label)),
    db.select().from(units).orderBy(asc(units.nameEt)),
  ]);
  return { types, grounds, units: unitRows };
}

/** Active document types, active access grounds and all units, as of at most TTL ago. */
export function registerReference(db: Db, now = Date.now()): Promise<Reference> {
  const cache = store();
  const hit = cache.get(db);
  if (hit && now - hit.at < TTL_MS) return hit.value;
  const previous = hit?.last;
  const entry: Entry = { at: now, value: Promise.resolve(undefined as never), last: previous };
  // Every request of this process waits for the one load. If it fails (PostgreSQL restarting,
  // a connection that died), they are not all failed with it: the last rows loaded serve on
  // and the next request tries again; with none loaded yet, the error goes to the callers and
  // the next request tries again.
  entry.value = load(db).then(
    (value) => {
      entry.last = value;
      return value;
    },
    (error: unknown) => {
      if (cache.get(db) === entry) {
        if (previous) cache.set(db, { at: 0, value: Promise.resolve(previous), last: previous });
        else cache.delete(db);
      }
      if (previous) return previous;
      throw error;
    },
  );
  cache.set(db, entry);
  return entry.value;
}

/** After an administrator's change: this process reads the reference data afresh. */
export function invalidateRegisterReference(): void {
  (globalThis as GlobalWithCache)[globalKey] = new WeakMap();
}
