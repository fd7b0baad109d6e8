import type { TemplateTextSpec } from '../shared/texts';
import type { CertifiedCopyData } from './definition';

// The certified copy's texts an administrator may change (templates/shared/texts.ts). The
// "KOOPIA ÕIGE" stamp is the form the law knows and stays in code.
export const texts: TemplateTextSpec<CertifiedCopyData> = {
  blocks: [
    {
      key: 'heading',
      label: { et: 'Pealkiri', en: 'Heading' },
      kind: 'heading',
      max: 200,
      initial: { et: 'Koopia kinnitamine', en: 'Certification of a copy' },
    },
    {
      key: 'statement',
      label: { et: 'Kinnitus', en: 'Statement' },
      kind: 'text',
      max: 1500,
      initial: {
        et: 'Sotsiaalkindlustusameti klienditeeninduses tehti kliendi esitatud originaaldokumendist koopia. Kinnitan, et koopia vastab originaalile.',
        en: 'A copy was made at the customer service of the Social Insurance Board from the original document presented by the client. I certify that the copy matches the original.',
      },
    },
  ],
  placeholders: {
    'esitaja.nimi': { path: 'client.name', value: (d) => d.client.name },
    'esitaja.isikukood': { path: 'client.personalCode', value: (d) => d.client.personalCode },
    'dokument.pealkiri': { path: 'original.title', value: (d) => d.original.title },
    lehti: { path: 'pageCount', value: (d) => String(d.pageCount) },
  },
};
