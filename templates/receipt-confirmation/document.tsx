import { Text } from '@react-pdf/renderer';
import { formatDate } from '@/lib/format';
import { Facts } from '../shared/blocks';
import { DocumentShell } from '../shared/layout';
import { documentTexts } from '../shared/text-block';
import { s } from '../shared/styles';
import type { RenderContext } from '../shared/types';
import type { ReceiptConfirmationData } from './definition';
import { texts } from './texts';

// The fixed frame's labels; the wording around them is the texts' (./texts.ts).
const LABELS = {
  et: {
    number: 'Registreerimisnumber',
    registeredOn: 'Registreeritud',
    receivedOn: 'Vastu võetud',
    party: 'Esitaja',
    what: 'Dokument',
    files: 'Lisatud failid',
    pages: 'Lehti',
    unit: 'Menetleja',
    deadline: 'Vastamise tähtaeg',
    noDeadline: 'tähtaega ei ole',
    registeredBy: 'Vastu võttis',
  },
  en: {
    number: 'Registration number',
    registeredOn: 'Registered on',
    receivedOn: 'Received on',
    party: 'Submitted by',
    what: 'Document',
    files: 'Files attached',
    pages: 'Pages',
    unit: 'Handled by',
    deadline: 'Reply due by',
    noDeadline: 'no deadline',
    registeredBy: 'Received by',
  },
} as const;

export function ReceiptConfirmation({ data, ctx }: { data: ReceiptConfirmationData; ctx: RenderContext }) {
  const w = LABELS[data.language];
  const t = documentTexts(texts, ctx, data.language, data);
  const title = t.plain('title');
  const rows: [string, string][] = [
    [w.number, data.registrationNumber],
    [w.registeredOn, formatDate(data.registeredOn)],
    [w.receivedOn, formatDate(data.receivedOn)],
    [w.party, data.party],
    [w.what, data.title ? `${data.typeName}: ${data.title}` : data.typeName],
  ];
  if (data.files > 0) rows.push([w.files, String(data.files)]);
  if (data.pages) rows.push([w.pages, String(data.pages)]);
  rows.push([w.unit, data.unitName], [w.deadline, data.deadline ? formatDate(data.deadline) : w.noDeadline], [w.registeredBy, data.registeredBy]);
  return (
    <DocumentShell ctx={ctx} language={data.language} title={title} subject={`${title} ${data.registrationNumber}`} pageNumbers={false}>
      <Text style={s.title}>{title}</Text>
      {t.block('lead')}
      <Facts rows={rows} />
      {t.block(data.deadline ? 'deadline' : 'noDeadline')}
      {t.block('ask')}
    </DocumentShell>
  );
}
