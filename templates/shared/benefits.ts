import type { Localized } from './types';

// Pensions and benefits the Board pays, as a certificate names them. The English names follow
// the Board's own English pages, for foreign institutions.
export const BENEFIT_KINDS = {
  'old-age-pension': { et: 'vanaduspension', en: 'old-age pension' },
  'early-old-age-pension': { et: 'ennetähtaegne vanaduspension', en: 'early old-age pension' },
  'flexible-old-age-pension': { et: 'paindlik vanaduspension', en: 'flexible old-age pension' },
  'work-incapacity-pension': { et: 'töövõimetuspension', en: 'pension for incapacity for work' },
  'survivors-pension': { et: 'toitjakaotuspension', en: 'survivor’s pension' },
  'national-pension': { et: 'rahvapension', en: 'national pension' },
  'disability-allowance': { et: 'puudega inimese sotsiaaltoetus', en: 'disability allowance' },
  'disabled-child-allowance': { et: 'puudega lapse toetus', en: 'disabled child allowance' },
  'child-allowance': { et: 'lapsetoetus', en: 'child allowance' },
  'parental-benefit': { et: 'vanemahüvitis', en: 'parental benefit' },
} as const satisfies Record<string, Localized>;

export type BenefitKind = keyof typeof BENEFIT_KINDS;
export const BENEFIT_KIND_IDS = Object.keys(BENEFIT_KINDS) as [BenefitKind, ...BenefitKind[]];

/** Pensions are "pension", the rest "benefit", in a certificate's heading. */
export function isPension(kind: BenefitKind): boolean {
  return kind.endsWith('pension');
}
