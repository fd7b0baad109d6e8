import { isUuid, serveDownload } from '@/server/http/download';
import { getAttachment } from '@/server/incidents/queries';

// Attachments are served only to people who may see the ticket, as downloads with the
// type detected at upload, never sniffed or rendered inline by the browser.
export async function GET(request: Request, { params }: { params: Promise<{ number: string; id: string }> }) {
  const { number, id } = await params;
  return serveDownload(request, async (user) => {
    const file = /^IT-\d{4}-\d{6}$/.test(number) && isUuid(id) ? await getAttachment(user, number, id) : null;
    return file && { fileName: file.filename, contentType: file.mime, body: file.content };
  });
}
