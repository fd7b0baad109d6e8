import { makePersonalCode } from '../../lib/personal-code';
import { db } from '../support/db';

// A team of its own for each test: a fresh manager and specialists in the West region
// (Pärnu), so nothing another test does (or the demo people) changes what this one sees.

export type Member = { id: string; personalCode: string; name: string; email: string };

let serial = 100 + Math.floor(Math.random() * 800);
const run = Date.now().toString(36).slice(-5);

async function insert(givenName: string, familyName: string, roles: string, managerId: string | null): Promise<Member> {
  const day = String(1 + Math.floor(Math.random() * 28)).padStart(2, '0');
  const personalCode = makePersonalCode(`1982-0${1 + Math.floor(Math.random() * 9)}-${day}`, 'female', serial++);
  const email = `e2e.${personalCode}.${run}@sotsiaalkindlustusamet.ee`;
  const [row] = await db()`
    insert into staff (personal_code, given_name, family_name, email, unit_code, office_code, region_code, roles, manager_id)
    values (${personalCode}, ${givenName}, ${familyName}, ${email}, 'klienditeenindus', 'parnu', 'laane', ${`{${roles}}`}::role[], ${managerId})
    on conflict (personal_code) do update set is_active = true
    returning id`;
  return { id: row!.id as string, personalCode, name: `${givenName} ${familyName}`, email };
}

/** A manager and `size` specialists reporting to them; names carry a per-run suffix. */
export async function createTeam(size: number, label: string) {
  const suffix = `${label}${run}`.slice(0, 12);
  const manager = await insert('Juhan', `Juht-${suffix}`, 'manager', null);
  const given = ['Anne', 'Berit', 'Carmen', 'Diana'];
  const members: Member[] = [];
  for (let i = 0; i < size; i++) members.push(await insert(given[i]!, `Spets-${suffix}`, 'specialist', manager.id));
  return { manager, members };
}

/** Away from today (Tallinn) for a few days, with a substitute. */
export async function recordAbsence(who: Member, substitute: Member | null) {
  await db()`
    insert into absences (staff_id, kind, starts_on, ends_on, substitute_id, created_by)
    values (${who.id}, 'vacation', (now() at time zone 'Europe/Tallinn')::date, (now() at time zone 'Europe/Tallinn')::date + 3, ${substitute?.id ?? null}, ${who.id})`;
}
