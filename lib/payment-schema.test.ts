import { describe, expect, it } from 'vitest';
import { correctPaymentSchema, decisionReason } from './payment-schema';

describe('the reason for returning or rejecting a payment', () => {
  it('is trimmed, with line breaks kept as \\n, and 3 to 1000 characters', () => {
    expect(decisionReason.parse('  Kontrolli summat.\r\nTeine rida.  ')).toBe('Kontrolli summat.\nTeine rida.');
    expect(decisionReason.safeParse('   ').error?.issues[0]?.message).toBe('errors.required');
    expect(decisionReason.safeParse(' ab ').error?.issues[0]?.message).toBe('errors.reasonTooShort');
    expect(decisionReason.safeParse('x'.repeat(1000)).success).toBe(true);
    expect(decisionReason.safeParse('x'.repeat(1001)).error?.issues[0]?.message).toBe('errors.tooLong');
  });

  it('keeps markup as typed (it is only ever shown as text) and refuses control characters', () => {
    expect(decisionReason.parse('<script>alert(1)</script>')).toBe('<script>alert(1)</script>');
    expect(decisionReason.safeParse('Vale\u0007summa').error?.issues[0]?.message).toBe('errors.badChars');
  });
});

describe('correcting a returned payment', () => {
  it('checks the prepare form’s fields the same way', () => {
    const base = {
      paymentId: '8f9c2d64-5d0a-4f4e-9a43-2f0a7f3c1b11',
      kindCode: 'funeral_benefit',
      deceasedCode: '36805280109',
      deceasedName: 'Toomas Jõesaar',
      applicantCode: '60001017869',
      applicantName: 'Ülle-Mai Pärnpuu',
      basis: 'Korraldus nr 1',
      amount: '260,00',
      recipientName: 'Ülle-Mai Pärnpuu',
      recipientIban: 'EE38 2200 2210 2014 5685',
      decisionDate: '2026-11-02',
    };
    expect(correctPaymentSchema.safeParse(base).success).toBe(true);
    expect(correctPaymentSchema.safeParse({ ...base, recipientIban: 'EE382200221020145686' }).error?.issues[0]?.message).toBe('errors.iban');
    expect(correctPaymentSchema.safeParse({ ...base, recipientIban: 'US64SVBKUS6S3300958879' }).error?.issues[0]?.message).toBe('errors.ibanCountry');
    expect(correctPaymentSchema.safeParse({ ...base, recipientIban: 'RS35 2600 0560 1001 6113 79' }).success).toBe(true);
    expect(correctPaymentSchema.safeParse({ ...base, recipientName: 'Иван' }).error?.issues[0]?.message).toBe('errors.sepaText');
    expect(correctPaymentSchema.safeParse({ ...base, amount: '0' }).error?.issues[0]?.message).toBe('errors.amountEuros');
  });
});
