import { Text, View } from '@react-pdf/renderer';
import { AGENCY } from '@/lib/agency';
import { AddressBlock, ContactLine, HeadingRow, Paragraphs, registrationLine, Closing, SignatureBlock } from '../shared/blocks';
import { DocumentShell } from '../shared/layout';
import { s } from '../shared/styles';
import { documentTexts } from '../shared/text-block';
import type { RenderContext } from '../shared/types';
import type { MissingDocumentsNoticeData, SUBMISSION_CHANNELS } from './definition';
import { texts } from './texts';

const CHANNEL_TEXT: Record<(typeof SUBMISSION_CHANNELS)[number], string> = {
  email: `e-postiga aadressil ${AGENCY.email} (digitaalselt allkirjastatult või skannitult);`,
  post: `posti teel aadressil ${AGENCY.name.et}, ${AGENCY.street}, ${AGENCY.postcode} ${AGENCY.city};`,
  office: 'Sotsiaalkindlustusameti klienditeeninduses (isikut tõendava dokumendiga);',
  eesti: 'riigiportaalis eesti.ee.',
};

function List({ items, numbered }: { items: { text: string; note?: string }[]; numbered: boolean }) {
  return (
    <View style={{ marginBottom: 8 }}>
      {items.map((item, i) => (
        <View key={i} wrap={false} style={{ flexDirection: 'row', marginBottom: 2 }}>
          <Text style={{ width: 18 }}>{numbered ? `${i + 1}.` : '•'}</Text>
          <Text style={{ flex: 1 }}>
            {item.text}
            {item.note ? <Text style={s.muted}> ({item.note})</Text> : null}
          </Text>
        </View>
      ))}
    </View>
  );
}

export function MissingDocumentsNotice({ data, ctx }: { data: MissingDocumentsNoticeData; ctx: RenderContext }) {
  const t = documentTexts(texts, ctx, 'et', data);
  const channels = data.channels.map((c, i, all) => ({ text: i === all.length - 1 ? CHANNEL_TEXT[c].replace(/;$/, '.') : CHANNEL_TEXT[c] }));
  return (
    <DocumentShell ctx={ctx} language="et" title="Puuduvate dokumentide esitamine" restriction={data.restriction}>
      <HeadingRow left={<AddressBlock name={data.client.name} lines={data.client.address} />} right={<Text>{registrationLine(ctx, 'et')}</Text>} />
      <Text style={s.title}>{t.plain('heading')}</Text>
      {t.block('salutation')}
      {t.block('intro')}
      <List numbered items={data.documents.map((d) => ({ text: d.name, note: d.note }))} />
      {t.block('deadline')}
      <List numbered={false} items={channels} />
      {data.note ? <Paragraphs text={data.note} /> : null}
      {t.block('consequence')}
      <Closing ctx={ctx} language="et">
        <SignatureBlock signer={data.signer} ctx={ctx} language="et" />
      </Closing>
      <ContactLine signer={data.signer} />
    </DocumentShell>
  );
}
