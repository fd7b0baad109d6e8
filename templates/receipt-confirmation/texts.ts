import { AGENCY } from '@/lib/agency';
import { formatDate } from '@/lib/format';
import type { TemplateTextSpec } from '../shared/texts';
import type { ReceiptConfirmationData } from './definition';

// The confirmation of receipt's texts an administrator may change (templates/shared/texts.ts).
// The facts table (number, dates, what was received, who handles it) stays data.
export const texts: TemplateTextSpec<ReceiptConfirmationData> = {
  blocks: [
    {
      key: 'title',
      label: { et: 'Pealkiri', en: 'Heading' },
      kind: 'heading',
      max: 200,
      initial: { et: 'Dokumendi vastuvõtmise kinnitus', en: 'Confirmation of receipt' },
    },
    {
      key: 'lead',
      label: { et: 'Sissejuhatus (andmete kohal)', en: 'Introduction (above the facts)' },
      kind: 'text',
      max: 1000,
      required: ['vastuvõetud'],
      initial: {
        et: 'Sotsiaalkindlustusamet kinnitab, et võttis {vastuvõetud} vastu allpool nimetatud dokumendi ja registreeris selle.',
        en: 'The Social Insurance Board confirms that it received the document below on {vastuvõetud} and registered it.',
      },
    },
    {
      key: 'deadline',
      label: { et: 'Vastamise tähtaeg (kui see on)', en: 'Reply deadline (when there is one)' },
      kind: 'text',
      max: 1500,
      required: ['tähtaeg'],
      initial: {
        et: 'Vastame hiljemalt {tähtaeg}. Kui Teilt on vaja lisadokumente, anname sellest kirjalikult teada; kuni need on esitatud, tähtaeg peatub.',
        en: 'We will reply by {tähtaeg}. If we need further documents from you, we will tell you in writing; the deadline is paused until you submit them.',
      },
    },
    {
      key: 'noDeadline',
      label: { et: 'Kui tähtaega ei ole', en: 'When there is no deadline' },
      kind: 'text',
      max: 1000,
      initial: {
        et: 'Sellele dokumendile ei ole seadusega vastamise tähtaega määratud.',
        en: 'The law sets no reply deadline for this document.',
      },
    },
    {
      key: 'ask',
      label: { et: 'Kuidas menetluse kohta küsida', en: 'How to ask about it' },
      kind: 'text',
      max: 1500,
      required: ['number'],
      initial: {
        et: `Menetluse kohta saate küsida telefonil ${AGENCY.phoneShort} (välismaalt ${AGENCY.phoneFromAbroad}), e-posti aadressil ${AGENCY.email} või klienditeeninduses. Palun öelge registreerimisnumber {number}.`,
        en: `To ask about it, call ${AGENCY.phoneFromAbroad} (${AGENCY.phoneShort} within Estonia), write to ${AGENCY.email} or visit a customer service office. Please give the registration number {number}.`,
      },
    },
  ],
  placeholders: {
    number: { path: 'registrationNumber', value: (d) => d.registrationNumber },
    vastuvõetud: { path: 'receivedOn', value: (d) => formatDate(d.receivedOn) },
    tähtaeg: { path: 'deadline', value: (d) => (d.deadline ? formatDate(d.deadline) : '') },
    esitaja: { path: 'party', value: (d) => d.party },
    menetleja: { path: 'unitName', value: (d) => d.unitName },
  },
};
