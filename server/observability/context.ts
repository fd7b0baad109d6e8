import { AsyncLocalStorage } from 'node:async_hooks';

// The request a piece of work belongs to, without threading it through every call: the
// launcher (scripts/start.mjs) opens a context per HTTP request, runAction opens one per
// server action, the worker one per delivered message. Log lines carry it (log.ts), and
// notify() stamps it on outbox messages. Kept on globalThis so the launcher's copy and
// the Next bundle's copy of this module share one store.

/**
 * The request a domain function runs for: its id (audit rows, logs, outbox messages), the
 * route where known, and in tests the moment it happens (`now`, default the clock).
 */
export type RequestContext = { requestId: string; route?: string; now?: Date };

const key = Symbol.for('toolaud.requestContext');
type WithStore = typeof globalThis & { [key]?: AsyncLocalStorage<RequestContext> };

function store(): AsyncLocalStorage<RequestContext> {
  const g = globalThis as WithStore;
  g[key] ??= new AsyncLocalStorage<RequestContext>();
  return g[key];
}

export function withRequestContext<T>(context: RequestContext, run: () => T): T {
  return store().run(context, run);
}

export function currentRequestContext(): RequestContext | undefined {
  return store().getStore();
}

export function currentRequestId(): string | null {
  return store().getStore()?.requestId ?? null;
}

// An id that came from outside (nginx, a client) is used only if it looks like one:
// letters, digits, dashes and dots, at most 64 — never CR/LF or anything else that a log
// line or a header could be forged with.
const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

export function acceptRequestId(value: string | null | undefined): string {
  return value && REQUEST_ID.test(value) ? value : crypto.randomUUID();
}
