import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { consultations, staff } from '@/db/schema';
import { CONSULTATION_CHANNELS, type ConsultationChannel, type ConsultationOutcome } from '@/lib/consultation-schema';
import { recordConsultation } from './mutations';

// Consultations for the demo, so the managers' statistics show something: made through the
// domain function (with audit rows) over this month's days so far, spread over the offices'
// specialists, topics and channels by a fixed pattern (the same demo every time).

const DAY = 86_400_000;
const TOPICS = [
  'old_age_pension',
  'work_ability_allowance',
  'disability_benefits',
  'family_benefits',
  'pension_insurance_register',
  'international',
  'old_age_pension',
  'other',
];
const PEOPLE = ['47805122004', '36903032213', '38001085718', '38207302355', '47206212426', '49308092563'];

export async function seedDemoConsultations(): Promise<number> {
  const db = await getDb();
  const [existing] = await db.select({ n: count() }).from(consultations);
  if ((existing?.n ?? 0) > 0) return 0;
  const now = Date.now();
  const dayOfMonth = new Date(now).getUTCDate();
  let made = 0;
  for (const [p, code] of PEOPLE.entries()) {
    const [person] = await db.select().from(staff).where(eq(staff.personalCode, code));
    if (!person) continue;
    const actor = { id: person.id, personalCode: person.personalCode, roles: person.roles, regionCode: person.regionCode };
    for (let i = 0; i < 6 + p; i++) {
      const channel: ConsultationChannel = CONSULTATION_CHANNELS[(i * 3 + p) % 7 < 4 ? 0 : (i + p) % 4]!;
      const outcome: ConsultationOutcome = i % 5 === 4 ? 'referred' : i % 7 === 6 ? 'application' : 'answered';
      await recordConsultation(
        actor,
        {
          channel,
          topicCode: TOPICS[(i * 5 + p) % TOPICS.length]!,
          clientCode: '',
          durationMinutes: String([5, 10, 10, 15, 30][(i + p) % 5]),
          outcome,
          referredUnitCode: outcome === 'referred' ? 'pensionid' : '',
          note: '',
          submissionId: randomUUID(),
        },
        { requestId: 'demo-seed', now: new Date(now - ((i * 2 + p) % dayOfMonth) * DAY - (i + 1) * 3_600_000) },
      );
      made++;
    }
  }
  return made;
}
