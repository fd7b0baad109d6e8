import { NextResponse, type NextRequest } from 'next/server';
import { exportAssessmentApplication } from '@/server/assessments/mutations';
import { getCurrentUser, getRequestId } from '@/server/auth/current-user';
import { can } from '@/server/auth/policy';

// The application's data as JSON for the assessment information system; the export is
// recorded (export row and audit row) by the domain function.
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return NextResponse.redirect(new URL('/sisene', request.url));
  const { id } = await params;
  if (!can(user, 'assessments.export') || !/^[0-9a-f-]{36}$/.test(id)) return new NextResponse('Not found', { status: 404 });
  const result = await exportAssessmentApplication(user, id, { requestId: await getRequestId() });
  if (!result) return new NextResponse('Not found', { status: 404 });
  return new NextResponse(result.json, {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="${result.fileName}"`,
      'cache-control': 'no-store',
    },
  });
}
