import type { IncomingMessage, ServerResponse } from 'node:http';

export const LIMITED_MARKER: string;
export function pageEtag(body: Buffer): string;
export function holdPublicPage(req: IncomingMessage, res: ServerResponse): void;
