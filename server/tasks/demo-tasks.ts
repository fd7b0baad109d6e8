import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { staff, tasks } from '@/db/schema';
import { saveAbsence } from '@/server/absences/mutations';
import { addDays, tallinnDate } from '@/server/calendar/working-days';
import { submitProposal } from '@/server/proposals/mutations';
import { setAutoAssign } from '@/server/workload/config';
import { completeTask, createTasks, reviewTask, startTask } from './mutations';
import type { TaskActor } from './scope';

// Tasks, an absence and a proposal for the demo, made through the domain functions so
// their history, notices and audit rows are what a user would create. Kätlin Mägi is on
// vacation this week and Tõnu Saar substitutes her; sign in as Tõnu to see the header and
// her work in his list, as Jüri Õunapuu (the manager) for the overview.

const DAY = 86_400_000;

export async function seedDemoTasks(): Promise<{ tasks: number; absences: number }> {
  const db = await getDb();
  const [existing] = await db.select({ n: count() }).from(tasks);
  if ((existing?.n ?? 0) > 0) return { tasks: 0, absences: 0 };
  const actor = async (code: string): Promise<TaskActor> => {
    const [p] = await db.select().from(staff).where(eq(staff.personalCode, code));
    return { id: p!.id, personalCode: p!.personalCode, roles: p!.roles, unitCode: p!.unitCode, regionCode: p!.regionCode };
  };
  const ctx = { requestId: 'demo-seed' };
  const juri = await actor('37509182078');
  const mari = await actor('47805122004');
  const tonu = await actor('36903032213');
  const katlin = await actor('48502272143');
  const jaak = await actor('38001085718');
  const peeter = await actor('37906062915');
  const today = tallinnDate(new Date());
  const given = (daysAgo: number, input: Omit<Parameters<typeof createTasks>[1], 'submissionId' | 'documentNumber' | 'clientCode' | 'dueTime'>) =>
    createTasks(juri, { documentNumber: '', clientCode: '', dueTime: '', submissionId: randomUUID(), ...input }, [], {
      ...ctx,
      now: new Date(Date.now() - daysAgo * DAY),
    });

  // Given last week, already past its deadline and not done.
  const report = await given(8, {
    title: 'Novembri pensionitaotluste ülevaade',
    description: 'Koosta lühiülevaade: mitu taotlust tuli, mitu ootab puuduvaid dokumente, mis on kõige sagedasem puudus.',
    dueDate: addDays(today, -2),
    priority: 'normal',
    assigneeIds: [mari.id],
  });
  await startTask(mari, { id: report.tasks[0]!.id }, ctx);

  // Done and accepted on time.
  const leaflets = await given(6, {
    title: 'Teenindussaali infovoldikud üle vaadata',
    description: 'Vaata üle saali voldikud: eemalda aegunud, telli puuduvad juurde.',
    dueDate: addDays(today, -1),
    priority: 'low',
    assigneeIds: [jaak.id],
  });
  await completeTask(jaak, { id: leaflets.tasks[0]!.id, result: 'Aegunud voldikud (2024) eemaldatud, peretoetuste voldikuid telliti 200 tk juurde.' }, ctx);
  const [done] = await db.select({ version: tasks.version }).from(tasks).where(eq(tasks.id, leaflets.tasks[0]!.id));
  await reviewTask(juri, { id: leaflets.tasks[0]!.id, version: String(done!.version), decision: 'accept', comment: 'Aitäh!' }, ctx);

  // Kätlin is on vacation this week; Tõnu substitutes her.
  await saveAbsence(
    katlin,
    { staffId: '', kind: 'vacation', startsOn: addDays(today, -1), endsOn: addDays(today, 5), substituteId: tonu.id, note: 'Puhkus' },
    ctx,
  );
  // Given to three people: Kätlin's goes to Tõnu, marked as substitution.
  await given(0, {
    title: 'Uue ooteaja-eesmärgi tutvustus',
    description: 'Loe läbi uus juhend (klient teenindatakse 15 minuti jooksul) ja kinnita, et oled sellega tutvunud; kirjuta, mis võiks takistada.',
    dueDate: addDays(today, 4),
    priority: 'high',
    assigneeIds: [mari.id, tonu.id, katlin.id],
  });

  await submitProposal(
    mari,
    {
      title: 'Järjekorranumbri ekraan ka teisele korrusele',
      description: 'Teise korruse ootealas ei näe kliendid oma järjekorranumbrit ning tulevad küsima. Üks ekraan trepi juures lahendaks selle.',
    },
    [],
    ctx,
  );
  // Customer service shares general applications out fairly.
  await setAutoAssign(peeter, { unitCode: 'klienditeenindus', regionCode: 'pohja', typeCode: 'general_application', enabled: true }, ctx);
  const [made] = await db.select({ n: count() }).from(tasks);
  return { tasks: Number(made?.n ?? 0), absences: 1 };
}
