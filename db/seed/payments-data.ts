// Kinds of benefit paid through the portal. The funeral benefit (matusetoetus) is the one the
// job description names; the state stopped paying it in 2018 (local governments pay it now),
// so it is seeded only as the first, configurable kind.
export const demoBenefitKinds = [
  {
    code: 'funeral_benefit',
    nameEt: 'Matusetoetus',
    nameEn: 'Funeral benefit',
    shape: 'one_off' as const,
    remittancePrefix: 'Matusetoetus',
    noteEt: 'Riik ei maksa matusetoetust alates 2018. aastast, seda maksavad kohalikud omavalitsused. Liik on näidisena esimene seadistatav toetuseliik.',
    noteEn: 'The state has not paid a funeral benefit since 2018; local governments pay it. It is the first configurable kind, as an example.',
    sortOrder: 10,
  },
];
