import type { IncomingMessage, ServerResponse } from 'node:http';

export const LIMITED_MARKER: string;
export const BUSY_MARKER: string;
export function pageEtag(body: Buffer): string;
/** Whether Accept-Encoding takes gzip (listed, and not with q=0). */
export function acceptsGzip(header: string | string[] | undefined): boolean;
export function holdPublicPage(req: IncomingMessage, res: ServerResponse): void;
