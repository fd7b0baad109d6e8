import { getCurrentUser } from '@/server/auth/current-user';
import { getAttachment } from '@/server/incidents/queries';

// Attachments are served only to people who may see the ticket, as downloads with the
// type detected at upload, never sniffed or rendered inline by the browser.
export async function GET(_request: Request, { params }: { params: Promise<{ number: string; id: string }> }) {
  const user = await getCurrentUser();
  const { number, id } = await params;
  if (!user || !/^IT-\d{4}-\d{6}$/.test(number) || !/^[0-9a-f-]{36}$/i.test(id)) return new Response('Not found', { status: 404 });
  const file = await getAttachment(user, number, id);
  if (!file) return new Response('Not found', { status: 404 });
  return new Response(new Uint8Array(file.content), {
    headers: {
      'content-type': file.mime,
      'content-disposition': `attachment; filename="${file.filename.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
    },
  });
}
