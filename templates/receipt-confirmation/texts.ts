import { AGENCY } from '@/lib/agency';
import { formatDate } from '@/lib/format';
import { heading, text } from '../shared/define-texts';
import type { TemplateTextSpec } from '../shared/texts';
import type { ReceiptConfirmationData } from './definition';

// The confirmation of receipt's texts an administrator may change (templates/shared/texts.ts).
// The facts table (number, dates, what was received, who handles it) stays data.
export const texts: TemplateTextSpec<ReceiptConfirmationData> = {
  blocks: [
    heading('title', { et: 'Pealkiri', en: 'Heading' }, { et: 'Dokumendi vastuvõtmise kinnitus', en: 'Confirmation of receipt' }),
    text(
      'lead',
      { et: 'Sissejuhatus (andmete kohal)', en: 'Introduction (above the facts)' },
      { max: 1000, required: ['vastuvõetud'] },
      {
        et: 'Sotsiaalkindlustusamet kinnitab, et võttis {vastuvõetud} vastu allpool nimetatud dokumendi ja registreeris selle.',
        en: 'The Social Insurance Board confirms that it received the document below on {vastuvõetud} and registered it.',
      },
    ),
    text(
      'deadline',
      { et: 'Vastamise tähtaeg (kui see on)', en: 'Reply deadline (when there is one)' },
      { max: 1500, required: ['tähtaeg'] },
      {
        et: 'Vastame hiljemalt {tähtaeg}. Kui Teilt on vaja lisadokumente, anname sellest kirjalikult teada; kuni need on esitatud, tähtaeg peatub.',
        en: 'We will reply by {tähtaeg}. If we need further documents from you, we will tell you in writing; the deadline is paused until you submit them.',
      },
    ),
    text(
      'noDeadline',
      { et: 'Kui tähtaega ei ole', en: 'When there is no deadline' },
      { max: 1000 },
      {
        et: 'Sellele dokumendile ei ole seadusega vastamise tähtaega määratud.',
        en: 'The law sets no reply deadline for this document.',
      },
    ),
    text(
      'ask',
      { et: 'Kuidas menetluse kohta küsida', en: 'How to ask about it' },
      { max: 1500, required: ['number'] },
      {
        et: `Menetluse kohta saate küsida telefonil ${AGENCY.phoneShort} (välismaalt ${AGENCY.phoneFromAbroad}), e-posti aadressil ${AGENCY.email} või klienditeeninduses. Palun öelge registreerimisnumber {number}.`,
        en: `To ask about it, call ${AGENCY.phoneFromAbroad} (${AGENCY.phoneShort} within Estonia), write to ${AGENCY.email} or visit a customer service office. Please give the registration number {number}.`,
      },
    ),
  ],
  placeholders: {
    number: { path: 'registrationNumber', value: (d) => d.registrationNumber },
    vastuvõetud: { path: 'receivedOn', value: (d) => formatDate(d.receivedOn) },
    tähtaeg: { path: 'deadline', value: (d) => (d.deadline ? formatDate(d.deadline) : '') },
    esitaja: { path: 'party', value: (d) => d.party },
    menetleja: { path: 'unitName', value: (d) => d.unitName },
  },
};
