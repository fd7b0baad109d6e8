import type { NextRequest } from 'next/server';
import { serveDownload } from '@/server/http/download';
import { exportRegister } from '@/server/register/export';

// The register list, with the list's filters, as CSV (server/register/export.ts).
export function GET(request: NextRequest) {
  return serveDownload(request, (user, ctx) => exportRegister(user, Object.fromEntries(request.nextUrl.searchParams), ctx));
}
