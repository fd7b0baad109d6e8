import { isUuid, serveDownload } from '@/server/http/download';
import { readAttachment } from '@/server/register/attachment-download';

// A scan, only to someone who may see its document; the download is audited in readAttachment.
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return serveDownload(request, async (user, ctx) => {
    const file = isUuid(id) ? await readAttachment(user, id, ctx).catch(() => null) : null;
    return file && { fileName: file.fileName, contentType: file.mimeType, body: file.bytes };
  });
}
