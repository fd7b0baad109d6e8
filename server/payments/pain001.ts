import { centsToDecimal } from '@/lib/money';
import type { DebtorConfig } from './config';
import { sepaField } from '@/lib/sepa-text';
import { isTarget2BusinessDay } from './target2';

// An ISO 20022 `pain.001.001.09` customer credit transfer initiation in the form the EPC's
// SEPA Credit Transfer rulebook allows (EPC132-08 2023 v1.0; the schema and its README are
// in shared/data/iso20022): EUR, IBANs, one payment-information block per batch, the
// number of transactions and the control sum at both group and payment-information level.
// Amounts come in integer cents and are written as decimals by string arithmetic.

export type Pain001Payment = {
  endToEndId: string; // ≤ 35, unique within the batch
  amountCents: number;
  creditorName: string;
  creditorIban: string;
  remittance: string; // ≤ 140 after transliteration
};

export type Pain001Batch = {
  messageId: string; // ≤ 35, unique per file
  createdAt: Date;
  executionDate: string; // yyyy-mm-dd, a TARGET2 business day
  debtor: DebtorConfig;
  payments: readonly Pain001Payment[];
};

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

const ID = /^[A-Za-z0-9/\-?:().,'+]{1,35}$/;

export function controlSumCents(payments: readonly Pick<Pain001Payment, 'amountCents'>[]): number {
  return payments.reduce((sum, p) => sum + p.amountCents, 0);
}

export function buildPain001(batch: Pain001Batch): string {
  if (batch.payments.length === 0) throw new Error('a payment file needs at least one payment');
  if (!ID.test(batch.messageId)) throw new Error(`bad message id: ${batch.messageId}`);
  if (!isTarget2BusinessDay(batch.executionDate)) throw new Error(`not a TARGET2 business day: ${batch.executionDate}`);
  for (const p of batch.payments) {
    if (!ID.test(p.endToEndId)) throw new Error(`bad end-to-end id: ${p.endToEndId}`);
    if (!Number.isSafeInteger(p.amountCents) || p.amountCents < 1 || p.amountCents > 99_999_999_999) throw new Error(`bad amount: ${p.amountCents}`);
  }
  const count = String(batch.payments.length);
  const sum = centsToDecimal(controlSumCents(batch.payments));
  const debtorName = escapeXml(sepaField(batch.debtor.name, 70));
  const createdAt = batch.createdAt.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const tx = batch.payments
    .map(
      (p) => `      <CdtTrfTxInf>
        <PmtId>
          <EndToEndId>${escapeXml(p.endToEndId)}</EndToEndId>
        </PmtId>
        <Amt>
          <InstdAmt Ccy="EUR">${centsToDecimal(p.amountCents)}</InstdAmt>
        </Amt>
        <Cdtr>
          <Nm>${escapeXml(sepaField(p.creditorName, 70))}</Nm>
        </Cdtr>
        <CdtrAcct>
          <Id>
            <IBAN>${escapeXml(p.creditorIban)}</IBAN>
          </Id>
        </CdtrAcct>
        <RmtInf>
          <Ustrd>${escapeXml(sepaField(p.remittance, 140))}</Ustrd>
        </RmtInf>
      </CdtTrfTxInf>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.09">
  <CstmrCdtTrfInitn>
    <GrpHdr>
      <MsgId>${escapeXml(batch.messageId)}</MsgId>
      <CreDtTm>${createdAt}</CreDtTm>
      <NbOfTxs>${count}</NbOfTxs>
      <CtrlSum>${sum}</CtrlSum>
      <InitgPty>
        <Nm>${debtorName}</Nm>
        <Id>
          <OrgId>
            <Othr>
              <Id>${escapeXml(batch.debtor.registryCode)}</Id>
              <SchmeNm>
                <Cd>COID</Cd>
              </SchmeNm>
            </Othr>
          </OrgId>
        </Id>
      </InitgPty>
    </GrpHdr>
    <PmtInf>
      <PmtInfId>${escapeXml(batch.messageId)}</PmtInfId>
      <PmtMtd>TRF</PmtMtd>
      <BtchBookg>false</BtchBookg>
      <NbOfTxs>${count}</NbOfTxs>
      <CtrlSum>${sum}</CtrlSum>
      <PmtTpInf>
        <SvcLvl>
          <Cd>SEPA</Cd>
        </SvcLvl>
      </PmtTpInf>
      <ReqdExctnDt>
        <Dt>${batch.executionDate}</Dt>
      </ReqdExctnDt>
      <Dbtr>
        <Nm>${debtorName}</Nm>
      </Dbtr>
      <DbtrAcct>
        <Id>
          <IBAN>${escapeXml(batch.debtor.iban)}</IBAN>
        </Id>
      </DbtrAcct>
      <DbtrAgt>
        <FinInstnId>
          <BICFI>${escapeXml(batch.debtor.bic)}</BICFI>
        </FinInstnId>
      </DbtrAgt>
      <ChrgBr>SLEV</ChrgBr>
${tx}
    </PmtInf>
  </CstmrCdtTrfInitn>
</Document>
`;
}
