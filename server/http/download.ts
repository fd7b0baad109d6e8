import 'server-only';
import { getCurrentUser, getRequestId } from '@/server/auth/current-user';
import { ForbiddenError } from '@/server/auth/policy';
import type { CurrentUser } from '@/server/auth/sessions';

// The one way the portal answers with a file: an attachment, an issued PDF, an export. The
// work (authorization, rows, audit) is the domain's export function under server/<domain>/;
// a route handler only hands it the person and the request (docs/architecture.md).

/** A file as a domain function returns it. */
export type Download = { fileName: string; contentType: string; body: string | Uint8Array };

/**
 * `Content-Disposition` with both names of RFC 6266: `filename` an ASCII stand-in (anything
 * outside printable ASCII, quotes, backslashes and line breaks become `_`) for old clients,
 * `filename*` the real name in UTF-8, percent-encoded as RFC 5987 allows (so Estonian letters
 * survive and no header can be split by a CR/LF in a stored file name).
 */
export function contentDisposition(fileName: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const name = fileName.replace(/[\u0000-\u001f\u007f]/g, '_').trim() || 'fail';
  const fallback = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** The file as a response: never cached, never sniffed; `inline` lets a PDF open in the browser. */
export function downloadResponse(file: Download, { inline = false }: { inline?: boolean } = {}): Response {
  const body = typeof file.body === 'string' ? file.body : new Uint8Array(file.body);
  const length = typeof file.body === 'string' ? Buffer.byteLength(file.body) : file.body.byteLength;
  return new Response(body, {
    headers: {
      'content-type': file.contentType,
      'content-length': String(length),
      'content-disposition': contentDisposition(file.fileName, inline ? 'inline' : 'attachment'),
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
    },
  });
}

export const notFoundResponse = () => new Response('Not found', { status: 404, headers: { 'cache-control': 'no-store' } });

/**
 * A download route's whole body: the signed-in person (or the sign-in page), then the export
 * function. Nothing to give (null) and a refusal (ForbiddenError) both answer 404, so a
 * forbidden file looks like one that does not exist.
 */
export async function serveDownload(
  request: Request,
  exportFile: (user: CurrentUser, ctx: { requestId: string }) => Promise<Download | null>,
  options?: { inline?: boolean },
): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return Response.redirect(new URL('/sisene', request.url), 303);
  let file: Download | null;
  try {
    file = await exportFile(user, { requestId: await getRequestId() });
  } catch (error) {
    if (error instanceof ForbiddenError) return notFoundResponse();
    throw error;
  }
  return file ? downloadResponse(file, options) : notFoundResponse();
}

export const isUuid = (value: string) => /^[0-9a-f-]{36}$/i.test(value);
