import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { accessGrounds, benefitKinds, clients, documentTypes, offices, regions, registerSeries, staff, units } from '../schema';
import { seedConsultationTopics } from './consultations';
import { seedRoutingRules } from './incidents';
import { demoBenefitKinds } from './payments-data';
import { demoOffices, demoRegions, demoStaff, demoUnits, TITLES_EN } from './org-data';
import { demoClients, demoDocumentTypes, demoGrounds, demoSeries } from './register-data';

/** Demo organisation and staff. Idempotent: running it again changes nothing. */
export async function seedDemo(db: Db): Promise<{ staffAdded: number }> {
  return db.transaction(async (tx) => {
    await tx
      .insert(regions)
      .values([...demoRegions])
      .onConflictDoNothing();
    await tx
      .insert(offices)
      .values(demoOffices.map(({ region, ...o }) => ({ ...o, regionCode: region })))
      .onConflictDoNothing();
    await tx
      .insert(units)
      .values([...demoUnits])
      .onConflictDoNothing();
    const added = await tx
      .insert(staff)
      .values(
        demoStaff.map((p) => ({
          personalCode: p.personalCode,
          givenName: p.givenName,
          familyName: p.familyName,
          email: p.email,
          phone: p.phone,
          title: p.title,
          titleEn: TITLES_EN[p.title] ?? null,
          unitCode: p.unit,
          officeCode: p.office,
          regionCode: p.region,
          roles: p.roles,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: staff.id });
    for (const p of demoStaff.filter((d) => d.manager)) {
      await tx
        .update(staff)
        .set({ managerId: sql`(select id from staff where personal_code = ${p.manager})` })
        .where(and(eq(staff.personalCode, p.personalCode), isNull(staff.managerId)));
    }
    await tx.insert(registerSeries).values(demoSeries).onConflictDoNothing();
    await tx.insert(accessGrounds).values(demoGrounds).onConflictDoNothing();
    await tx
      .insert(documentTypes)
      .values(demoDocumentTypes.map((t, i) => ({ ...t, sortOrder: (i + 1) * 10 })))
      .onConflictDoNothing();
    await tx.insert(clients).values(demoClients).onConflictDoNothing();
    await seedRoutingRules(tx);
    await seedConsultationTopics(tx);
    await tx.insert(benefitKinds).values(demoBenefitKinds).onConflictDoNothing();
    return { staffAdded: added.length };
  });
}

export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(staff);
  return (row?.n ?? 0) === 0;
}
