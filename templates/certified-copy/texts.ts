import { clientPlaceholders, heading, text } from '../shared/define-texts';
import type { TemplateTextSpec } from '../shared/texts';
import type { CertifiedCopyData } from './definition';

// The certified copy's texts an administrator may change (templates/shared/texts.ts). The
// "KOOPIA ÕIGE" stamp is the form the law knows and stays in code.
export const texts: TemplateTextSpec<CertifiedCopyData> = {
  blocks: [
    heading('heading', { et: 'Pealkiri', en: 'Heading' }, { et: 'Koopia kinnitamine', en: 'Certification of a copy' }),
    text(
      'statement',
      { et: 'Kinnitus', en: 'Statement' },
      { max: 1500 },
      {
        et: 'Sotsiaalkindlustusameti klienditeeninduses tehti kliendi esitatud originaaldokumendist koopia. Kinnitan, et koopia vastab originaalile.',
        en: 'A copy was made at the customer service of the Social Insurance Board from the original document presented by the client. I certify that the copy matches the original.',
      },
    ),
  ],
  placeholders: {
    ...clientPlaceholders('esitaja'),
    'dokument.pealkiri': { path: 'original.title', value: (d) => d.original.title },
    lehti: { path: 'pageCount', value: (d) => String(d.pageCount) },
  },
};
