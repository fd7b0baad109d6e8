import { NextResponse, type NextRequest } from 'next/server';
import { getCurrentUser, getRequestId } from '@/server/auth/current-user';
import { readAttachment } from '@/server/register/queries';

// A scan, only to someone who may see its document; the download is audited in readAttachment.
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return NextResponse.redirect(new URL('/sisene', request.url));
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) return new NextResponse('Not found', { status: 404 });
  let file;
  try {
    file = await readAttachment(user, id, { requestId: await getRequestId() });
  } catch {
    file = null;
  }
  if (!file) return new NextResponse('Not found', { status: 404 });
  return new NextResponse(new Uint8Array(file.bytes), {
    headers: {
      'content-type': file.mimeType,
      'content-length': String(file.size),
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    },
  });
}
