import { getCurrentUser } from '@/server/auth/current-user';
import { can } from '@/server/auth/policy';
import { renderDraftSample } from '@/server/templates/queries';

export const dynamic = 'force-dynamic';

// The template's sample with its open draft's texts (`?keel=en` for another of its
// languages), marked NÄIDIS. Administrators only.
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return Response.redirect(new URL('/sisene', request.url), 303);
  const notFound = () => new Response('Not found', { status: 404, headers: { 'cache-control': 'no-store' } });
  if (!can(user, 'templates.read')) return notFound();
  const { id } = await params;
  const language = new URL(request.url).searchParams.get('keel') ?? undefined;
  const sample = await renderDraftSample(user, id, language);
  if (!sample) return notFound();
  return new Response(new Uint8Array(sample.bytes), {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `inline; filename="${sample.filename}"`,
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}
