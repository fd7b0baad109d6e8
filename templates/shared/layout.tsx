import { Document, Page, Text, View } from '@react-pdf/renderer';
import type { ReactNode } from 'react';
import { AGENCY } from '@/lib/agency';
import { formatDate } from '@/lib/format';
import { LABELS } from './labels';
import { COLORS, PAGE, s } from './styles';
import type { Language, Localized, RenderContext } from './types';
import type { Restriction } from './fields';

type DocumentShellProps = {
  ctx: RenderContext;
  language: Language;
  title: string;
  subject?: string;
  restriction?: Restriction | null;
  /**
   * "Lk 1 (2)" on every page of a longer document. Page numbers make react-pdf lay the
   * pages out twice (about a quarter of a certificate's render time), so documents whose
   * fields cannot fill more than one page turn them off.
   */
  pageNumbers?: boolean;
  children: ReactNode;
};

/**
 * One A4 document of the Board: metadata (the verification code goes into the keywords,
 * where the seal verification reads it back), the letterhead on the first page, the footer
 * and page numbers on every page, and the preview watermark when there is one.
 */
export function DocumentShell({ ctx, language, title, subject, restriction, pageNumbers = true, children }: DocumentShellProps) {
  const registration = ctx.registration;
  return (
    <Document
      title={title}
      author={AGENCY.name.et}
      subject={subject ?? (registration ? `${title} ${registration.registrationNumber}` : title)}
      keywords={registration ? `toolaud-kontrollkood:${registration.verificationCode}` : undefined}
      creator="Töölaud"
      producer="Töölaud (@react-pdf/renderer)"
      language={language === 'et' ? 'et-EE' : 'en-GB'}
    >
      <Page size="A4" style={s.page}>
        {/* Fixed elements first: react-pdf repeats them on every page only when they precede the flow. */}
        <Footer language={language} pageNumbers={pageNumbers} />
        {ctx.watermark && <Watermark text={ctx.watermark} />}
        <Letterhead language={language} restriction={restriction ?? null} ctx={ctx} />
        {children}
      </Page>
    </Document>
  );
}

function Watermark({ text }: { text: string }) {
  return (
    <View fixed style={{ position: 'absolute', top: 330, left: 0, width: PAGE.width, alignItems: 'center' }}>
      <Text style={{ fontSize: 84, fontWeight: 'bold', color: '#d9dee4', transform: 'rotate(-32deg)' }}>{text}</Text>
    </View>
  );
}

function Letterhead({ language, restriction, ctx }: { language: Language; restriction: Restriction | null; ctx: RenderContext }) {
  return (
    <View style={{ flexDirection: 'row', justifyContent: 'space-between', alignItems: 'flex-start', minHeight: 58 }}>
      <View style={{ flexDirection: 'row' }}>
        <View style={{ width: 4, height: 34, backgroundColor: COLORS.brand, marginRight: 8, marginTop: 2 }} />
        <View>
          <Text style={{ fontSize: 15, fontWeight: 'bold', color: COLORS.brand }}>{AGENCY.name.et}</Text>
          <Text style={{ fontSize: 8.5, color: COLORS.muted }}>
            {language === 'en' ? `Estonian ${AGENCY.name.en}` : `${AGENCY.street}, ${AGENCY.postcode} ${AGENCY.city}`}
          </Text>
        </View>
      </View>
      {restriction && <RestrictionMark restriction={restriction} language={language} ctx={ctx} />}
    </View>
  );
}

/**
 * The access-restriction mark in Andmekaitse Inspektsioon's form (who marked it, when, until
 * when, on which legal ground), in the document's language. The ground is cited as the
 * Estonian law writes it (`AvTS § 35 lg 1 p 12`), on an English document with the Act's name.
 */
function RestrictionMark({ restriction, language, ctx }: { restriction: Restriction; language: Language; ctx: RenderContext }) {
  const l = LABELS[language];
  const setOn = ctx.registration ? formatDate(ctx.registration.registeredAt) : '…';
  return (
    <View style={{ width: 190, borderWidth: 0.75, borderColor: COLORS.text, paddingVertical: 4, paddingHorizontal: 6 }}>
      <Text style={{ fontSize: 8.5, fontWeight: 'bold', lineHeight: 1.3 }}>{l.restricted}</Text>
      <Text style={{ fontSize: 7.5, lineHeight: 1.35 }}>{AGENCY.name[language]}</Text>
      <Text style={{ fontSize: 7.5, lineHeight: 1.35 }}>
        {l.restrictionSetOn}: {setOn}
      </Text>
      <Text style={{ fontSize: 7.5, lineHeight: 1.35 }}>
        {l.restrictionValidUntil} {formatDate(restriction.validUntil)}
      </Text>
      <Text style={{ fontSize: 7.5, lineHeight: 1.35 }}>
        {l.restrictionBasis}: {restriction.basis}
        {language === 'en' && /^AvTS\b/.test(restriction.basis) ? ` (${l.publicInformationAct})` : ''}
      </Text>
    </View>
  );
}

function Footer({ language, pageNumbers }: { language: Language; pageNumbers: boolean }) {
  const l = LABELS[language];
  const cell = { flexGrow: 1, flexBasis: 0 } as const;
  return (
    <View
      fixed
      style={{
        // Positioned from the top: with `bottom`, react-pdf 4.9 drops a footer whose page-number
        // text is rendered late (render prop) from every page of a multi-page document.
        position: 'absolute',
        top: PAGE.height - 62,
        left: PAGE.left,
        right: PAGE.right,
        borderTopWidth: 0.5,
        borderTopColor: COLORS.rule,
        paddingTop: 5,
        flexDirection: 'row',
        fontSize: 7.5,
        lineHeight: 1.35,
        color: COLORS.muted,
      }}
    >
      <View style={cell}>
        <Text>{AGENCY.street}</Text>
        <Text>
          {AGENCY.postcode} {AGENCY.city}
          {language === 'en' ? `, ${AGENCY.country.en}` : ''}
        </Text>
      </View>
      <View style={cell}>
        <Text>{language === 'en' ? AGENCY.phoneFromAbroad : `${AGENCY.phone} / ${AGENCY.phoneShort}`}</Text>
        <Text>{AGENCY.email}</Text>
      </View>
      <View style={cell}>
        <Text>{AGENCY.web}</Text>
        <Text>
          {l.registryCode} {AGENCY.registryCode}
        </Text>
      </View>
      {pageNumbers ? (
        <Text
          style={{ width: 44, textAlign: 'right' }}
          render={({ pageNumber, totalPages }) => (totalPages > 1 ? `${l.page} ${pageNumber} (${totalPages})` : '')}
        />
      ) : (
        <View style={{ width: 44 }} />
      )}
    </View>
  );
}

export function localized(value: Localized, language: Language): string {
  return value[language];
}
