import { Text, View } from '@react-pdf/renderer';
import { formatDate } from '@/lib/format';
import { AddressBlock, ContactLine, HeadingRow, Paragraphs, Closing, SignatureBlock } from '../shared/blocks';
import { LABELS } from '../shared/labels';
import { DocumentShell } from '../shared/layout';
import { s } from '../shared/styles';
import { documentTexts } from '../shared/text-block';
import type { RenderContext } from '../shared/types';
import type { ReplyLetterData } from './definition';
import { texts } from './texts';

/** "Teie 09.11.2026 nr 15" and "Meie 20.11.2026 nr 2-1/1534-1": the reference line, as two lines at the right. */
function ReferenceLine({ data, ctx }: { data: ReplyLetterData; ctx: RenderContext }) {
  const l = LABELS.et;
  const theirs = `${l.theirs} ${formatDate(data.theirDate)}${data.theirNumber ? ` ${l.number} ${data.theirNumber}` : ''}`;
  const ours = ctx.registration
    ? `${l.ours} ${formatDate(ctx.registration.registeredAt)} ${l.number} ${ctx.registration.registrationNumber}`
    : `${l.ours} ${formatDate(new Date())} ${l.number} … (${l.pendingNumber})`;
  return (
    <View style={{ alignItems: 'flex-end' }}>
      <Text>{theirs}</Text>
      <Text>{ours}</Text>
    </View>
  );
}

export function ReplyLetter({ data, ctx }: { data: ReplyLetterData; ctx: RenderContext }) {
  const recipient = data.recipient;
  const t = documentTexts(texts, ctx, 'et', data);
  return (
    <DocumentShell ctx={ctx} language="et" title={data.title} restriction={data.restriction}>
      <HeadingRow
        left={
          <AddressBlock
            name={recipient.name}
            extra={recipient.personalCode ? `${LABELS.et.personalCode} ${recipient.personalCode}` : undefined}
            lines={recipient.address}
          />
        }
        right={<ReferenceLine data={data} ctx={ctx} />}
      />
      <Text style={s.title}>{data.title}</Text>
      {data.salutation ? <Text style={s.paragraph}>{data.salutation}</Text> : t.block('salutation')}
      <Paragraphs text={data.body} />
      <Closing ctx={ctx} language="et">
        <SignatureBlock signer={data.signer} ctx={ctx} language="et" closingText={t.block('closing', undefined, { marginBottom: 0 })} />
      </Closing>
      <ContactLine signer={data.signer} />
    </DocumentShell>
  );
}
