import { getCurrentUser } from '@/server/auth/current-user';
import { getProposalAttachment } from '@/server/proposals/queries';

// A proposal's file goes only to its author and the managers who may answer it, as a download.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  const { id } = await params;
  if (!user || !/^[0-9a-f-]{36}$/i.test(id)) return new Response('Not found', { status: 404 });
  const file = await getProposalAttachment(user, id);
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
