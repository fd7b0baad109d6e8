// The benefit certificate of templates/benefit-certificate laid out as a flat OpenDocument
// text (.fodt) and filled by string replacement: how document-management systems typically
// fill templates before LibreOffice converts them to PDF. The benchmark's anchor only; the
// layout follows the react-pdf template (letterhead, addressee, number, facts table,
// signature, footer; no QR code).
import { formatDate, formatEuros } from '../lib/format';
import { BENEFIT_KINDS } from '../templates/shared/benefits';
import type { BenefitCertificateData } from '../templates/benefit-certificate/definition';

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function certificateFodt(data: BenefitCertificateData, registration: { registrationNumber: string; registeredAt: Date }): string {
  const benefit = BENEFIT_KINDS[data.benefitKind].et;
  const period = `alates ${formatDate(data.periodStart)}${data.periodEnd ? ` kuni ${formatDate(data.periodEnd)}` : ' tähtajatult'}`;
  const address = data.client.address
    .split('\n')
    .map((line) => `<text:line-break/>${xml(line)}`)
    .join('');
  const row = (label: string, value: string) =>
    `<table:table-row><table:table-cell table:style-name="Cell" office:value-type="string"><text:p text:style-name="Label">${xml(label)}</text:p></table:table-cell><table:table-cell table:style-name="Cell" office:value-type="string"><text:p>${xml(value)}</text:p></table:table-cell></table:table-row>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:font-face-decls><style:font-face style:name="DejaVu Sans" svg:font-family="'DejaVu Sans'"/></office:font-face-decls>
 <office:styles>
  <style:default-style style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.2cm" fo:line-height="140%"/><style:text-properties style:font-name="DejaVu Sans" fo:font-size="10pt" fo:language="et" fo:country="EE"/></style:default-style>
  <style:style style:name="Agency" style:family="paragraph"><style:text-properties fo:font-size="15pt" fo:font-weight="bold" fo:color="#17406d"/></style:style>
  <style:style style:name="Small" style:family="paragraph"><style:text-properties fo:font-size="8.5pt" fo:color="#4a4f57"/></style:style>
  <style:style style:name="Right" style:family="paragraph"><style:paragraph-properties fo:text-align="end"/></style:style>
  <style:style style:name="Kind" style:family="paragraph" style:parent-style-name="Right"><style:text-properties fo:font-size="13pt" fo:font-weight="bold"/></style:style>
  <style:style style:name="Title" style:family="paragraph"><style:paragraph-properties fo:margin-top="0.9cm" fo:margin-bottom="0.5cm"/><style:text-properties fo:font-size="12.5pt" fo:font-weight="bold"/></style:style>
  <style:style style:name="Label" style:family="paragraph"><style:text-properties fo:color="#4a4f57"/></style:style>
  <style:style style:name="Footer" style:family="paragraph"><style:text-properties fo:font-size="7.5pt" fo:color="#4a4f57"/></style:style>
 </office:styles>
 <office:automatic-styles>
  <style:page-layout style:name="A4"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.4cm" fo:margin-bottom="1cm" fo:margin-left="2.5cm" fo:margin-right="1.8cm"/><style:footer-style><style:header-footer-properties fo:min-height="1.2cm" fo:border-top="0.5pt solid #9aa3ad"/></style:footer-style></style:page-layout>
  <style:style style:name="Facts" style:family="table"><style:table-properties style:width="16.7cm" table:align="left" fo:margin-top="0.3cm" fo:margin-bottom="0.3cm"/></style:style>
  <style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:padding="0.12cm" fo:border-bottom="0.5pt solid #9aa3ad"/></style:style>
 </office:automatic-styles>
 <office:master-styles>
  <style:master-page style:name="Standard" style:page-layout-name="A4"><style:footer><text:p text:style-name="Footer">Paldiski mnt 80, 15092 Tallinn · 612 1360 / 16106 · info@sotsiaalkindlustusamet.ee · www.sotsiaalkindlustusamet.ee · Registrikood 70001975</text:p></style:footer></style:master-page>
 </office:master-styles>
 <office:body><office:text>
  <text:p text:style-name="Agency">Sotsiaalkindlustusamet</text:p>
  <text:p text:style-name="Small">Paldiski mnt 80, 15092 Tallinn</text:p>
  <text:p>${xml(data.client.name)}${address}</text:p>
  <text:p text:style-name="Kind">TÕEND</text:p>
  <text:p text:style-name="Right">${formatDate(registration.registeredAt)} nr ${xml(registration.registrationNumber)}</text:p>
  <text:p text:style-name="Title">Pensioni saamise kohta</text:p>
  <text:p>Sotsiaalkindlustusamet tõendab, et isikule ${xml(data.client.name)} (isikukood ${xml(data.client.personalCode)}) on määratud ${xml(benefit)}, mida makstakse igakuiselt.</text:p>
  <table:table table:name="Facts" table:style-name="Facts"><table:table-column table:number-columns-repeated="2"/>
   ${row('Pension või toetus', benefit)}${row('Määratud', period)}${row(`Summa kuus seisuga ${formatDate(registration.registeredAt)}`, formatEuros(data.monthlyAmountCents))}
  </table:table>
  <text:p text:style-name="Small">Summa on näidatud enne tulumaksu kinnipidamist.</text:p>
  <text:p>Tõend antakse esitamiseks: ${xml(data.purpose)}.</text:p>
  <text:p text:style-name="Small">(kinnitatud elektroonilise templiga)</text:p>
  <text:p>${xml(data.signer.name)}<text:line-break/>${xml(data.signer.title)}</text:p>
 </office:text></office:body>
</office:document>
`;
}
