import type { TemplateId } from '@/templates/registry';

// What the issuing form starts with: what the portal knows (the client, the signer, the
// registered document and its missing-documents request). Facts only the specialist knows
// (amounts, periods, the letter's text) start empty: never sample data on a real document.

export type PrefillContext = {
  client: { name: string; personalCode: string; address: string } | null;
  signer: { name: string; title: string; email: string; phone: string };
  /** Issued from a registered document. */
  source: {
    number: string;
    title: string;
    typeName: string;
    receivedOn: string;
    senderReference: string | null;
    senderDate: string | null;
    institutionName: string | null;
    /** The application's registration number for a missing-documents notice (the matter's first document). */
    matterNumber: string;
    matterTitle: string;
    matterReceivedOn: string;
  } | null;
  missing: { items: string[]; clientDeadline: string } | null;
  today: string;
};

export function prefillFor(templateId: TemplateId, c: PrefillContext): Record<string, unknown> {
  const client = c.client ?? { name: '', personalCode: '', address: '' };
  switch (templateId) {
    case 'benefit-certificate':
      return {
        language: 'et',
        client,
        benefitKind: 'old-age-pension',
        periodStart: '',
        periodEnd: '',
        monthlyAmountCents: null,
        purpose: '',
        signer: c.signer,
        restriction: null,
      };
    case 'insurance-register-notice': {
      const year = Number(c.today.slice(0, 4)) - 1;
      return {
        client,
        asOf: c.today,
        rows: [{ year, periodStart: `${year}-01-01`, periodEnd: `${year}-12-31`, socialTaxCents: null, coefficient: null }],
        signer: c.signer,
        restriction: null,
      };
    }
    case 'missing-documents-notice':
      return {
        client,
        application: {
          title: (c.source?.matterTitle ?? '').toLocaleLowerCase('et').slice(0, 150),
          registrationNumber: c.source?.matterNumber ?? '',
          receivedOn: c.source?.matterReceivedOn ?? '',
        },
        documents: (c.missing?.items.length ? c.missing.items : ['']).map((name) => ({ name, note: '' })),
        deadline: c.missing?.clientDeadline ?? '',
        channels: ['email', 'post', 'office'],
        note: '',
        signer: c.signer,
        restriction: null,
      };
    case 'reply-letter':
      return {
        recipient: c.client ?? { name: c.source?.institutionName ?? '', personalCode: '', address: '' },
        theirDate: c.source?.senderDate ?? c.source?.receivedOn ?? '',
        theirNumber: c.source?.senderReference ?? '',
        title: c.source ? `Vastus: ${c.source.title}`.slice(0, 200) : '',
        salutation: '',
        body: '',
        signer: c.signer,
        restriction: null,
      };
    case 'receipt-confirmation':
      // Printed from the register entry (app/(portal)/dokumendid/[id]/vastuvotuteatis), never issued.
      return {
        language: 'et',
        party: c.client?.name ?? c.source?.institutionName ?? '',
        registrationNumber: c.source?.number ?? '',
        registeredOn: c.today,
        receivedOn: c.source?.receivedOn ?? c.today,
        typeName: c.source?.typeName ?? '',
        title: c.source?.title ?? '',
        files: 0,
        pages: null,
        unitName: '',
        deadline: '',
        deadlineKind: 'none',
        registeredBy: c.signer.name,
      };
    case 'certified-copy':
      return { client, original: { title: '', issuer: '', number: '', issuedOn: '' }, pageCount: 1, note: '', signer: c.signer };
  }
}
