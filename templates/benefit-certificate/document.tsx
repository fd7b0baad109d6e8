import { Text, View } from '@react-pdf/renderer';
import { formatDate, formatEuros } from '@/lib/format';
import { BENEFIT_KINDS, isPension } from '../shared/benefits';
import { AddressBlock, Facts, HeadingRow, registrationLine, Closing, SignatureBlock } from '../shared/blocks';
import { DocumentShell } from '../shared/layout';
import { s } from '../shared/styles';
import type { RenderContext } from '../shared/types';
import type { BenefitCertificateData } from './definition';

const TEXT = {
  et: {
    kind: 'TÕEND',
    title: (pension: boolean) => (pension ? 'Pensioni saamise kohta' : 'Toetuse saamise kohta'),
    attests: (name: string, code: string, benefit: string) =>
      `Sotsiaalkindlustusamet tõendab, et isikule ${name} (isikukood ${code}) on määratud ${benefit}, mida makstakse igakuiselt.`,
    benefit: 'Pension või toetus',
    period: 'Määratud',
    from: (start: string) => `alates ${start}`,
    until: (end: string) => ` kuni ${end}`,
    indefinitely: ' tähtajatult',
    amount: (date: string) => `Summa kuus seisuga ${date}`,
    amountNote: 'Summa on näidatud enne tulumaksu kinnipidamist.',
    purpose: (p: string) => `Tõend antakse esitamiseks: ${p}.`,
  },
  en: {
    kind: 'CERTIFICATE',
    title: (pension: boolean) => (pension ? 'Certificate of receiving a pension' : 'Certificate of receiving a benefit'),
    attests: (name: string, code: string, benefit: string) =>
      `The Estonian Social Insurance Board (Sotsiaalkindlustusamet) certifies that ${name} (Estonian personal identification code ${code}) has been granted the ${benefit}, which is paid monthly.`,
    benefit: 'Pension or benefit',
    period: 'Granted',
    from: (start: string) => `from ${start}`,
    until: (end: string) => ` until ${end}`,
    indefinitely: ', indefinitely',
    amount: (date: string) => `Monthly amount as of ${date}`,
    amountNote: 'The amount is shown before income tax is withheld.',
    purpose: (p: string) => `This certificate is issued for submission to: ${p}.`,
  },
} as const;

export function BenefitCertificate({ data, ctx }: { data: BenefitCertificateData; ctx: RenderContext }) {
  const language = data.language;
  const t = TEXT[language];
  const benefit = BENEFIT_KINDS[data.benefitKind][language];
  const asOf = formatDate(ctx.registration?.registeredAt ?? new Date());
  const period = t.from(formatDate(data.periodStart)) + (data.periodEnd ? t.until(formatDate(data.periodEnd)) : t.indefinitely);
  const purpose = data.purpose.replace(/\.$/, '');
  return (
    <DocumentShell
      pageNumbers={false}
      ctx={ctx}
      language={language}
      title={language === 'et' ? `Tõend ${t.title(isPension(data.benefitKind)).toLowerCase()}` : t.title(isPension(data.benefitKind))}
      restriction={data.restriction}
    >
      <HeadingRow
        left={<AddressBlock name={data.client.name} lines={data.client.address} />}
        right={
          <View style={{ alignItems: 'flex-end' }}>
            <Text style={s.docKind}>{t.kind}</Text>
            <Text>{registrationLine(ctx, language)}</Text>
          </View>
        }
      />
      <Text style={s.title}>{t.title(isPension(data.benefitKind))}</Text>
      <Text style={s.paragraph}>{t.attests(data.client.name, data.client.personalCode, benefit)}</Text>
      <Facts
        rows={[
          [t.benefit, benefit],
          [t.period, period],
          [t.amount(asOf), formatEuros(data.monthlyAmountCents, language)],
        ]}
      />
      <Text style={[s.small, s.muted, s.paragraph]}>{t.amountNote}</Text>
      <Text style={[s.paragraph, { marginTop: 6 }]}>{t.purpose(purpose)}</Text>
      <Closing ctx={ctx} language={language}>
        <SignatureBlock signer={data.signer} ctx={ctx} language={language} closing={false} />
      </Closing>
    </DocumentShell>
  );
}
