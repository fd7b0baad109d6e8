import { NextResponse, type NextRequest } from 'next/server';
import { exampleCsv, getBulkTemplate } from '@/templates/bulk';
import { getCurrentUser } from '@/server/auth/current-user';
import { can } from '@/server/auth/policy';

// The example CSV for a bulk template (`?mall=`): its columns and two filled rows, as Excel saves it.
export async function GET(request: NextRequest) {
  const user = await getCurrentUser();
  if (!user) return NextResponse.redirect(new URL('/sisene', request.url));
  const template = getBulkTemplate(request.nextUrl.searchParams.get('mall') ?? '');
  if (!can(user, 'documents.issue_bulk') || !template) return new NextResponse('Not found', { status: 404 });
  return new NextResponse(exampleCsv(template), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${template.templateId}-naidis.csv"`,
      'cache-control': 'private, no-store',
    },
  });
}
