import postgres from 'postgres';
import { e2eDatabaseUrl } from './env';

// Direct database access for fixtures (each test seeds what it needs) and for checking
// what was, or was not, written.
let sql: postgres.Sql | undefined;

export function db(): postgres.Sql {
  sql ??= postgres(e2eDatabaseUrl(), { max: 2, onnotice: () => {} });
  return sql;
}

export async function auditRows(where: { action: string; actorCode?: string }) {
  return db()`select * from audit_log where action = ${where.action} ${where.actorCode ? db()`and actor_code = ${where.actorCode}` : db()``} order by seq`;
}

let serial = Math.floor(Math.random() * 900);

/**
 * A fresh active staff member that no other test uses. Roles go as an array literal:
 * sql.array() fails ("malformed array literal") as the first query on a new connection,
 * before postgres.js has fetched the array types.
 */
export async function createStaffMember(roles: string[] = ['specialist']) {
  const { makePersonalCode } = await import('../../lib/personal-code');
  const day = String(1 + Math.floor(Math.random() * 28)).padStart(2, '0');
  const personalCode = makePersonalCode(`1975-0${1 + Math.floor(Math.random() * 9)}-${day}`, 'female', serial++);
  const email = `e2e.${personalCode}.${Date.now()}@sotsiaalkindlustusamet.ee`;
  const [row] = await db()`
    insert into staff (personal_code, given_name, family_name, email, unit_code, office_code, region_code, roles)
    values (${personalCode}, 'Testiöö', ${'Õunpuu-' + personalCode.slice(-4)}, ${email}, 'klienditeenindus', 'tartu', 'louna', ${`{${roles.join(',')}}`}::role[])
    on conflict (personal_code) do update set is_active = true
    returning id, personal_code, given_name, family_name`;
  return { id: row!.id as string, personalCode, name: `${row!.given_name} ${row!.family_name}` };
}
