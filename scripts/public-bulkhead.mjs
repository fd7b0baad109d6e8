// The public pages (the register, verification) share the instances with the staff: a crowd
// on the internet, each search a page rendered and a query run, must not make a specialist at
// the counter wait. So an instance handles at most PUBLIC_CONCURRENCY public requests at a
// time (default 4); the rest wait in line, first come first served, up to PUBLIC_QUEUE of
// them (default 200) and for at most PUBLIC_QUEUE_WAIT_MS (default 10 s); beyond that the
// answer is 503 with Retry-After and no-store, so no cache keeps it. Staff requests never
// wait here. Cached public pages never reach an instance at all (nginx answers them).

/** Paths of the public face (scripts/public-cache.mjs caches the register's). */
export const isPublicPath = (pathname) =>
  pathname === '/avalik' || pathname.startsWith('/avalik/') || pathname === '/kontrolli' || pathname.startsWith('/kontrolli/');

export function bulkheadFromEnv(env = process.env) {
  const number = (value, fallback) => (value !== undefined && /^\d+$/.test(value.trim()) && Number(value) > 0 ? Number(value) : fallback);
  return createBulkhead({
    concurrency: number(env.PUBLIC_CONCURRENCY, 4),
    queue: number(env.PUBLIC_QUEUE, 200),
    waitMs: number(env.PUBLIC_QUEUE_WAIT_MS, 10_000),
  });
}

/** A counting semaphore with a bounded, timed line. `acquire()` resolves to a release function, or null when refused. */
export function createBulkhead({ concurrency, queue, waitMs }) {
  let active = 0;
  const line = [];
  const release = () => {
    const next = line.shift();
    if (next) {
      clearTimeout(next.timer);
      next.resolve(once());
    } else active--;
  };
  const once = () => {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      release();
    };
  };
  return {
    acquire() {
      if (active < concurrency) {
        active++;
        return Promise.resolve(once());
      }
      if (line.length >= queue) return Promise.resolve(null);
      return new Promise((resolve) => {
        const entry = { resolve, timer: null };
        entry.timer = setTimeout(() => {
          line.splice(line.indexOf(entry), 1);
          resolve(null);
        }, waitMs);
        line.push(entry);
      });
    },
    get active() {
      return active;
    },
    get waiting() {
      return line.length;
    },
  };
}

/** Runs `handle` within the bulkhead when the request is a public one; answers 503 when refused. */
export function throughBulkhead(bulkhead, req, res, handle) {
  const pathname = (req.url ?? '/').split('?')[0];
  if (!isPublicPath(pathname)) return handle();
  return bulkhead.acquire().then((release) => {
    if (!release) {
      res.statusCode = 503;
      res.setHeader('retry-after', '5');
      res.setHeader('cache-control', 'no-store');
      res.setHeader('content-type', 'text/plain; charset=utf-8');
      res.end('Teenus on hetkel ülekoormatud, proovige mõne hetke pärast uuesti.\nThe service is busy, please try again in a moment.\n');
      return;
    }
    // A visitor who gave up while in line: the slot goes straight to the next one.
    if (res.destroyed || req.socket?.destroyed) return release();
    res.once('close', release);
    return handle();
  });
}
