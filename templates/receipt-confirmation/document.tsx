import { Text } from '@react-pdf/renderer';
import { AGENCY } from '@/lib/agency';
import { formatDate } from '@/lib/format';
import { Facts } from '../shared/blocks';
import { DocumentShell } from '../shared/layout';
import { s } from '../shared/styles';
import type { RenderContext } from '../shared/types';
import type { ReceiptConfirmationData } from './definition';

const WORDING = {
  et: {
    title: 'Dokumendi vastuvõtmise kinnitus',
    lead: (d: ReceiptConfirmationData) =>
      `Sotsiaalkindlustusamet kinnitab, et võttis ${formatDate(d.receivedOn)} vastu allpool nimetatud dokumendi ja registreeris selle.`,
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
    deadlineText: (d: ReceiptConfirmationData) =>
      d.deadline
        ? `Vastame hiljemalt ${formatDate(d.deadline)}. Kui Teilt on vaja lisadokumente, anname sellest kirjalikult teada; kuni need on esitatud, tähtaeg peatub.`
        : 'Sellele dokumendile ei ole seadusega vastamise tähtaega määratud.',
    ask: (d: ReceiptConfirmationData) =>
      `Menetluse kohta saate küsida telefonil ${AGENCY.phoneShort} (välismaalt ${AGENCY.phoneFromAbroad}), e-posti aadressil ${AGENCY.email} või klienditeeninduses. Palun öelge registreerimisnumber ${d.registrationNumber}.`,
    registeredBy: 'Vastu võttis',
  },
  en: {
    title: 'Confirmation of receipt',
    lead: (d: ReceiptConfirmationData) =>
      `The Social Insurance Board confirms that it received the document below on ${formatDate(d.receivedOn)} and registered it.`,
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
    deadlineText: (d: ReceiptConfirmationData) =>
      d.deadline
        ? `We will reply by ${formatDate(d.deadline)}. If we need further documents from you, we will tell you in writing; the deadline is paused until you submit them.`
        : 'The law sets no reply deadline for this document.',
    ask: (d: ReceiptConfirmationData) =>
      `To ask about it, call ${AGENCY.phoneFromAbroad} (${AGENCY.phoneShort} within Estonia), write to ${AGENCY.email} or visit a customer service office. Please give the registration number ${d.registrationNumber}.`,
    registeredBy: 'Received by',
  },
} as const;

export function ReceiptConfirmation({ data, ctx }: { data: ReceiptConfirmationData; ctx: RenderContext }) {
  const w = WORDING[data.language];
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
    <DocumentShell ctx={ctx} language={data.language} title={w.title} subject={`${w.title} ${data.registrationNumber}`} pageNumbers={false}>
      <Text style={s.title}>{w.title}</Text>
      <Text style={s.paragraph}>{w.lead(data)}</Text>
      <Facts rows={rows} />
      <Text style={s.paragraph}>{w.deadlineText(data)}</Text>
      <Text style={s.paragraph}>{w.ask(data)}</Text>
    </DocumentShell>
  );
}
