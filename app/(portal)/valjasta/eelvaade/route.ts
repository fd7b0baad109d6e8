import { getCurrentUser } from '@/server/auth/current-user';
import { can } from '@/server/auth/policy';
import { downloadResponse } from '@/server/http/download';
import { previewDocument, TemplateDataError } from '@/server/pdf';
import { previewTexts } from '@/server/templates/texts';

export const dynamic = 'force-dynamic';

// The issuing form's preview: POST { templateId, data } → the PDF marked EELVAADE, no number,
// nothing registered or stored. Invalid data → 422 with the field errors (under `data.`).
export async function POST(request: Request) {
  const user = await getCurrentUser();
  const json = (body: unknown, status: number) => Response.json(body, { status, headers: { 'cache-control': 'no-store' } });
  if (!user) return json({ formError: 'auth.sessionEnded' }, 401);
  if (!can(user, 'documents.issue')) return json({ formError: 'errors.forbidden' }, 403);
  let body: { templateId?: unknown; data?: unknown };
  try {
    body = (await request.json()) as typeof body;
  } catch {
    return json({ formError: 'errors.generic' }, 400);
  }
  try {
    const templateId = String(body.templateId ?? '');
    const bytes = await previewDocument(templateId, body.data, await previewTexts(templateId));
    return downloadResponse({ fileName: 'eelvaade.pdf', contentType: 'application/pdf', body: bytes }, { inline: true });
  } catch (error) {
    if (error instanceof TemplateDataError) {
      return json({ formError: 'errors.fixFields', fieldErrors: Object.fromEntries(Object.entries(error.fieldErrors).map(([k, v]) => [`data.${k}`, v])) }, 422);
    }
    return json({ formError: 'errors.notFound' }, 404);
  }
}
