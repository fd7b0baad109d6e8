import { getCurrentUser } from '@/server/auth/current-user';
import { getTaskAttachment } from '@/server/tasks/queries';

// Task files go only to people who may read a task of the batch, as downloads.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; fileId: string }> }) {
  const user = await getCurrentUser();
  const { id, fileId } = await params;
  const uuid = /^[0-9a-f-]{36}$/i;
  if (!user || !uuid.test(id) || !uuid.test(fileId)) return new Response('Not found', { status: 404 });
  const file = await getTaskAttachment(user, id, fileId);
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
