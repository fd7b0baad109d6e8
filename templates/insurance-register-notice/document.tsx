import { Text, View } from '@react-pdf/renderer';
import { formatDate, formatEuros } from '@/lib/format';
import { AddressBlock, ContactLine, HeadingRow, registrationLine, Closing, SignatureBlock } from '../shared/blocks';
import { DocumentShell } from '../shared/layout';
import { COLORS, s } from '../shared/styles';
import type { RenderContext } from '../shared/types';
import { documentTexts } from '../shared/text-block';
import type { InsuranceRegisterNoticeData } from './definition';
import { texts } from './texts';

const DAY = 86_400_000;

/** Calendar days from start to end, both included. */
function daysInclusive(start: string, end: string): number {
  return Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / DAY) + 1;
}

const coefficientFormat = new Intl.NumberFormat('et-EE', { minimumFractionDigits: 3, maximumFractionDigits: 3 });

const COLUMNS = [
  { key: 'year', label: 'Aasta', width: '11%', align: 'left' },
  { key: 'period', label: 'Kindlustusperiood', width: '33%', align: 'left' },
  { key: 'days', label: 'Päevi', width: '12%', align: 'right' },
  { key: 'tax', label: 'Sotsiaalmaks pensioni-\nkindlustuseks', width: '25%', align: 'right' },
  { key: 'coefficient', label: 'Aasta-\nkoefitsient', width: '19%', align: 'right' },
] as const;

type Cells = Record<(typeof COLUMNS)[number]['key'], string>;

function TableRow({ cells, header = false, total = false }: { cells: Cells; header?: boolean; total?: boolean }) {
  return (
    <View
      wrap={false}
      style={{
        flexDirection: 'row',
        paddingVertical: 3.5,
        paddingHorizontal: 4,
        backgroundColor: header ? COLORS.fill : undefined,
        borderBottomWidth: total ? 0 : 0.5,
        borderTopWidth: total ? 1 : 0,
        borderColor: total ? COLORS.text : COLORS.rule,
        fontWeight: header || total ? 'bold' : 'normal',
        fontSize: header ? 8.5 : 9.5,
        lineHeight: header ? 1.25 : 1.4,
      }}
    >
      {COLUMNS.map((column) => (
        <View key={column.key} style={{ width: column.width, paddingRight: column.align === 'right' ? 0 : 6 }}>
          {/* One Text per line: a line feed inside a Text would pull in a fallback font (Helvetica, not embedded). */}
          {cells[column.key].split('\n').map((line, i) => (
            <Text key={i} style={{ textAlign: column.align }}>
              {line}
            </Text>
          ))}
        </View>
      ))}
    </View>
  );
}

export function InsuranceRegisterNotice({ data, ctx }: { data: InsuranceRegisterNoticeData; ctx: RenderContext }) {
  const t = documentTexts(texts, ctx, 'et', data);
  const rows = [...data.rows].sort((a, b) => a.year - b.year);
  const totalDays = rows.reduce((sum, r) => sum + daysInclusive(r.periodStart, r.periodEnd), 0);
  const totalTax = rows.reduce((sum, r) => sum + r.socialTaxCents, 0);
  const hasCoefficients = rows.some((r) => r.coefficient !== null);
  // Summed in thousandths, so the total matches the rounded figures printed above it.
  const totalCoefficient = rows.reduce((sum, r) => sum + Math.round((r.coefficient ?? 0) * 1000), 0) / 1000;
  return (
    <DocumentShell ctx={ctx} language="et" title="Teatis riikliku pensionikindlustuse registri andmete kohta" restriction={data.restriction}>
      <HeadingRow
        left={<AddressBlock name={data.client.name} lines={data.client.address} />}
        right={
          <View style={{ alignItems: 'flex-end' }}>
            <Text style={s.docKind}>TEATIS</Text>
            <Text>{registrationLine(ctx, 'et')}</Text>
          </View>
        }
      />
      <Text style={s.title}>{t.plain('heading')}</Text>
      {t.block('intro')}
      <View style={{ marginTop: 4, marginBottom: 10 }}>
        <TableRow header cells={Object.fromEntries(COLUMNS.map((c) => [c.key, c.label])) as Cells} />
        {rows.map((row) => (
          <TableRow
            key={row.year}
            cells={{
              year: String(row.year),
              period: `${formatDate(row.periodStart)}–${formatDate(row.periodEnd)}`,
              days: String(daysInclusive(row.periodStart, row.periodEnd)),
              tax: formatEuros(row.socialTaxCents),
              coefficient: row.coefficient === null ? '—' : coefficientFormat.format(row.coefficient),
            }}
          />
        ))}
        <TableRow
          total
          cells={{
            year: 'Kokku',
            period: `${rows.length} ${rows.length === 1 ? 'aasta' : 'aastat'}`,
            days: String(totalDays),
            tax: formatEuros(totalTax),
            coefficient: hasCoefficients ? coefficientFormat.format(totalCoefficient) : '—',
          }}
        />
      </View>
      {t.block('explanation')}
      <Closing ctx={ctx} language="et">
        <SignatureBlock signer={data.signer} ctx={ctx} language="et" />
      </Closing>
      <ContactLine signer={data.signer} />
    </DocumentShell>
  );
}
