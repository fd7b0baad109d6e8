import { exportAssessmentApplication } from '@/server/assessments/mutations';
import { isUuid, serveDownload } from '@/server/http/download';

// The application's data as JSON for the assessment information system; the export is
// recorded (export row and audit row) by the domain function.
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return serveDownload(request, async (user, ctx) => {
    const result = isUuid(id) ? await exportAssessmentApplication(user, id, ctx) : null;
    return result && { fileName: result.fileName, contentType: 'application/json; charset=utf-8', body: result.json };
  });
}
