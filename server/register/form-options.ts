// The choices of the register's forms: document types, access grounds, units and assignable people.
import { and, asc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { documentTypes, staff } from '@/db/schema';
import { authorize } from '@/server/auth/policy';
import { registerReference } from './reference-cache';
import type { RegisterActor } from './visibility';

/** Choices for the registration and work forms. */
/** The register's choices, named in `locale` (the page's language). */
export async function registerOptions(actor: RegisterActor, locale: string = 'et') {
  authorize(actor, 'register.read');
  const db = await getDb();
  const [reference, people] = await Promise.all([
    registerReference(db),
    // People are not cached: a new colleague is assignable at once.
    db
      .select({ id: staff.id, givenName: staff.givenName, familyName: staff.familyName, unitCode: staff.unitCode })
      .from(staff)
      .where(and(eq(staff.isActive, true), sql`${staff.roles} && array['specialist','manager']::role[]`))
      .orderBy(asc(staff.familyName), asc(staff.givenName)),
  ]);
  return {
    types: documentTypeOptions(reference.types, locale),
    grounds: reference.grounds.map((g) => ({
      code: g.code,
      label: g.label,
      explanation: locale === 'en' ? g.explanationEn : g.explanationEt,
      termYears: g.termYears,
    })),
    units: reference.units.map((u) => ({ value: u.code, label: locale === 'en' ? u.nameEn : u.nameEt })),
    people: people.map((p) => ({ value: p.id, label: `${p.givenName} ${p.familyName}`, unitCode: p.unitCode })),
  };
}

function documentTypeOptions(types: (typeof documentTypes.$inferSelect)[], locale: string) {
  return types.map((t) => ({
    code: t.code,
    name: locale === 'en' ? t.nameEn : t.nameEt,
    direction: t.direction,
    defaultRestricted: t.defaultRestricted,
    defaultGroundCode: t.defaultGroundCode,
    defaultUnitCode: t.defaultUnitCode,
    deadlineKind: t.deadlineKind,
    deadlineDays: t.deadlineDays,
  }));
}

/** The active document types, for the register's search form (no people or grounds needed there). */
export async function documentTypeChoices(actor: RegisterActor): Promise<{ code: string; name: string }[]> {
  authorize(actor, 'register.read');
  const { types } = await registerReference(await getDb());
  return types.map((t) => ({ code: t.code, name: t.nameEt }));
}
