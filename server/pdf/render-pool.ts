import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { TemplateId } from '@/templates/registry';
import type { RenderContext } from '@/templates/shared/types';

// A single render worker at a time, replaced after `maxRenders` documents. The replacement
// is started (and warmed up) a little before the old one retires, so no request waits for
// a cold worker; the old one finishes what it has and is terminated. A worker that crashes
// or hangs is dropped and the next request gets a fresh one.

export type PoolOptions = {
  /** The project root: the worker file, tsconfig and assets/fonts are found from here. */
  root: string;
  maxRenders: number;
  renderTimeoutMs: number;
  /** Render every template once in a new worker before it takes requests. */
  warmup: boolean;
};

export type WorkerStats = {
  generation: number;
  /** Documents rendered for callers (warm-up renders are counted apart). */
  renders: number;
  warmupRenders: number;
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
};

/**
 * The worker script on disk. It must never be bundled: Turbopack follows any `new Worker`
 * whose path it can work out (and would then bundle tsx into the server), so the file name
 * is put together here, out of its sight.
 */
function workerFile(root: string): string {
  const parts = ['server', 'pdf', ['render-worker', 'mjs'].join('.')];
  return path.join(root, ...parts);
}

type Pending = { resolve: (value: never) => void; reject: (error: Error) => void; timer?: NodeJS.Timeout };

class WorkerHandle {
  readonly worker: Worker;
  readonly ready: Promise<void>;
  dispatched = 0;
  dead = false;
  private retiring = false;
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();

  constructor(
    readonly generation: number,
    private readonly options: PoolOptions,
  ) {
    this.worker = new Worker(workerFile(options.root), {
      workerData: { root: options.root, fontDir: path.join(options.root, 'assets/fonts'), warmup: options.warmup },
      // React and react-pdf in production mode: the development build leaks more and runs slower.
      env: { ...process.env, NODE_ENV: 'production' },
      // The worker is plain Node whatever started the portal (tsx, vitest): it registers tsx itself.
      execArgv: [],
      // react-pdf allocates a lot of short-lived objects: a larger young generation means
      // fewer scavenges (p95 of the warm certificate fell by a quarter in the benchmark).
      resourceLimits: { maxYoungGenerationSizeMb: 48 },
      stdout: false,
      stderr: false,
    });
    // The worker keeps the process alive only while it starts or has work, so scripts and
    // tests end without closing the pool.
    this.ready = new Promise<void>((resolve, reject) => {
      this.worker.once('message', (message: { type: string }) => (message.type === 'ready' ? resolve() : reject(new Error('PDF worker did not start'))));
      this.worker.once('error', reject);
      this.worker.once('exit', (code) => reject(new Error(`PDF worker exited with code ${code} while starting`)));
    });
    this.ready.then(
      () => this.updateRef(),
      () => {}, // a failed start is reported to the request that awaits it
    );
    this.worker.on('message', (message: { type: string; id?: number; bytes?: Uint8Array; message?: string; stats?: WorkerStats }) => {
      if (message.id === undefined) return;
      const pending = this.pending.get(message.id);
      if (!pending) return;
      this.pending.delete(message.id);
      clearTimeout(pending.timer);
      if (message.type === 'rendered') pending.resolve(message.bytes as never);
      else if (message.type === 'stats') pending.resolve({ ...message.stats, generation: this.generation } as never);
      else pending.reject(new Error(`PDF render failed: ${message.message}`));
      this.updateRef();
      this.maybeFinishRetiring();
    });
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`PDF worker exited with code ${code}`)));
  }

  /**
   * Registers the request at once (so a retiring worker waits for it) and posts it when the
   * worker is ready.
   */
  private request<T>(message: object, timeoutMs?: number): Promise<T> {
    if (this.dead) return Promise.reject(new Error('PDF worker is not running'));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const pending: Pending = { resolve: resolve as (value: never) => void, reject };
      this.pending.set(id, pending);
      this.updateRef();
      this.ready.then(
        () => {
          if (!this.pending.has(id)) return;
          if (timeoutMs) {
            pending.timer = setTimeout(() => {
              this.pending.delete(id);
              reject(new Error(`PDF render took longer than ${timeoutMs} ms`));
              // A hung render would hold every later one: drop this worker.
              void this.terminate();
            }, timeoutMs);
          }
          this.worker.postMessage({ ...message, id });
        },
        (error: Error) => {
          this.pending.delete(id);
          reject(error);
        },
      );
    });
  }

  private updateRef() {
    if (this.dead) return;
    if (this.pending.size > 0) this.worker.ref();
    else this.worker.unref();
  }

  render(templateId: TemplateId, data: unknown, ctx: RenderContext): Promise<Uint8Array> {
    return this.request<Uint8Array>({ type: 'render', templateId, data, ctx }, this.options.renderTimeoutMs);
  }

  stats(gc: boolean): Promise<WorkerStats> {
    return this.request<WorkerStats>({ type: 'stats', gc }, 10_000);
  }

  /** Stop taking work; terminate once what was sent has come back. */
  retire() {
    this.retiring = true;
    this.maybeFinishRetiring();
  }

  private maybeFinishRetiring() {
    if (this.retiring && this.pending.size === 0) void this.terminate();
  }

  async terminate() {
    if (this.dead) return;
    this.dead = true;
    await this.worker.terminate();
    this.failPending(new Error('PDF worker was stopped'));
  }

  private fail(error: Error) {
    this.dead = true;
    this.failPending(error);
  }

  private failPending(error: Error) {
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer);
      pending.reject(error);
      this.pending.delete(id);
    }
  }
}

export class RenderPool {
  private active: WorkerHandle | null = null;
  private standby: WorkerHandle | null = null;
  private generations = 0;
  private closed = false;

  constructor(readonly options: PoolOptions) {}

  private spawn(): WorkerHandle {
    return new WorkerHandle(++this.generations, this.options);
  }

  private take(): WorkerHandle {
    if (this.closed) throw new Error('PDF render pool is closed');
    if (this.active && (this.active.dead || this.active.dispatched >= this.options.maxRenders)) {
      this.active.retire();
      this.active = null;
    }
    if (!this.active) {
      this.active = this.standby && !this.standby.dead ? this.standby : this.spawn();
      this.standby = null;
    }
    const handle = this.active;
    handle.dispatched++;
    // Start the successor when nine tenths are used, so it is warm when it is needed.
    if (!this.standby && handle.dispatched >= Math.ceil(this.options.maxRenders * 0.9)) this.standby = this.spawn();
    return handle;
  }

  render(templateId: TemplateId, data: unknown, ctx: RenderContext): Promise<Uint8Array> {
    return this.take().render(templateId, data, ctx);
  }

  /** Starts (and warms, when configured) the worker that takes the next render, and waits until it is ready. */
  async start(): Promise<void> {
    if (this.closed) throw new Error('PDF render pool is closed');
    if (!this.active || this.active.dead) this.active = this.spawn();
    await this.active.ready;
  }

  /** Memory of the worker that takes the next render (the benchmark's "no growth" figure). */
  async stats({ gc = false } = {}): Promise<WorkerStats> {
    const handle = this.active && !this.active.dead ? this.active : null;
    if (!handle) throw new Error('no PDF worker is running');
    return handle.stats(gc);
  }

  /** Which worker generation serves now: rises by one each time a worker is replaced. */
  get generation(): number {
    return this.active?.generation ?? 0;
  }

  async close() {
    this.closed = true;
    await Promise.all([this.active?.terminate(), this.standby?.terminate()]);
    this.active = this.standby = null;
  }
}
