import { NextResponse } from 'next/server';

export const dynamic = 'force-dynamic';

// Liveness: the process serves requests. No database, no configuration: a portal that
// cannot reach PostgreSQL is not ready, but restarting it would not help.
export function GET() {
  return NextResponse.json({ status: 'alive', uptimeSeconds: Math.round(process.uptime()) }, { headers: { 'cache-control': 'no-store' } });
}
