import { Text, View } from '@react-pdf/renderer';
import { formatDate } from '@/lib/format';
import { Facts, Paragraphs, registrationLine, Closing } from '../shared/blocks';
import { DocumentShell } from '../shared/layout';
import { COLORS, s } from '../shared/styles';
import type { RenderContext } from '../shared/types';
import { documentTexts } from '../shared/text-block';
import type { CertifiedCopyData } from './definition';
import { texts } from './texts';

/** "Koopia on 14 lehel": the adessive, the same for one sheet as for many. */
function pages(n: number): string {
  return `${n} lehel`;
}

export function CertifiedCopy({ data, ctx }: { data: CertifiedCopyData; ctx: RenderContext }) {
  const t = documentTexts(texts, ctx, 'et', data);
  const certifiedOn = formatDate(ctx.registration?.registeredAt ?? new Date());
  const original = data.original;
  const rows: [string, string][] = [['Dokument', original.title]];
  if (original.issuer) rows.push(['Väljaandja', original.issuer]);
  if (original.number) rows.push(['Dokumendi number', original.number]);
  if (original.issuedOn) rows.push(['Väljaandmise kuupäev', formatDate(original.issuedOn)]);
  rows.push(['Esitaja', `${data.client.name}, isikukood ${data.client.personalCode}`]);
  rows.push(['Koopia maht', pages(data.pageCount)]);
  return (
    <DocumentShell pageNumbers={false} ctx={ctx} language="et" title={`Koopia õige: ${original.title}`}>
      <View style={{ alignItems: 'flex-end', marginTop: 22 }}>
        <Text>{registrationLine(ctx, 'et')}</Text>
      </View>
      <Text style={s.title}>{t.plain('heading')}</Text>
      {t.block('statement')}
      <Facts rows={rows} />
      {data.note ? <Paragraphs text={data.note} /> : null}
      <Closing ctx={ctx} language="et">
        <View style={{ width: 230, borderWidth: 1.25, borderColor: COLORS.brand, padding: 10 }}>
          <Text style={{ fontSize: 15, fontWeight: 'bold', color: COLORS.brand }}>KOOPIA ÕIGE</Text>
          <Text style={{ marginTop: 6 }}>{data.signer.name}</Text>
          <Text>{data.signer.title}</Text>
          <Text>Sotsiaalkindlustusamet</Text>
          <Text style={{ marginTop: 4 }}>
            {certifiedOn} · {pages(data.pageCount)}
          </Text>
          <Text style={{ marginTop: 12, color: COLORS.muted, fontSize: 9 }}>{ctx.sealed ? '(kinnitatud elektroonilise templiga)' : '(allkiri)'}</Text>
        </View>
      </Closing>
    </DocumentShell>
  );
}
