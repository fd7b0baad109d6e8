import { NextResponse, type NextRequest } from 'next/server';
import { getCurrentUser, getRequestId } from '@/server/auth/current-user';
import { readIssuedPdf } from '@/server/issuing/queries';

export const dynamic = 'force-dynamic';

// The issued PDF exactly as stored (never rendered again), only to those who may see its
// register document; the download is audited in readIssuedPdf.
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return NextResponse.redirect(new URL('/sisene', request.url));
  const { id } = await params;
  const notFound = () => new NextResponse('Not found', { status: 404, headers: { 'cache-control': 'no-store' } });
  if (!/^[0-9a-f-]{36}$/i.test(id)) return notFound();
  let file;
  try {
    file = await readIssuedPdf(user, id, { requestId: await getRequestId() });
  } catch {
    file = null;
  }
  if (!file) return notFound();
  return new NextResponse(new Uint8Array(file.bytes), {
    headers: {
      'content-type': 'application/pdf',
      'content-length': String(file.bytes.length),
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
    },
  });
}
