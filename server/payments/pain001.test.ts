import { describe, expect, it } from 'vitest';
import { validateAgainstXsd } from '@/test/xsd';
import { debtorConfig } from './config';
import { buildPain001, type Pain001Payment } from './pain001';

const payments: Pain001Payment[] = [
  {
    endToEndId: 'SKA-1',
    amountCents: 25000,
    creditorName: 'Ülle-Mai Pärnpuu',
    creditorIban: 'EE382200221020145685',
    remittance: 'Matusetoetus Žanna Kuznetšova',
  },
  {
    endToEndId: 'SKA-2',
    amountCents: 1,
    creditorName: 'Mary Änn O’Connež-Šuslik',
    creditorIban: 'DE89370400440532013000',
    remittance: 'Matusetoetus Jaan Õun',
  },
  { endToEndId: 'SKA-3', amountCents: 19999, creditorName: 'Toomas Jõesaar', creditorIban: 'EE891010220034796011', remittance: 'Matusetoetus & Co (2026)' },
];
const batch = {
  messageId: 'SKA-20261130-ABCDEF',
  createdAt: new Date('2026-11-28T09:00:00Z'),
  executionDate: '2026-11-30',
  debtor: debtorConfig({}),
  payments,
};

describe('pain.001.001.09 file', () => {
  it('validates against the official schema', () => {
    const result = validateAgainstXsd(buildPain001(batch));
    expect(result.output).not.toMatch(/error/i);
    expect(result.ok).toBe(true);
  });

  it('carries the count and the control sum (the sum of the cents) at group and payment-information level', () => {
    const xml = buildPain001(batch);
    expect(xml.match(/<NbOfTxs>3<\/NbOfTxs>/g)).toHaveLength(2);
    expect(xml.match(/<CtrlSum>450\.00<\/CtrlSum>/g)).toHaveLength(2);
    expect(xml).toContain('<InstdAmt Ccy="EUR">0.01</InstdAmt>');
    expect(xml).toContain('<IBAN>EE382200221020145685</IBAN>');
    expect(xml).toContain('<Nm>Ulle-Mai Parnpuu</Nm>');
    expect(xml).toContain('<Nm>Mary Ann O&apos;Connez-Suslik</Nm>');
    expect(xml).toContain('<Dt>2026-11-30</Dt>');
    expect(xml).not.toMatch(/[õäöüšžÕÄÖÜŠŽ]/);
  });

  it('a file the schema refuses is noticed (the validator can fail)', () => {
    const broken = buildPain001(batch).replace('<PmtMtd>TRF</PmtMtd>', '<PmtMtd>CHK</PmtMtd>');
    expect(validateAgainstXsd(broken).ok).toBe(false);
  });

  it('refuses an execution date that is not a TARGET2 business day, and an empty batch', () => {
    expect(() => buildPain001({ ...batch, executionDate: '2026-12-25' })).toThrow(/TARGET2/);
    expect(() => buildPain001({ ...batch, payments: [] })).toThrow();
    expect(() => buildPain001({ ...batch, payments: [{ ...payments[0]!, amountCents: 10.5 }] })).toThrow(/amount/);
  });
});
