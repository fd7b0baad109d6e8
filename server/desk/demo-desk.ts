import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { benefitPayments, incidents, outboxMessages, staff } from '@/db/schema';
import { reportIncident } from '@/server/incidents/mutations';
import { approvePayment, preparePayment } from '@/server/payments/mutations';
import { addDays, tallinnDate } from '@/server/calendar/working-days';
import { completeTask, createTasks, startTask } from '@/server/tasks/mutations';
import type { TaskActor } from '@/server/tasks/scope';

// A day's desk for every demo person ("Mind ootab"), made through the domain functions so
// history, notices and audit rows are what users would create: IT support (Kristi Õun, Aivar
// Lõhmus) find the IT queue's untaken incidents, Jüri Õunapuu a payment to approve and a task
// done awaiting his acceptance, finance (Helje Rebane) an approved payment waiting for a batch,
// the administrator (Peeter Põder) a message the outbox gave up on.

export async function seedDemoDesk(): Promise<number> {
  const db = await getDb();
  const [existing] = await db.select({ n: count() }).from(incidents);
  if ((existing?.n ?? 0) > 0) return 0;
  const actor = async (code: string) => {
    const [p] = await db.select().from(staff).where(eq(staff.personalCode, code));
    return { id: p!.id, personalCode: p!.personalCode, roles: p!.roles, unitCode: p!.unitCode, regionCode: p!.regionCode } satisfies TaskActor;
  };
  const ctx = { requestId: 'demo-seed' };
  const juri = await actor('37509182078');
  const mari = await actor('47805122004');
  const tonu = await actor('36903032213');
  const today = tallinnDate(new Date());

  const reports = [
    {
      who: mari,
      category: 'id_card_reader',
      place: 'Teenindussaal, laud 3',
      assetTag: 'SKA-01234',
      serviceBlocked: 'yes',
      people: 1,
      urgency: 'high',
      text: 'ID-kaardi lugeja ei tunne ühtegi kaarti ära, tuli vilgub punaselt. Klienti ei saa tuvastada.',
    },
    {
      who: tonu,
      category: 'monitor',
      place: 'Kabinet 214',
      assetTag: 'SKA-00913',
      serviceBlocked: 'no',
      people: 1,
      urgency: 'medium',
      text: 'Teine monitor jääb pärast ooterežiimi mustaks, aitab ainult toitejuhtme eemaldamine.',
    },
    {
      who: mari,
      category: 'printer',
      place: 'Teenindussaal, printer 2. korrusel',
      assetTag: 'SKA-00420',
      serviceBlocked: 'yes',
      people: 4,
      urgency: 'medium',
      text: 'Printer tõmbab paberit viltu ja jätab lehed kinni, tõendeid ei saa klientidele välja printida.',
    },
  ] as const;
  for (const r of reports) {
    await reportIncident(
      r.who,
      {
        category: r.category,
        officeCode: 'tallinn',
        place: r.place,
        assetTag: r.assetTag,
        serviceBlocked: r.serviceBlocked,
        peopleAffected: r.people,
        urgency: r.urgency,
        description: r.text,
      },
      [],
      ctx,
    );
  }

  const payment = (deceasedName: string, amount: string, recipientName: string, recipientIban: string) => ({
    kindCode: 'funeral_benefit',
    deceasedCode: '36805280109',
    deceasedName,
    applicantCode: '60001017869',
    applicantName: recipientName,
    basis: 'Vallavalitsuse korraldus nr 1-3/245',
    amount,
    recipientName,
    recipientIban,
    decisionDate: today,
    submissionId: randomUUID(),
  });
  await preparePayment(mari, payment('Toomas Jõesaar', '250,00', 'Ülle-Mai Pärnpuu', 'EE38 2200 2210 2014 5685'), ctx);
  const approved = await preparePayment(tonu, payment('Heino Kask', '250,00', 'Malle Kask', 'EE47 1000 0010 2014 5685'), ctx);
  // A fresh payment is at its first version (the row_version_bump trigger counts updates).
  const [fresh] = await db.select({ version: benefitPayments.version }).from(benefitPayments).where(eq(benefitPayments.id, approved.id));
  await approvePayment(juri, { paymentId: approved.id, version: String(fresh?.version ?? 1) }, ctx);

  const given = await createTasks(
    juri,
    {
      documentNumber: '',
      clientCode: '',
      dueTime: '',
      submissionId: randomUUID(),
      title: 'Ooteala infotahvli tekstid üle vaadata',
      description: 'Vaata üle ooteala infotahvli tekstid ja paranda aegunud lahtiolekuajad.',
      dueDate: addDays(today, 2),
      priority: 'normal',
      assigneeIds: [tonu.id],
    },
    [],
    ctx,
  );
  await startTask(tonu, { id: given.tasks[0]!.id }, ctx);
  await completeTask(tonu, { id: given.tasks[0]!.id, result: 'Lahtiolekuajad parandatud, pühadeaegne info lisatud.' }, ctx);

  // A notice to an address the mail server refused until the attempts ran out.
  await db.insert(outboxMessages).values({
    channel: 'email',
    kind: 'incident.created',
    status: 'dead',
    attempts: 8,
    lastError: '550 5.1.1 <it-tugi-vana@sotsiaalkindlustusamet.ee>: Recipient address rejected',
    payload: {
      to: 'it-tugi-vana@sotsiaalkindlustusamet.ee',
      subject: 'Uus intsident: võrguühendus katkeb',
      text: 'Võrguühendus katkeb mitu korda tunnis.',
      html: '<p>Võrguühendus katkeb mitu korda tunnis.</p>',
    },
  });
  return reports.length + 3;
}
