import { NextResponse } from 'next/server';
import { log } from '@/server/observability/log';
import { checkReadiness } from '@/server/ops/health';

export const dynamic = 'force-dynamic';

// Readiness (also at /api/health/ready); liveness is /api/health/live.
export async function GET() {
  const readiness = await checkReadiness();
  if (readiness.status === 'database-unavailable') log('health').error({ event: 'not-ready', status: readiness.status });
  const { ok, ...body } = readiness;
  return NextResponse.json(body, { status: ok ? 200 : 503, headers: { 'cache-control': 'no-store' } });
}
