import { formatDate, formatEuros } from '@/lib/format';
import { BENEFIT_KINDS } from '../shared/benefits';
import type { TemplateTextSpec } from '../shared/texts';
import type { BenefitCertificateData } from './definition';

// The benefit certificate's texts an administrator may change (templates/shared/texts.ts).
// The facts table (benefit, period, amount) is data and stays in code.
export const texts: TemplateTextSpec<BenefitCertificateData> = {
  blocks: [
    {
      key: 'titlePension',
      label: { et: 'Pealkiri (pension)', en: 'Heading (pension)' },
      kind: 'heading',
      max: 200,
      initial: { et: 'Pensioni saamise kohta', en: 'Certificate of receiving a pension' },
    },
    {
      key: 'titleBenefit',
      label: { et: 'Pealkiri (toetus)', en: 'Heading (benefit)' },
      kind: 'heading',
      max: 200,
      initial: { et: 'Toetuse saamise kohta', en: 'Certificate of receiving a benefit' },
    },
    {
      key: 'attests',
      label: { et: 'Tõendav lause', en: 'Attestation' },
      kind: 'text',
      max: 1500,
      required: ['klient.nimi', 'klient.isikukood', 'hüvitis'],
      initial: {
        et: 'Sotsiaalkindlustusamet tõendab, et isikule {klient.nimi} (isikukood {klient.isikukood}) on määratud {hüvitis}, mida makstakse igakuiselt.',
        en: 'The Estonian Social Insurance Board (Sotsiaalkindlustusamet) certifies that {klient.nimi} (Estonian personal identification code {klient.isikukood}) has been granted the {hüvitis}, which is paid monthly.',
      },
    },
    {
      key: 'amountNote',
      label: { et: 'Märkus summa kohta (joonealune)', en: 'Note on the amount (footnote)' },
      kind: 'text',
      max: 500,
      initial: { et: 'Summa on näidatud enne tulumaksu kinnipidamist.', en: 'The amount is shown before income tax is withheld.' },
    },
    {
      key: 'purpose',
      label: { et: 'Esitamise koht', en: 'Purpose' },
      kind: 'text',
      max: 600,
      required: ['eesmärk'],
      initial: { et: 'Tõend antakse esitamiseks: {eesmärk}.', en: 'This certificate is issued for submission to: {eesmärk}.' },
    },
  ],
  placeholders: {
    'klient.nimi': { path: 'client.name', value: (d) => d.client.name },
    'klient.isikukood': { path: 'client.personalCode', value: (d) => d.client.personalCode },
    hüvitis: { path: 'benefitKind', value: (d, language) => BENEFIT_KINDS[d.benefitKind][language] },
    'periood.algus': { path: 'periodStart', value: (d) => formatDate(d.periodStart) },
    'periood.lõpp': { path: 'periodEnd', value: (d) => (d.periodEnd ? formatDate(d.periodEnd) : '') },
    summa: { path: 'monthlyAmountCents', value: (d) => formatEuros(d.monthlyAmountCents) },
    eesmärk: { path: 'purpose', value: (d) => d.purpose.replace(/\.$/, '') },
  },
};
