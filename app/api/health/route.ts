import { NextResponse } from 'next/server';
import { appliedMigrationCount, getDbHandle } from '@/db/client';
import { readAuthConfig } from '@/server/auth/config';

export const dynamic = 'force-dynamic';

export async function GET() {
  const auth = readAuthConfig();
  try {
    const { db, kind } = await getDbHandle();
    const migrations = await appliedMigrationCount(db);
    const ok = auth.ok;
    return NextResponse.json(
      { status: ok ? 'ok' : 'auth-misconfigured', database: kind, migrations, auth: auth.ok ? 'ok' : auth.problems },
      { status: ok ? 200 : 503, headers: { 'cache-control': 'no-store' } },
    );
  } catch (error) {
    console.error(JSON.stringify({ level: 'error', source: 'health', message: (error as Error).message }));
    return NextResponse.json({ status: 'database-unavailable', auth: auth.ok ? 'ok' : 'misconfigured' }, { status: 503 });
  }
}
