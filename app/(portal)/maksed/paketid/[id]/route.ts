import { recordAudit } from '@/server/audit/record';
import { getCurrentUser, getRequestId } from '@/server/auth/current-user';
import { can } from '@/server/auth/policy';
import { downloadBatch } from '@/server/payments/mutations';

// The batch's pain.001 file goes to finance only; anyone else is refused (and the refusal audited).
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  const { id } = await params;
  if (!user || !/^[0-9a-f-]{36}$/i.test(id)) return new Response('Not found', { status: 404 });
  const requestId = await getRequestId();
  if (!can(user, 'payments.batch')) {
    await recordAudit({
      actorCode: user.personalCode,
      actorRole: user.roles.join(','),
      action: 'payment_batch.download',
      outcome: 'denied',
      entityType: 'payment_batch',
      entityId: id,
      requestId,
      details: { permission: 'payments.batch' },
    });
    return new Response('Not found', { status: 404 });
  }
  const file = await downloadBatch(user, id, { requestId });
  if (!file) return new Response('Not found', { status: 404 });
  return new Response(file.xml, {
    headers: {
      'content-type': 'application/xml; charset=utf-8',
      'content-disposition': `attachment; filename="${file.fileName}"`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
    },
  });
}
