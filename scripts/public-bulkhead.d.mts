import type { IncomingMessage, ServerResponse } from 'node:http';

export type Release = () => void;
export type Bulkhead = { acquire(): Promise<Release | null>; readonly active: number; readonly waiting: number };
export function isPublicPath(pathname: string): boolean;
export function bulkheadFromEnv(env?: Record<string, string | undefined>): Bulkhead;
export function createBulkhead(options: { concurrency: number; queue: number; waitMs: number }): Bulkhead;
export function throughBulkhead(bulkhead: Bulkhead, req: IncomingMessage, res: ServerResponse, handle: () => unknown): unknown;
