import { formatDate } from '@/lib/format';
import { text } from '../shared/define-texts';
import type { TemplateTextSpec } from '../shared/texts';
import type { ReplyLetterData } from './definition';

// The reply letter's texts an administrator may change (templates/shared/texts.ts). The
// body is the specialist's own; the frame's wording is here.
export const texts: TemplateTextSpec<ReplyLetterData> = {
  blocks: [
    text(
      'salutation',
      { et: 'Pöördumine (kui kirjal pole oma pöördumist)', en: 'Salutation (when the letter has none of its own)' },
      { max: 300 },
      { et: 'Lugupeetud {saaja.nimi}', en: 'Dear {saaja.nimi}' },
    ),
    text('closing', { et: 'Lõpuosa (allkirja kohal)', en: 'Closing (above the signature)' }, { max: 1500 }, { et: 'Lugupidamisega', en: 'Yours sincerely' }),
  ],
  placeholders: {
    'saaja.nimi': { path: 'recipient.name', value: (d) => d.recipient.name },
    'teie.kuupäev': { path: 'theirDate', value: (d) => formatDate(d.theirDate) },
    'teie.number': { path: 'theirNumber', value: (d) => d.theirNumber },
    pealkiri: { path: 'title', value: (d) => d.title },
    'allkirjastaja.nimi': { path: 'signer.name', value: (d) => d.signer.name },
    'allkirjastaja.ametikoht': { path: 'signer.title', value: (d) => d.signer.title },
    'allkirjastaja.telefon': { path: 'signer.phone', value: (d) => d.signer.phone },
    'allkirjastaja.epost': { path: 'signer.email', value: (d) => d.signer.email },
  },
};
