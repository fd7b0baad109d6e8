import { isUuid, serveDownload } from '@/server/http/download';
import { receiptConfirmation } from '@/server/register/receipt';

export const dynamic = 'force-dynamic';

// The client's confirmation of receipt (`?keel=et|en`), shown in the browser to print.
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const language = new URL(request.url).searchParams.get('keel') === 'en' ? 'en' : 'et';
  return serveDownload(
    request,
    async (user, ctx) => {
      if (!isUuid(id)) return null;
      const file = await receiptConfirmation(user, id, language, ctx);
      return file && { fileName: file.fileName, contentType: 'application/pdf', body: file.bytes };
    },
    { inline: true },
  );
}
