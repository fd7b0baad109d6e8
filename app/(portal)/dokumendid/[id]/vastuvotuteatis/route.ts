import { NextResponse, type NextRequest } from 'next/server';
import { getCurrentUser, getRequestId } from '@/server/auth/current-user';
import { receiptConfirmation } from '@/server/register/receipt';

export const dynamic = 'force-dynamic';

// The client's confirmation of receipt (`?keel=et|en`), shown in the browser to print.
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return NextResponse.redirect(new URL('/sisene', request.url));
  const { id } = await params;
  const notFound = () => new NextResponse('Not found', { status: 404, headers: { 'cache-control': 'no-store' } });
  if (!/^[0-9a-f-]{36}$/i.test(id)) return notFound();
  const language = request.nextUrl.searchParams.get('keel') === 'en' ? 'en' : 'et';
  let file;
  try {
    file = await receiptConfirmation(user, id, language, { requestId: await getRequestId() });
  } catch {
    file = null;
  }
  if (!file) return notFound();
  return new NextResponse(new Uint8Array(file.bytes), {
    headers: {
      'content-type': 'application/pdf',
      'content-length': String(file.bytes.length),
      'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
    },
  });
}
