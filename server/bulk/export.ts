import 'server-only';
import { authorize, type Actor } from '@/server/auth/policy';
import type { Download } from '@/server/http/download';
import { exampleCsv, getBulkTemplate } from '@/templates/bulk';

/** The example CSV of a bulk template: its columns and two filled rows, as Excel saves it. */
export function bulkExampleCsv(actor: Actor, templateId: string): Download | null {
  authorize(actor, 'documents.issue_bulk');
  const template = getBulkTemplate(templateId);
  if (!template) return null;
  return { fileName: `${template.templateId}-naidis.csv`, contentType: 'text/csv; charset=utf-8', body: exampleCsv(template) };
}
