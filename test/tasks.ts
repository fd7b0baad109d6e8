import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { selectRows, type Db } from '@/db/client';
import { absences, staff } from '@/db/schema';
import type { CreateTaskInput } from '@/lib/task-schema';
import type { Role } from '@/lib/roles';
import { addDays, tallinnDate } from '@/server/calendar/working-days';

// Shared fixtures for the tasks, absences, proposals and workload integration tests.

export type TestActor = { id: string; personalCode: string; roles: Role[]; unitCode: string; regionCode: string; email: string; name: string };

export async function actorFor(db: Db, personalCode: string): Promise<TestActor> {
  const [row] = await db.select().from(staff).where(eq(staff.personalCode, personalCode));
  if (!row) throw new Error(`no staff ${personalCode}`);
  return {
    id: row.id,
    personalCode: row.personalCode,
    roles: row.roles,
    unitCode: row.unitCode,
    regionCode: row.regionCode,
    email: row.email,
    name: `${row.givenName} ${row.familyName}`,
  };
}

export const codes = {
  juri: '37509182078', // Põhja regional manager (customer service)
  mari: '47805122004', // specialist, Tallinn, Jüri's team
  tonu: '36903032213', // specialist, Tallinn, Jüri's team
  katlin: '48502272143', // specialist, Tallinn, Jüri's team
  jaak: '38001085718', // specialist, Tallinn, Jüri's team
  ulle: '49111142280', // Lõuna regional manager
  andres: '38207302355', // specialist, Tartu (Lõuna)
  rasmus: '39203173055', // head of pensions (specialist + manager)
  eha: '48710242983', // pensions specialist
  peeter: '37906062915', // administrator
  aivar: '39512022777', // head of IT support
} as const;
export type People = Record<keyof typeof codes, TestActor>;

export async function loadPeople(db: Db): Promise<People> {
  const people = {} as People;
  for (const [key, code] of Object.entries(codes)) people[key as keyof typeof codes] = await actorFor(db, code);
  return people;
}

export const today = () => tallinnDate(new Date());

export const taskInput = (assigneeIds: string[], overrides: Partial<CreateTaskInput> = {}): CreateTaskInput => ({
  title: 'Kontrolli infovoldikuid',
  description: 'Vaata üle teenindussaali voldikud ja eemalda aegunud.',
  dueDate: addDays(today(), 3),
  dueTime: '',
  priority: 'normal',
  assigneeIds,
  documentNumber: '',
  clientCode: '',
  submissionId: randomUUID(),
  ...overrides,
});

export const ctx = { requestId: 'test' };

/** An absence straight into the table (as a fixture; the domain function has its own tests). */
export async function away(db: Db, who: { id: string }, substitute: { id: string } | null, startsOn = today(), endsOn = addDays(today(), 3)) {
  const [row] = await db
    .insert(absences)
    .values({ staffId: who.id, kind: 'vacation', startsOn, endsOn, substituteId: substitute?.id ?? null, createdBy: who.id })
    .returning({ id: absences.id });
  return row!.id;
}

/** Ends every absence (between tests that each set their own). */
export async function clearAbsences(db: Db) {
  await db
    .update(absences)
    .set({ cancelledAt: sql`now()` })
    .where(sql`${absences.cancelledAt} is null`);
}

export async function countRows(db: Db, table: string, where = sql`true`): Promise<number> {
  const [row] = await selectRows<{ n: number }>(db, sql`select count(*)::int as n from ${sql.identifier(table)} where ${where}`);
  return row!.n;
}
