import type { Language } from './types';

// Words the shared parts of a document print. These are document text, not portal UI, so
// they live with the templates (a template's wording is versioned with it), not in lib/i18n.
export const LABELS = {
  et: {
    number: 'nr',
    ours: 'Meie',
    theirs: 'Teie',
    personalCode: 'isikukood',
    registryCode: 'Registrikood',
    page: 'Lk',
    pendingNumber: 'registreeritakse väljastamisel',
    sealed: '(kinnitatud elektroonilise templiga)',
    signatureLine: '(allkiri)',
    verificationCode: 'Kontrollkood',
    verificationText: 'Dokumendi ehtsust ja muutmatust saab kontrollida Sotsiaalkindlustusametis selle koodi või QR-koodi alusel.',
    restricted: 'ASUTUSESISESEKS KASUTAMISEKS',
    restrictionSetOn: 'Märge tehtud',
    restrictionValidUntil: 'Juurdepääsupiirang kehtib kuni',
    restrictionBasis: 'Alus',
    publicInformationAct: 'avaliku teabe seadus',
    sincerely: 'Lugupidamisega',
    contact: 'Kontaktisik',
  },
  en: {
    number: 'No',
    ours: 'Our ref.',
    theirs: 'Your ref.',
    personalCode: 'personal identification code',
    registryCode: 'Registry code',
    page: 'Page',
    pendingNumber: 'assigned on issue',
    sealed: '(sealed with an electronic seal)',
    signatureLine: '(signature)',
    verificationCode: 'Verification code',
    verificationText: 'The Social Insurance Board confirms the authenticity and integrity of this document by this code or the QR code.',
    restricted: 'FOR INTERNAL USE ONLY',
    restrictionSetOn: 'Marked on',
    restrictionValidUntil: 'Restriction valid until',
    restrictionBasis: 'Legal basis',
    publicInformationAct: 'Public Information Act',
    sincerely: 'Yours sincerely',
    contact: 'Contact',
  },
} as const satisfies Record<Language, Record<string, string>>;

export type Labels = (typeof LABELS)[Language];
