import { formatDate } from '@/lib/format';
import type { TemplateTextSpec } from '../shared/texts';
import type { InsuranceRegisterNoticeData } from './definition';

// The insurance register notice's texts an administrator may change (templates/shared/texts.ts).
export const texts: TemplateTextSpec<InsuranceRegisterNoticeData> = {
  blocks: [
    {
      key: 'heading',
      label: { et: 'Pealkiri', en: 'Heading' },
      kind: 'heading',
      max: 200,
      initial: { et: 'Riikliku pensionikindlustuse registri andmed', en: 'Data of the state pension insurance register' },
    },
    {
      key: 'intro',
      label: { et: 'Sissejuhatus (tabeli kohal)', en: 'Introduction (above the table)' },
      kind: 'text',
      max: 1500,
      required: ['klient.nimi', 'klient.isikukood'],
      initial: {
        et: 'Riikliku pensionikindlustuse registrisse on isiku {klient.nimi} (isikukood {klient.isikukood}) kohta seisuga {seisuga} kantud järgmised kindlustusperioodid ja tema eest makstud sotsiaalmaksu pensionikindlustuse osa.',
        en: 'As of {seisuga}, the state pension insurance register holds the following insurance periods of {klient.nimi} (personal identification code {klient.isikukood}) and the pension insurance part of the social tax paid for them.',
      },
    },
    {
      key: 'explanation',
      label: { et: 'Selgitus ja kontaktid (tabeli all)', en: 'Explanation and contacts (below the table)' },
      kind: 'text',
      max: 3000,
      initial: {
        et: 'Aastakoefitsient on isiku eest aasta jooksul makstud sotsiaalmaksu pensionikindlustuse osa suhe kõigi kindlustatute keskmisesse; aastakoefitsientide summa on vanaduspensioni kindlustusosa arvutamise alus.\n\nKui andmed on Teie arvates ebaõiged või puudulikud, teatage sellest palun Sotsiaalkindlustusametile e-posti aadressil info@sotsiaalkindlustusamet.ee või telefonil 612\u00a01360. Lisage võimaluse korral tööandja tõend või muu dokument, mis andmeid kinnitab.',
        en: 'The annual coefficient is the ratio of the pension insurance part of the social tax paid for the person in a year to the average of all insured persons; the sum of the annual coefficients is the basis of the insurance component of the old-age pension.\n\nIf you find the data wrong or incomplete, please tell the Social Insurance Board by e-mail at info@sotsiaalkindlustusamet.ee or by phone at 612\u00a01360. Where possible, add a certificate of your employer or another document that confirms the data.',
      },
    },
  ],
  placeholders: {
    'klient.nimi': { path: 'client.name', value: (d) => d.client.name },
    'klient.isikukood': { path: 'client.personalCode', value: (d) => d.client.personalCode },
    seisuga: { path: 'asOf', value: (d) => formatDate(d.asOf) },
  },
};
