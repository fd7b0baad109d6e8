import { formatDate, formatEuros } from '@/lib/format';
import { BENEFIT_KINDS } from '../shared/benefits';
import { clientPlaceholders, heading, text } from '../shared/define-texts';
import type { TemplateTextSpec } from '../shared/texts';
import type { BenefitCertificateData } from './definition';

// The benefit certificate's texts an administrator may change (templates/shared/texts.ts).
// The facts table (benefit, period, amount) is data and stays in code.
export const texts: TemplateTextSpec<BenefitCertificateData> = {
  blocks: [
    heading('titlePension', { et: 'Pealkiri (pension)', en: 'Heading (pension)' }, { et: 'Pensioni saamise kohta', en: 'Certificate of receiving a pension' }),
    heading('titleBenefit', { et: 'Pealkiri (toetus)', en: 'Heading (benefit)' }, { et: 'Toetuse saamise kohta', en: 'Certificate of receiving a benefit' }),
    text(
      'attests',
      { et: 'Tõendav lause', en: 'Attestation' },
      { max: 1500, required: ['klient.nimi', 'klient.isikukood', 'hüvitis'] },
      {
        et: 'Sotsiaalkindlustusamet tõendab, et isikule {klient.nimi} (isikukood {klient.isikukood}) on määratud {hüvitis}, mida makstakse igakuiselt.',
        en: 'The Estonian Social Insurance Board (Sotsiaalkindlustusamet) certifies that {klient.nimi} (Estonian personal identification code {klient.isikukood}) has been granted the {hüvitis}, which is paid monthly.',
      },
    ),
    text(
      'amountNote',
      { et: 'Märkus summa kohta (joonealune)', en: 'Note on the amount (footnote)' },
      { max: 500 },
      { et: 'Summa on näidatud enne tulumaksu kinnipidamist.', en: 'The amount is shown before income tax is withheld.' },
    ),
    text(
      'purpose',
      { et: 'Esitamise koht', en: 'Purpose' },
      { max: 600, required: ['eesmärk'] },
      { et: 'Tõend antakse esitamiseks: {eesmärk}.', en: 'This certificate is issued for submission to: {eesmärk}.' },
    ),
  ],
  placeholders: {
    ...clientPlaceholders(),
    hüvitis: { path: 'benefitKind', value: (d, language) => BENEFIT_KINDS[d.benefitKind][language] },
    'periood.algus': { path: 'periodStart', value: (d) => formatDate(d.periodStart) },
    'periood.lõpp': { path: 'periodEnd', value: (d) => (d.periodEnd ? formatDate(d.periodEnd) : '') },
    summa: { path: 'monthlyAmountCents', value: (d) => formatEuros(d.monthlyAmountCents) },
    eesmärk: { path: 'purpose', value: (d) => d.purpose.replace(/\.$/, '') },
  },
};
