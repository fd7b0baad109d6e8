import type { Tx } from '../client';
import { consultationTopics } from '../schema';

// The consultation topics the issue names (duty 3.1); the administrator keeps the list.
export const demoConsultationTopics = [
  { code: 'old_age_pension', nameEt: 'Vanaduspension', nameEn: 'Old-age pension' },
  { code: 'work_ability_allowance', nameEt: 'Töövõimetoetus', nameEn: 'Work-ability allowance' },
  { code: 'disability_benefits', nameEt: 'Puudega inimese toetused', nameEn: 'Disability benefits' },
  { code: 'family_benefits', nameEt: 'Peretoetused', nameEn: 'Family benefits' },
  { code: 'funeral_benefit', nameEt: 'Matusetoetus', nameEn: 'Funeral benefit' },
  { code: 'pension_insurance_register', nameEt: 'Pensionikindlustuse register', nameEn: 'Pension insurance register' },
  { code: 'international', nameEt: 'Rahvusvaheline ja EL-i sotsiaalkindlustus', nameEn: 'International and EU social security' },
  { code: 'other', nameEt: 'Muu', nameEn: 'Other' },
] as const;

export async function seedConsultationTopics(tx: Tx) {
  await tx
    .insert(consultationTopics)
    .values(demoConsultationTopics.map((t, i) => ({ ...t, sortOrder: (i + 1) * 10 })))
    .onConflictDoNothing();
}
