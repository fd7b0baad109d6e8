import { isUuid, serveDownload } from '@/server/http/download';
import { getProposalAttachment } from '@/server/proposals/queries';

// A proposal's file goes only to its author and the managers who may answer it, as a download.
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return serveDownload(request, async (user) => {
    const file = isUuid(id) ? await getProposalAttachment(user, id) : null;
    return file && { fileName: file.filename, contentType: file.mime, body: file.content };
  });
}
