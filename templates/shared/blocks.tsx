import { Text, View } from '@react-pdf/renderer';
import { formatDate } from '@/lib/format';
import { formatVerificationCode } from '@/lib/verification-code';
import type { Signer } from './fields';
import { LABELS } from './labels';
import { QrCode } from './qr';
import { COLORS, s } from './styles';
import type { Language, RenderContext } from './types';

/** `20.11.2026 nr 2-1/1534-1`, or the placeholder while previewing. */
export function registrationLine(ctx: RenderContext, language: Language): string {
  const l = LABELS[language];
  if (!ctx.registration) return `${formatDate(new Date())} ${l.number} … (${l.pendingNumber})`;
  return `${formatDate(ctx.registration.registeredAt)} ${l.number} ${ctx.registration.registrationNumber}`;
}

/**
 * The addressee on the left (name and postal address, as a window envelope wants it) and
 * the document's own registration data on the right.
 */
export function HeadingRow({ left, right }: { left: React.ReactNode; right: React.ReactNode }) {
  return (
    <View style={{ flexDirection: 'row', justifyContent: 'space-between', marginTop: 22 }}>
      <View style={{ width: '55%' }}>{left}</View>
      <View style={{ width: '42%', alignItems: 'flex-end' }}>{right}</View>
    </View>
  );
}

export function AddressBlock({ name, lines, extra }: { name: string; lines: string; extra?: string }) {
  return (
    <View>
      <Text>{name}</Text>
      {extra ? <Text>{extra}</Text> : null}
      {lines
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line, i) => (
          <Text key={i}>{line}</Text>
        ))}
    </View>
  );
}

/**
 * Paragraphs separated by an empty line; single line breaks are kept. Each line is its own
 * Text: a line feed inside a Text makes react-pdf fall back to Helvetica for it, which is not
 * embedded.
 */
export function Paragraphs({ text }: { text: string }) {
  return (
    <View>
      {text
        .split(/\n\s*\n/)
        .filter((p) => p.trim() !== '')
        .map((paragraph, i) => (
          <View key={i} style={s.paragraph}>
            {paragraph.split('\n').map((line, j) => (
              <Text key={j}>{line}</Text>
            ))}
          </View>
        ))}
    </View>
  );
}

/** Two columns of label and value, for the facts a certificate attests. */
export function Facts({ rows }: { rows: readonly (readonly [string, string])[] }) {
  return (
    <View style={{ marginVertical: 8, borderTopWidth: 0.6, borderTopColor: COLORS.rule }}>
      {rows.map(([label, value], i) => (
        <View key={i} wrap={false} style={{ flexDirection: 'row', borderBottomWidth: 0.6, borderBottomColor: COLORS.rule, paddingVertical: 4 }}>
          <Text style={{ width: '38%', color: COLORS.muted, paddingRight: 8 }}>{label}</Text>
          <Text style={{ width: '62%' }}>{value}</Text>
        </View>
      ))}
    </View>
  );
}

/**
 * The closing and the official's name. A sealed document says it is sealed (the seal is the
 * signature); an unsealed one leaves room for a handwritten signature.
 */
export function SignatureBlock({
  signer,
  ctx,
  language,
  closing = true,
  closingText,
}: {
  signer: Signer;
  ctx: RenderContext;
  language: Language;
  closing?: boolean;
  /** The template's own closing block, in place of the shared closing line. */
  closingText?: React.ReactNode;
}) {
  const l = LABELS[language];
  return (
    <View>
      {closing && (closingText ?? <Text>{l.sincerely}</Text>)}
      <Text style={{ marginTop: ctx.sealed ? (closing ? 12 : 0) : 30, color: COLORS.muted, fontSize: 9 }}>{ctx.sealed ? l.sealed : l.signatureLine}</Text>
      <Text style={{ marginTop: ctx.sealed ? 10 : 4 }}>{signer.name}</Text>
      <Text>{signer.title}</Text>
    </View>
  );
}

/**
 * The end of every document, kept on one page: the signature (or the certification stamp)
 * on the left, the verification code with its QR code on the right.
 */
export function Closing({ ctx, language, children }: { ctx: RenderContext; language: Language; children: React.ReactNode }) {
  return (
    <View wrap={false} style={{ flexDirection: 'row', justifyContent: 'space-between', alignItems: 'flex-end', marginTop: 22 }}>
      <View style={{ width: '52%' }}>{children}</View>
      <Verification ctx={ctx} language={language} />
    </View>
  );
}

/** The contact person's line at the end of a letter, as Estonian official letters have it. */
export function ContactLine({ signer }: { signer: Signer }) {
  const parts = [signer.name, signer.phone, signer.email].filter((p) => p !== '');
  if (!signer.phone && !signer.email) return null;
  return <Text style={[s.small, { marginTop: 26 }]}>{parts.join('   ')}</Text>;
}

/** The verification code and its QR code (nothing while previewing: there is no code yet). */
function Verification({ ctx, language }: { ctx: RenderContext; language: Language }) {
  const registration = ctx.registration;
  if (!registration) return null;
  const l = LABELS[language];
  const printed = formatVerificationCode(registration.verificationCode);
  return (
    <View style={{ width: '44%', flexDirection: 'row', alignItems: 'flex-end' }}>
      <View style={{ flex: 1, marginRight: 6 }}>
        <Text style={{ fontSize: 8.5, textAlign: 'right' }}>{l.verificationCode}</Text>
        <Text style={{ fontSize: 10, fontWeight: 'bold', textAlign: 'right' }}>{printed}</Text>
        <Text style={{ fontSize: 7, lineHeight: 1.3, color: COLORS.muted, textAlign: 'right', marginTop: 3 }}>{l.verificationText}</Text>
      </View>
      <QrCode value={registration.verificationUrl ?? printed} size={72} />
    </View>
  );
}
