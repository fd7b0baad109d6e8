import { isUuid, serveDownload } from '@/server/http/download';
import { exportPaymentBatch } from '@/server/payments/export';

// The batch's pain.001 file, to finance only; a refusal is audited (server/payments/export.ts).
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return serveDownload(request, async (user, ctx) => (isUuid(id) ? exportPaymentBatch(user, id, ctx) : null));
}
