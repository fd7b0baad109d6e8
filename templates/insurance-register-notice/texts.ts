import { formatDate } from '@/lib/format';
import { clientPlaceholders, heading, text } from '../shared/define-texts';
import type { TemplateTextSpec } from '../shared/texts';
import type { InsuranceRegisterNoticeData } from './definition';

// The insurance register notice's texts an administrator may change (templates/shared/texts.ts).
export const texts: TemplateTextSpec<InsuranceRegisterNoticeData> = {
  blocks: [
    heading(
      'heading',
      { et: 'Pealkiri', en: 'Heading' },
      { et: 'Riikliku pensionikindlustuse registri andmed', en: 'Data of the state pension insurance register' },
    ),
    text(
      'intro',
      { et: 'Sissejuhatus (tabeli kohal)', en: 'Introduction (above the table)' },
      { max: 1500, required: ['klient.nimi', 'klient.isikukood'] },
      {
        et: 'Riikliku pensionikindlustuse registrisse on isiku {klient.nimi} (isikukood {klient.isikukood}) kohta seisuga {seisuga} kantud järgmised kindlustusperioodid ja tema eest makstud sotsiaalmaksu pensionikindlustuse osa.',
        en: 'As of {seisuga}, the state pension insurance register holds the following insurance periods of {klient.nimi} (personal identification code {klient.isikukood}) and the pension insurance part of the social tax paid for them.',
      },
    ),
    text(
      'explanation',
      { et: 'Selgitus ja kontaktid (tabeli all)', en: 'Explanation and contacts (below the table)' },
      { max: 3000 },
      {
        et: 'Aastakoefitsient on isiku eest aasta jooksul makstud sotsiaalmaksu pensionikindlustuse osa suhe kõigi kindlustatute keskmisesse; aastakoefitsientide summa on vanaduspensioni kindlustusosa arvutamise alus.\n\nKui andmed on Teie arvates ebaõiged või puudulikud, teatage sellest palun Sotsiaalkindlustusametile e-posti aadressil info@sotsiaalkindlustusamet.ee või telefonil 612\u00a01360. Lisage võimaluse korral tööandja tõend või muu dokument, mis andmeid kinnitab.',
        en: 'The annual coefficient is the ratio of the pension insurance part of the social tax paid for the person in a year to the average of all insured persons; the sum of the annual coefficients is the basis of the insurance component of the old-age pension.\n\nIf you find the data wrong or incomplete, please tell the Social Insurance Board by e-mail at info@sotsiaalkindlustusamet.ee or by phone at 612\u00a01360. Where possible, add a certificate of your employer or another document that confirms the data.',
      },
    ),
  ],
  placeholders: {
    ...clientPlaceholders(),
    seisuga: { path: 'asOf', value: (d) => formatDate(d.asOf) },
  },
};
