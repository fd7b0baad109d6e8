import { formatDate } from '@/lib/format';
import { clientPlaceholders, heading, text } from '../shared/define-texts';
import type { TemplateTextSpec } from '../shared/texts';
import type { MissingDocumentsNoticeData } from './definition';

// The missing-documents notice's texts an administrator may change (templates/shared/texts.ts).
// The list of documents and the ways to submit them stay data.
export const texts: TemplateTextSpec<MissingDocumentsNoticeData> = {
  blocks: [
    heading('heading', { et: 'Pealkiri', en: 'Heading' }, { et: 'Puuduvate dokumentide esitamine', en: 'Submitting missing documents' }),
    text('salutation', { et: 'Pöördumine', en: 'Salutation' }, { max: 300 }, { et: 'Lugupeetud {klient.nimi}', en: 'Dear {klient.nimi}' }),
    text(
      'intro',
      { et: 'Sissejuhatus (dokumentide loetelu kohal)', en: 'Introduction (above the list of documents)' },
      { max: 1500, required: ['taotlus.number'] },
      {
        et: 'Sotsiaalkindlustusamet võttis {taotlus.kuupäev} menetlusse Teie taotluse ({taotlus.pealkiri}, registreerimisnumber {taotlus.number}). Taotluse lahendamiseks on vaja järgmisi dokumente, mis praegu puuduvad:',
        en: 'On {taotlus.kuupäev} the Social Insurance Board started processing your application ({taotlus.pealkiri}, registration number {taotlus.number}). To decide on it, the following documents are needed, which are missing now:',
      },
    ),
    text(
      'deadline',
      { et: 'Tähtaeg (esitamise viiside kohal)', en: 'Deadline (above the ways to submit)' },
      { max: 1000, required: ['tähtaeg'] },
      {
        et: 'Palume esitada puuduvad dokumendid hiljemalt **{tähtaeg}**. Dokumente saate esitada:',
        en: 'Please submit the missing documents by **{tähtaeg}**. You can submit them:',
      },
    ),
    text(
      'consequence',
      { et: 'Tagajärg ja pikendamine', en: 'Consequence and extension' },
      { max: 2000 },
      {
        et: 'Kui puuduvaid dokumente tähtajaks ei esitata, võib Sotsiaalkindlustusamet jätta taotluse läbi vaatamata (haldusmenetluse seaduse § 15 lõige 2). Kui Te ei saa dokumente tähtajaks esitada, andke sellest palun teada: tähtaega on võimalik põhjendatud juhul pikendada.',
        en: 'If the missing documents are not submitted by the deadline, the Social Insurance Board may leave the application unexamined (Administrative Procedure Act § 15 (2)). If you cannot submit them in time, please let us know: the deadline can be extended for a good reason.',
      },
    ),
  ],
  placeholders: {
    ...clientPlaceholders(),
    'taotlus.kuupäev': { path: 'application.receivedOn', value: (d) => formatDate(d.application.receivedOn) },
    'taotlus.pealkiri': { path: 'application.title', value: (d) => d.application.title },
    'taotlus.number': { path: 'application.registrationNumber', value: (d) => d.application.registrationNumber },
    tähtaeg: { path: 'deadline', value: (d) => formatDate(d.deadline) },
  },
};
