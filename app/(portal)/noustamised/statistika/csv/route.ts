import type { NextRequest } from 'next/server';
import { exportConsultationStats } from '@/server/consultations/export';
import { serveDownload } from '@/server/http/download';

// The statistics as CSV (server/consultations/export.ts).
export function GET(request: NextRequest) {
  return serveDownload(request, (user, ctx) => exportConsultationStats(user, Object.fromEntries(request.nextUrl.searchParams), ctx));
}
