import { Text, View } from '@react-pdf/renderer';
import { formatDate, formatEuros } from '@/lib/format';
import { BENEFIT_KINDS, isPension } from '../shared/benefits';
import { AddressBlock, Facts, HeadingRow, registrationLine, Closing, SignatureBlock } from '../shared/blocks';
import { DocumentShell } from '../shared/layout';
import { s } from '../shared/styles';
import type { RenderContext } from '../shared/types';
import { documentTexts } from '../shared/text-block';
import type { BenefitCertificateData } from './definition';
import { texts } from './texts';

const TEXT = {
  et: {
    kind: 'TÕEND',
    benefit: 'Pension või toetus',
    period: 'Määratud',
    from: (start: string) => `alates ${start}`,
    until: (end: string) => ` kuni ${end}`,
    indefinitely: ' tähtajatult',
    amount: (date: string) => `Summa kuus seisuga ${date}`,
  },
  en: {
    kind: 'CERTIFICATE',
    benefit: 'Pension or benefit',
    period: 'Granted',
    from: (start: string) => `from ${start}`,
    until: (end: string) => ` until ${end}`,
    indefinitely: ', indefinitely',
    amount: (date: string) => `Monthly amount as of ${date}`,
  },
} as const;

export function BenefitCertificate({ data, ctx }: { data: BenefitCertificateData; ctx: RenderContext }) {
  const language = data.language;
  const t = TEXT[language];
  const blocks = documentTexts(texts, ctx, language, data);
  const title = blocks.plain(isPension(data.benefitKind) ? 'titlePension' : 'titleBenefit');
  const benefit = BENEFIT_KINDS[data.benefitKind][language];
  const asOf = formatDate(ctx.registration?.registeredAt ?? new Date());
  const period = t.from(formatDate(data.periodStart)) + (data.periodEnd ? t.until(formatDate(data.periodEnd)) : t.indefinitely);
  return (
    <DocumentShell
      pageNumbers={false}
      ctx={ctx}
      language={language}
      title={language === 'et' ? `Tõend ${title.toLowerCase()}` : title}
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
      <Text style={s.title}>{title}</Text>
      {blocks.block('attests')}
      <Facts
        rows={[
          [t.benefit, benefit],
          [t.period, period],
          [t.amount(asOf), formatEuros(data.monthlyAmountCents, language)],
        ]}
      />
      {blocks.block('amountNote', [s.small, s.muted])}
      {blocks.block('purpose', { marginTop: 6 })}
      <Closing ctx={ctx} language={language}>
        <SignatureBlock signer={data.signer} ctx={ctx} language={language} closing={false} />
      </Closing>
    </DocumentShell>
  );
}
