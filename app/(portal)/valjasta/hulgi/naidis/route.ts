import type { NextRequest } from 'next/server';
import { bulkExampleCsv } from '@/server/bulk/export';
import { serveDownload } from '@/server/http/download';

// The example CSV for a bulk template (`?mall=`), server/bulk/export.ts.
export function GET(request: NextRequest) {
  return serveDownload(request, async (user) => bulkExampleCsv(user, request.nextUrl.searchParams.get('mall') ?? ''));
}
