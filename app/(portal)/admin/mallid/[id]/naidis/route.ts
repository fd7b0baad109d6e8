import { serveDownload } from '@/server/http/download';
import { renderTemplateSample } from '@/server/templates/queries';

export const dynamic = 'force-dynamic';

// The sample PDF of one template (`?keel=en` for another of its languages), rendered by the
// PDF worker on request and opened in the browser. Administrators only; anyone else gets the
// same 404 as for a template that does not exist.
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const language = new URL(request.url).searchParams.get('keel') ?? undefined;
  return serveDownload(
    request,
    async (user) => {
      const sample = await renderTemplateSample(user, id, language);
      return sample && { fileName: sample.filename, contentType: 'application/pdf', body: sample.bytes };
    },
    { inline: true },
  );
}
