import net from 'node:net';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { neverReachedServer, openDb, reconnectDelaySeconds, selectRows, type DbHandle } from './client';

describe('what may be sent again when PostgreSQL cannot be reached', () => {
  it('only errors from before the query reached a server', () => {
    for (const code of ['ENOENT', 'ECONNREFUSED', '57P03']) expect(neverReachedServer({ code }), code).toBe(true);
    for (const code of ['CONNECTION_CLOSED', 'ECONNRESET', '57P01', 'CONNECT_TIMEOUT', '23505']) expect(neverReachedServer({ code }), code).toBe(false);
    expect(neverReachedServer(null)).toBe(false);
  });

  it('a closed connection tries again within a second, however many tries failed', () => {
    for (const attempt of [0, 1, 5, 30, 1000]) expect(reconnectDelaySeconds(attempt)).toBeLessThanOrEqual(1);
  });
});

/**
 * A TCP door in front of the test's PostgreSQL: closed (connections refused) until opened,
 * and able to cut every connection through it, as a restart of the server does.
 */
class Door {
  private server: net.Server | null = null;
  private sockets = new Set<net.Socket>();
  accepted = 0;
  constructor(
    readonly port: number,
    private readonly target: { host: string; port: number },
  ) {}
  static async onFreePort(target: { host: string; port: number }) {
    const probe = net.createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as net.AddressInfo).port;
    await new Promise((r) => probe.close(r));
    return new Door(port, target);
  }
  async open() {
    this.server = net.createServer((client) => {
      this.accepted++;
      const upstream = net.connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('error', () => {});
        s.on('close', () => this.sockets.delete(s));
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((r) => this.server!.listen(this.port, '127.0.0.1', r));
  }
  cutAll() {
    for (const s of this.sockets) s.destroy();
  }
  async close() {
    this.cutAll();
    if (this.server) await new Promise((r) => this.server!.close(r));
    this.server = null;
  }
}

// Real PostgreSQL behind the door, the portal's own client (db/client.ts) in front of it.
describe('while PostgreSQL cannot be reached', () => {
  let door: Door;
  let handle: DbHandle;
  const saved = process.env.DB_UNAVAILABLE_WAIT;

  async function behindDoor() {
    const target = new URL(process.env.TEST_PG_URL!);
    door = await Door.onFreePort({ host: target.hostname, port: Number(target.port) });
    const url = new URL(target);
    url.port = String(door.port);
    handle = await openDb({ url: url.toString(), poolMax: 1 });
  }
  const one = () => selectRows<{ n: number }>(handle.db, sql`select 1 as n`);

  afterEach(async () => {
    process.env.DB_UNAVAILABLE_WAIT = saved;
    if (saved === undefined) delete process.env.DB_UNAVAILABLE_WAIT;
    await door.close();
    // Not handle.close(): after a cut, postgres.js's end() would wait out its 5 s for the failed query.
    await (handle.db as unknown as { $client: { end(o: { timeout: number }): Promise<void> } }).$client.end({ timeout: 0 });
  });

  it('a query sent while the server is away waits for it and then answers', async () => {
    await behindDoor();
    const answer = one();
    await new Promise((r) => setTimeout(r, 400));
    expect(door.accepted).toBe(0);
    await door.open();
    expect(await answer).toEqual([{ n: 1 }]);
  });

  it('a transaction whose BEGIN never reached the server runs once the server is back, its work done once', async () => {
    await behindDoor();
    let runs = 0;
    const done = handle.db.transaction(async (tx) => {
      runs++;
      return selectRows<{ n: number }>(tx, sql`select 2 as n`);
    });
    await new Promise((r) => setTimeout(r, 300));
    await door.open();
    expect(await done).toEqual([{ n: 2 }]);
    expect(runs).toBe(1);
  });

  it('gives up after DB_UNAVAILABLE_WAIT seconds with the error as it is', async () => {
    process.env.DB_UNAVAILABLE_WAIT = '0.3';
    await behindDoor();
    // drizzle wraps the driver's error; the cause is what postgres.js reported.
    await expect(one()).rejects.toMatchObject({ cause: { code: 'ECONNREFUSED' } });
  });

  it('a query cut off after it was sent fails, and is not sent again', async () => {
    await behindDoor();
    await door.open();
    expect(await one()).toEqual([{ n: 1 }]);
    const slow = selectRows(handle.db, sql`select pg_sleep(5)`);
    await new Promise((r) => setTimeout(r, 300));
    const acceptedBefore = door.accepted;
    door.cutAll();
    await expect(slow).rejects.toBeTruthy();
    expect(door.accepted).toBe(acceptedBefore);
  });

  it('a transaction cut off after its work began fails, and its callback is not run again', async () => {
    await behindDoor();
    await door.open();
    let runs = 0;
    const done = handle.db.transaction(async (tx) => {
      runs++;
      await selectRows(tx, sql`select pg_sleep(5)`);
    });
    await new Promise((r) => setTimeout(r, 300));
    door.cutAll();
    await expect(done).rejects.toBeTruthy();
    expect(runs).toBe(1);
  });
});

// postgres.js 3.4.9 left a connection unusable when it closed with a write still buffered:
// the cleared timer was kept, so the next sign-on message was never sent and every use of the
// connection waited out connect_timeout (the failures 10-20 s after a restart in bench:load).
// Patched in patches/postgres+3.4.9.patch.
describe('a connection that closed with a write pending', () => {
  it('signs on again and answers', async () => {
    const { default: postgres } = await import('postgres');
    const target = new URL(process.env.TEST_PG_URL!);
    const sockets: net.Socket[] = [];
    const client = postgres(process.env.TEST_PG_URL!, {
      max: 1,
      connect_timeout: 2,
      backoff: reconnectDelaySeconds,
      onnotice: () => {},
      // postgres.js's documented `socket` option (a socket of our own, to watch), missing from its types.
      ...({
        socket: () => {
          const socket = net.connect(Number(target.port), target.hostname);
          sockets.push(socket);
          return socket;
        },
      } as object),
    });
    try {
      expect(await client`select 1 as n`).toEqual([{ n: 1 }]);
      // The query's bytes wait for the next turn of the event loop (setImmediate); the socket
      // reports its close before that, as a connection cut under load does.
      const cut = client`select 2 as n`.execute();
      await new Promise((r) => process.nextTick(r));
      const socket = sockets.at(-1)!;
      socket.emit('close', false);
      socket.destroy();
      await expect(cut).rejects.toBeTruthy();
      expect(await client`select 3 as n`).toEqual([{ n: 3 }]);
    } finally {
      await client.end({ timeout: 1 });
    }
  });
});
