import { eq, type SQL } from 'drizzle-orm';
import { consultations } from '@/db/schema';
import type { Actor } from '@/server/auth/policy';

// Who sees which consultations. A specialist sees the ones they recorded. A manager counts
// the consultations recorded in their region: a regional customer-service manager answers
// for the region's offices, and the record keeps the region it was given in, so a person
// moving later does not move the statistics. (A manager of another department in the same
// region, e.g. the head of pensions, counts the same region: the numbers are not personal
// data, the client codes are not shown in them.)

export type ConsultationActor = Actor & { regionCode: string };

export const ownConsultations = (actor: ConsultationActor): SQL => eq(consultations.staffId, actor.id);
export const regionConsultations = (actor: ConsultationActor): SQL => eq(consultations.regionCode, actor.regionCode);
