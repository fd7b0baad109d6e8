import { describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { invalidateRegisterReference, registerReference } from './reference-cache';

// A stand-in for the database that answers the three reference queries (or fails them),
// counting how often it was asked.
function fakeDb() {
  const state = { loads: 0, fail: false, name: 'Kiri' };
  const rows = () => {
    state.loads++;
    return state.fail ? Promise.reject(new Error('CONNECT_TIMEOUT')) : Promise.resolve([{ code: 'x', nameEt: state.name }]);
  };
  const query = { from: () => query, where: () => query, orderBy: () => rows() };
  return { db: { select: () => query } as unknown as Db, state };
}

describe('registerReference', () => {
  it('loads once for all concurrent callers within the time limit, again after it or after invalidation', async () => {
    const { db, state } = fakeDb();
    const t = 1_000_000;
    const all = await Promise.all([registerReference(db, t), registerReference(db, t + 1), registerReference(db, t + 9_000)]);
    expect(state.loads).toBe(3); // one load = three queries
    expect(all[0]).toBe(all[2]);
    state.name = 'Märgukiri';
    expect((await registerReference(db, t + 10_000)).types[0]!.nameEt).toBe('Märgukiri');
    expect(state.loads).toBe(6);
    invalidateRegisterReference();
    await registerReference(db, t + 10_001);
    expect(state.loads).toBe(9);
  });

  it('keeps serving the last rows when a reload fails, and tries again on the next call', async () => {
    const { db, state } = fakeDb();
    const t = 2_000_000;
    await registerReference(db, t);
    state.fail = true;
    const stale = await Promise.all([registerReference(db, t + 20_000), registerReference(db, t + 20_001)]);
    expect(stale.map((r) => r.types[0]!.nameEt)).toEqual(['Kiri', 'Kiri']);
    state.fail = false;
    state.name = 'Avaldus';
    expect((await registerReference(db, t + 20_002)).types[0]!.nameEt).toBe('Avaldus');
  });

  it('fails the callers when nothing was ever loaded, and does not keep the failure', async () => {
    const { db, state } = fakeDb();
    state.fail = true;
    await expect(registerReference(db, 3_000_000)).rejects.toThrow('CONNECT_TIMEOUT');
    state.fail = false;
    expect((await registerReference(db, 3_000_001)).types).toHaveLength(1);
  });
});
