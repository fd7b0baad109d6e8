import { isUuid, serveDownload } from '@/server/http/download';
import { getTaskAttachment } from '@/server/tasks/queries';

// Task files go only to people who may read a task of the batch, as downloads.
export async function GET(request: Request, { params }: { params: Promise<{ id: string; fileId: string }> }) {
  const { id, fileId } = await params;
  return serveDownload(request, async (user) => {
    const file = isUuid(id) && isUuid(fileId) ? await getTaskAttachment(user, id, fileId) : null;
    return file && { fileName: file.filename, contentType: file.mime, body: file.content };
  });
}
