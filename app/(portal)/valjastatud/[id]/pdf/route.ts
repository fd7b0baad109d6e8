import { isUuid, serveDownload } from '@/server/http/download';
import { readIssuedPdf } from '@/server/issuing/queries';

export const dynamic = 'force-dynamic';

// The issued PDF exactly as stored (never rendered again), only to those who may see its
// register document; the download is audited in readIssuedPdf.
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return serveDownload(request, async (user, ctx) => {
    const file = isUuid(id) ? await readIssuedPdf(user, id, ctx).catch(() => null) : null;
    return file && { fileName: file.fileName, contentType: 'application/pdf', body: file.bytes };
  });
}
