import { serveDownload } from '@/server/http/download';
import { renderDraftSample } from '@/server/templates/queries';

export const dynamic = 'force-dynamic';

// The template's sample with its open draft's texts (`?keel=en` for another of its
// languages), marked NÄIDIS. Administrators only; anyone else gets the same 404 as for a
// template with no draft.
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const language = new URL(request.url).searchParams.get('keel') ?? undefined;
  return serveDownload(
    request,
    async (user) => {
      const sample = await renderDraftSample(user, id, language);
      return sample && { fileName: sample.filename, contentType: 'application/pdf', body: sample.bytes };
    },
    { inline: true },
  );
}
