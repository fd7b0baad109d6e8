// Register reference data: series of the records schedule, access-restriction grounds
// (Avaliku teabe seadus § 35) and document types with their legal deadlines. Pure data.

export const demoSeries = [
  { code: '1-1', name: 'Üldkirjavahetus', withYear: false },
  { code: '2-1', name: 'Pensionitaotlused ja -otsused', withYear: false },
  { code: '2-2', name: 'Peretoetuste taotlused', withYear: false },
  { code: '2-3', name: 'Puude raskusastme tuvastamise taotlused', withYear: false },
  { code: '2-4', name: 'Enammakstud summade taotlused', withYear: false },
  { code: '3-1', name: 'Märgukirjad ja selgitustaotlused', withYear: false },
  { code: '3-2', name: 'Teabenõuded', withYear: false },
  { code: '4-1', name: 'Väljastatud tõendid ja teatised', withYear: true },
];

export const demoGrounds = [
  {
    code: 'avts-35-1-12',
    label: 'AvTS § 35 lg 1 p 12',
    explanationEt: 'Dokumendis on isikuandmed, mille avalikustamine kahjustaks inimese eraelu. Tavaline alus klientide taotlustele ja kirjadele.',
    explanationEn: 'The document holds personal data whose disclosure would harm the person’s privacy. The usual ground for clients’ applications and letters.',
    termYears: 75,
  },
  {
    code: 'avts-35-1-11',
    label: 'AvTS § 35 lg 1 p 11',
    explanationEt: 'Dokumendis on eriliigilised isikuandmed, näiteks terviseandmed (puude ja töövõime taotlused, arstide andmed).',
    explanationEn: 'The document holds special categories of personal data such as health data (disability applications, doctors’ data).',
    termYears: 75,
  },
  {
    code: 'avts-35-2-2',
    label: 'AvTS § 35 lg 2 p 2',
    explanationEt: 'Asutusesisene dokumendikavand või arvamus, mida ei ole veel vastu võetud.',
    explanationEn: 'An internal draft or opinion that has not yet been adopted.',
    termYears: 5,
  },
];

type Rule = { deadlineKind: 'none' | 'calendar_days' | 'working_days'; deadlineDays: number | null };
const none: Rule = { deadlineKind: 'none', deadlineDays: null };
const calendar = (days: number): Rule => ({ deadlineKind: 'calendar_days', deadlineDays: days });
const working = (days: number): Rule => ({ deadlineKind: 'working_days', deadlineDays: days });

export const demoDocumentTypes = [
  {
    code: 'pension_application',
    nameEt: 'Pensionitaotlus',
    nameEn: 'Pension application',
    direction: 'incoming',
    seriesCode: '2-1',
    defaultGroundCode: 'avts-35-1-12',
    // The Board decides within 15 working days of the last needed document.
    ...working(15),
    restartAfterMissing: true,
    defaultUnitCode: 'pensionid',
  },
  {
    code: 'family_benefit_application',
    nameEt: 'Peretoetuse taotlus',
    nameEn: 'Family benefit application',
    direction: 'incoming',
    seriesCode: '2-2',
    defaultGroundCode: 'avts-35-1-12',
    ...calendar(30),
    defaultUnitCode: 'peretoetused',
  },
  {
    code: 'general_application',
    nameEt: 'Avaldus',
    nameEn: 'General application',
    direction: 'incoming',
    seriesCode: '1-1',
    defaultGroundCode: 'avts-35-1-12',
    ...calendar(30),
    defaultUnitCode: 'klienditeenindus',
  },
  {
    code: 'memorandum',
    nameEt: 'Märgukiri',
    nameEn: 'Memorandum',
    direction: 'incoming',
    seriesCode: '3-1',
    defaultGroundCode: 'avts-35-1-12',
    // MSVS § 6: 30 calendar days, extendable to 2 months with the reason told (a bill proposes 15).
    ...calendar(30),
    extensionMonths: 2,
    defaultUnitCode: 'klienditeenindus',
  },
  {
    code: 'explanation_request',
    nameEt: 'Selgitustaotlus',
    nameEn: 'Request for explanation',
    direction: 'incoming',
    seriesCode: '3-1',
    defaultGroundCode: 'avts-35-1-12',
    ...calendar(30),
    extensionMonths: 2,
    defaultUnitCode: 'klienditeenindus',
  },
  {
    code: 'information_request',
    nameEt: 'Teabenõue',
    nameEn: 'Request for information',
    direction: 'incoming',
    seriesCode: '3-2',
    defaultGroundCode: 'avts-35-1-12',
    // AvTS § 18: 5 working days, extendable to 15 working days with reasons.
    ...working(5),
    extensionKind: 'working_days',
    extensionDays: 15,
    defaultUnitCode: 'klienditeenindus',
  },
  {
    code: 'disability_assessment_application',
    nameEt: 'Puude raskusastme tuvastamise taotlus',
    nameEn: 'Disability degree assessment application',
    direction: 'incoming',
    seriesCode: '2-3',
    defaultGroundCode: 'avts-35-1-11',
    ...calendar(30),
    defaultUnitCode: 'ekspertiis',
  },
  {
    code: 'overpayment_application',
    nameEt: 'Enammakstud summa tagasimaksmise või sellest vabastamise taotlus',
    nameEn: 'Overpayment repayment or waiver application',
    direction: 'incoming',
    seriesCode: '2-4',
    defaultGroundCode: 'avts-35-1-12',
    ...calendar(30),
    defaultUnitCode: 'finants',
  },
  {
    code: 'general_letter',
    nameEt: 'Kiri',
    nameEn: 'Letter',
    direction: 'incoming',
    seriesCode: '1-1',
    defaultGroundCode: 'avts-35-1-12',
    ...calendar(30),
    defaultUnitCode: 'klienditeenindus',
  },
  { code: 'reply', nameEt: 'Vastuskiri', nameEn: 'Reply', direction: 'outgoing', seriesCode: '1-1', defaultGroundCode: 'avts-35-1-12', ...none },
  { code: 'certificate', nameEt: 'Tõend', nameEn: 'Certificate', direction: 'outgoing', seriesCode: '4-1', defaultGroundCode: 'avts-35-1-12', ...none },
  { code: 'notice', nameEt: 'Teatis', nameEn: 'Notice', direction: 'outgoing', seriesCode: '4-1', defaultGroundCode: 'avts-35-1-12', ...none },
  {
    code: 'missing_documents_request',
    nameEt: 'Puuduvate dokumentide teatis',
    nameEn: 'Missing-documents request',
    direction: 'outgoing',
    seriesCode: '1-1',
    defaultGroundCode: 'avts-35-1-12',
    ...none,
  },
] as const;

/** Clients for the demo (valid personal codes). */
export const demoClients = [
  {
    personalCode: '60001019906',
    givenName: 'Mary Änn',
    familyName: 'O’Connež-Šuslik',
    email: 'mary.ann@example.ee',
    phone: '+372 5123 4567',
    address: 'Tartu mnt 1, 10115 Tallinn',
  },
  { personalCode: '36805280109', givenName: 'Toomas', familyName: 'Jõesaar', email: null, phone: '+372 5234 5678', address: 'Rüütli 12, 51007 Tartu' },
  { personalCode: '60001017869', givenName: 'Ülle-Mai', familyName: 'Pärnpuu', email: 'ulle.mai@example.ee', phone: null, address: 'Papiniidu 5, 80010 Pärnu' },
  { personalCode: '45503150215', givenName: 'Žanna', familyName: 'Kuznetšova', email: null, phone: '+372 5345 6789', address: 'Tallinna mnt 22, 20304 Narva' },
];
