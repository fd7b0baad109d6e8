import { describe, expect, it } from 'vitest';
import { TEMPLATE_IDS, validateTemplateData } from '@/templates/registry';
import { prefillFor, type PrefillContext } from './prefill';

const context: PrefillContext = {
  client: { name: 'Mary Änn O’Connež-Šuslik', personalCode: '60001019906', address: 'Tartu mnt 1\n10115 Tallinn' },
  signer: { name: 'Mari Tamm', title: 'Klienditeeninduse spetsialist', email: 'mari.tamm@sotsiaalkindlustusamet.ee', phone: '+372 612 1311' },
  source: {
    number: '2-1/1534',
    title: 'Vanaduspensioni taotlus',
    typeName: 'Pensionitaotlus',
    receivedOn: '2026-11-12',
    senderReference: null,
    senderDate: null,
    institutionName: null,
    matterNumber: '2-1/1534',
    matterTitle: 'Vanaduspensioni taotlus',
    matterReceivedOn: '2026-11-12',
  },
  missing: { items: ['Pangakonto andmed', 'Tööraamat'], clientDeadline: '2026-12-14' },
  today: '2026-11-28',
};

// What only the specialist knows starts empty; everything else the portal knows is valid as prefilled.
const leftToFill: Record<string, string[]> = {
  'benefit-certificate': ['monthlyAmountCents', 'periodStart', 'purpose'],
  'insurance-register-notice': ['rows.0.socialTaxCents'],
  'missing-documents-notice': [],
  'reply-letter': ['body'],
  'certified-copy': ['original.title'],
  'receipt-confirmation': ['unitName'],
};

describe('issuing form prefill', () => {
  it.each(TEMPLATE_IDS)('%s: only the facts the specialist supplies are missing', (id) => {
    const result = validateTemplateData(id, prefillFor(id, context));
    expect(result.ok ? [] : Object.keys(result.fieldErrors).sort()).toEqual(leftToFill[id]);
  });

  it('fills the missing-documents notice from the register’s request and the reply from the enquiry', () => {
    expect(prefillFor('missing-documents-notice', context)).toMatchObject({
      application: { title: 'vanaduspensioni taotlus', registrationNumber: '2-1/1534', receivedOn: '2026-11-12' },
      documents: [{ name: 'Pangakonto andmed' }, { name: 'Tööraamat' }],
      deadline: '2026-12-14',
    });
    expect(prefillFor('reply-letter', context)).toMatchObject({ recipient: context.client, theirDate: '2026-11-12', title: 'Vastus: Vanaduspensioni taotlus' });
  });
});
