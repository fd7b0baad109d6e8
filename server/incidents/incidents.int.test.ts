import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { incidentAttachments, incidents, notifications, outboxMessages, type EmailPayload } from '@/db/schema';
import { demoRoutingRules } from '@/db/seed/incidents';
import { seedDemo } from '@/db/seed/seed';
import { MAX_FILE_BYTES } from '@/lib/incident-schema';
import { versionOf } from '@/lib/record-version';
import { ForbiddenError } from '@/server/auth/policy';
import { DomainError } from '@/server/errors';
import { actorByCode, ctx, demo, files, report, tableCounts } from '@/test/incidents';
import { onlyOn, setupTestDatabase } from '@/test/db';
import { versionNow } from '@/test/versions';
import { changeIncidentStatus, commentIncident, reportIncident, takeIncident } from './mutations';
import { deleteRoutingRule, saveRoutingRule } from './routing-rules';
import { getAttachment, getIncident, listMyIncidents, listQueue, listRegionIncidents, listRoutingRules, routingRuleOptions } from './queries';

const db = setupTestDatabase();
type Actor = Awaited<ReturnType<typeof actorByCode>>;
const people = {} as Record<keyof typeof demo, Actor>;

const d = () => db.handle().db;
/** The version the IT support's page shows of a ticket now. */
const pageVersion = (id: string) => versionNow(d(), 'incidents', id);
const outboxFor = async (number: string) =>
  (
    await d()
      .select()
      .from(outboxMessages)
      .where(sql`${outboxMessages.payload}->>'subject' like ${'%' + number + '%'} or ${outboxMessages.payload}->'body'->>'number' = ${number}`)
  ).map((r) => r.payload as EmailPayload);

beforeAll(async () => {
  await seedDemo(d());
  for (const [key, code] of Object.entries(demo)) people[key as keyof typeof demo] = await actorByCode(d(), code);
});

describe('reporting an incident', () => {
  it('numbers tickets by year, routes an ID-card reader to IT support and informs the regional manager', async () => {
    const year = Number(new Intl.DateTimeFormat('en', { timeZone: 'Europe/Tallinn', year: 'numeric' }).format(new Date()));
    const result = await reportIncident(people.mari, report(), [files.png(), files.pdf()], ctx);
    expect(result.number).toBe(`IT-${year}-000001`);
    expect(result.queue).toBe('it_support');
    expect(result.queueLabel).toBe('IT klienditugi (it-tugi@sotsiaalkindlustusamet.ee)');
    expect(result.informed).toEqual([{ name: 'Jüri Õunapuu', why: 'regional_manager' }]);

    const [ticket] = await d().select().from(incidents).where(eq(incidents.id, result.id));
    expect(ticket).toMatchObject({ status: 'new', priority: 'high', regionCode: 'pohja', routingRuleId: null });
    expect(ticket!.routing.by).toBe('default');
    expect(ticket!.responseDueAt.getTime()).toBeGreaterThan(ticket!.createdAt.getTime());
    expect(ticket!.resolutionDueAt.getTime()).toBeGreaterThan(ticket!.responseDueAt.getTime());

    const mails = await outboxFor(result.number);
    expect(mails.map((m) => m.to).sort()).toEqual(['it-tugi@sotsiaalkindlustusamet.ee', people.juri.email].sort());
    expect(mails[0]!.subject).toContain('ID-kaardi lugeja');
    expect(mails[0]!.text).toContain(`/intsidendid/${result.number}`);
    const [bell] = await d().select().from(notifications).where(eq(notifications.recipientId, people.juri.id));
    expect(bell).toMatchObject({ kind: 'incident.created', link: `/intsidendid/${result.number}`, readAt: null });

    const stored = await d().select().from(incidentAttachments).where(eq(incidentAttachments.incidentId, result.id));
    expect(stored.map((a) => [a.filename, a.mime]).sort()).toEqual([
      ['akt.pdf', 'application/pdf'],
      ['foto.png', 'image/png'],
    ]);
    const pdf = await getAttachment(people.mari, result.number, stored.find((a) => a.mime === 'application/pdf')!.id);
    expect(new TextDecoder().decode(pdf!.content).startsWith('%PDF-')).toBe(true);

    const next = await reportIncident(people.tonu, report({ category: 'printer', serviceBlocked: 'no', peopleAffected: 3 }), [], ctx);
    expect(next.number).toBe(`IT-${year}-000002`);
  });

  it('a critical problem also informs the head of IT support', async () => {
    const result = await reportIncident(people.mari, report({ serviceBlocked: 'yes', peopleAffected: 8 }), [], ctx);
    const [ticket] = await d().select().from(incidents).where(eq(incidents.id, result.id));
    expect(ticket!.priority).toBe('critical');
    expect(result.informed.map((p) => p.name).sort()).toEqual(['Aivar Lõhmus', 'Jüri Õunapuu']);
    expect((await outboxFor(result.number)).map((m) => m.to)).toContain(people.aivar.email);
  });

  it('a premises problem goes to the regional manager by default', async () => {
    const result = await reportIncident(
      people.mari,
      report({ category: 'heating_cooling', assetTag: '', serviceBlocked: 'no', peopleAffected: 12, urgency: 'medium' }),
      [],
      ctx,
    );
    expect(result).toMatchObject({ queue: 'regional_manager', informed: [{ name: 'Jüri Õunapuu', why: 'queue' }] });
    expect((await outboxFor(result.number)).map((m) => m.to)).toEqual([people.juri.email]);
  });

  it('gives gapless numbers under concurrent reports', async () => {
    const before = await d().select({ number: incidents.number }).from(incidents);
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => reportIncident(people.tonu, report({ place: `Laud ${i}` }), [], ctx)));
    const all = [...before.map((r) => r.number), ...results.map((r) => r.number)].map((n) => Number(n.slice(-6))).sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: all.length }, (_, i) => i + 1));
  });
});

describe('routing rules', () => {
  it.each(demoRoutingRules.map((r) => [r.category, r.region, r] as const))('the seeded rule %s × %s routes the ticket', async (category, region, rule) => {
    const reporter = { ida: people.zanna, louna: people.andres }[region as 'ida' | 'louna'];
    const office = { ida: 'narva', louna: 'tartu' }[region as 'ida' | 'louna'];
    const result = await reportIncident(reporter, report({ category, officeCode: office, serviceBlocked: 'no', peopleAffected: 1 }), [], ctx);
    const [ticket] = await d().select().from(incidents).where(eq(incidents.id, result.id));
    expect(ticket!.routing.by).toBe('rule');
    expect(ticket!.queue).toBe(rule.queue);
    expect(ticket!.routing.queueMailbox).toBe(rule.mailbox ?? 'it-tugi@sotsiaalkindlustusamet.ee');
    const manager = region === 'ida' ? people.sergei : people.ulle;
    const expected = [manager.email, rule.mailbox ?? 'it-tugi@sotsiaalkindlustusamet.ee', ...(rule.inform.includes(demo.kristi) ? [people.kristi.email] : [])];
    expect((await outboxFor(result.number)).map((m) => m.to).sort()).toEqual(expected.sort());
  });

  it('an administrator’s change applies to the next ticket, not to old ones', async () => {
    const before = await reportIncident(people.mari, report({ category: 'scanner', serviceBlocked: 'no' }), [], ctx);
    const { id } = await saveRoutingRule(
      people.peeter,
      {
        id: '',
        category: 'scanner',
        regionCode: 'pohja',
        queue: 'mailbox',
        mailbox: 'skannerid@sotsiaalkindlustusamet.ee',
        queueName: 'Skannerite hooldus',
        informIds: [people.tonu.id],
      },
      ctx,
    );
    const after = await reportIncident(people.mari, report({ category: 'scanner', serviceBlocked: 'no' }), [], ctx);
    const [oldTicket] = await d().select().from(incidents).where(eq(incidents.id, before.id));
    const [newTicket] = await d().select().from(incidents).where(eq(incidents.id, after.id));
    expect(oldTicket!.queue).toBe('it_support');
    expect(oldTicket!.routing.by).toBe('default');
    expect(newTicket).toMatchObject({ queue: 'mailbox', routingRuleId: id });
    expect(newTicket!.routing.rule).toMatchObject({ id, mailbox: 'skannerid@sotsiaalkindlustusamet.ee' });
    expect(after.informed.map((p) => p.name)).toContain('Tõnu Saar');
    expect((await outboxFor(after.number)).map((m) => m.to)).toContain('skannerid@sotsiaalkindlustusamet.ee');

    await saveRoutingRule(people.peeter, { id, category: 'scanner', regionCode: 'pohja', queue: 'it_support', mailbox: '', queueName: '', informIds: [] }, ctx);
    expect((await reportIncident(people.mari, report({ category: 'scanner' }), [], ctx)).informed.map((p) => p.name)).toEqual(['Jüri Õunapuu']);
    await expect(
      saveRoutingRule(people.peeter, { id: '', category: 'scanner', regionCode: 'pohja', queue: 'it_support', mailbox: '', queueName: '', informIds: [] }, ctx),
    ).rejects.toMatchObject({ code: 'errors.duplicateRule' });
    await deleteRoutingRule(people.peeter, { id }, ctx);
    expect((await listRoutingRules(people.peeter)).map((r) => r.id)).not.toContain(id);
    // An English reader sees the regions by their English names.
    expect((await routingRuleOptions(people.peeter, 'en')).regions.map((r) => r.label)).toEqual(expect.arrayContaining(['North', 'South', 'West', 'East']));
    expect((await listRoutingRules(people.peeter, 'en')).every((r) => ['North', 'South', 'West', 'East'].includes(r.regionName))).toBe(true);
    // … and the people to inform by their English job titles.
    const english = (await routingRuleOptions(people.peeter, 'en')).people.map((p) => p.label);
    expect(english.find((label) => label.startsWith('Aivar '))).toMatch(/\(Head of IT Support\)$/);
    expect((await routingRuleOptions(people.peeter)).people.find((p) => p.label.startsWith('Aivar '))!.label).toMatch(/\(IT klienditoe juht\)$/);
    // The old ticket still says which rule routed it.
    const [stillThere] = await d().select().from(incidents).where(eq(incidents.id, after.id));
    expect(stillThere!.routing.rule!.id).toBe(id);
  });

  it('refuses rule changes to everyone but administrators, and writes nothing', async () => {
    const before = await listRoutingRules(people.peeter);
    for (const who of [people.mari, people.juri, people.aivar, people.helje]) {
      await expect(
        saveRoutingRule(who, { id: '', category: 'phone', regionCode: 'pohja', queue: 'it_support', mailbox: '', queueName: '', informIds: [] }, ctx),
      ).rejects.toBeInstanceOf(ForbiddenError);
      await expect(deleteRoutingRule(who, { id: before[0]!.id }, ctx)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(listRoutingRules(who)).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await listRoutingRules(people.peeter)).toEqual(before);
  });
});

describe('bad input: clear errors, nothing half-saved', () => {
  it.each([
    ['a file over 10 MB', () => [{ name: 'suur.png', bytes: files.png(MAX_FILE_BYTES + 1).bytes }], 'errors.attachmentTooLarge'],
    ['a program disguised as a photo', () => [files.png(), files.exeAsPng()], 'errors.attachmentType'],
    ['HTML disguised as a PDF', () => [files.htmlAsPdf()], 'errors.attachmentType'],
    ['six files', () => Array.from({ length: 6 }, () => files.png()), 'errors.tooManyFiles'],
    ['an empty file', () => [{ name: 'tühi.pdf', bytes: new Uint8Array() }], 'errors.attachmentEmpty'],
  ])('refuses %s', async (_what, make, code) => {
    const before = await tableCounts(d());
    await expect(reportIncident(people.mari, report(), make(), ctx)).rejects.toEqual(new DomainError(code, 'files'));
    expect(await tableCounts(d())).toEqual(before);
  });

  it('refuses a 10,000-character description and an unknown office', async () => {
    const before = await tableCounts(d());
    await expect(reportIncident(people.mari, report({ description: 'ä'.repeat(10_000) }), [], ctx)).rejects.toBeInstanceOf(ZodError);
    await expect(reportIncident(people.mari, report({ officeCode: 'atlantis' }), [files.png()], ctx)).rejects.toMatchObject({
      code: 'errors.unknownReference',
      field: 'officeCode',
    });
    expect(await tableCounts(d())).toEqual(before);
  });

  it('keeps script in fields as text, escaped in the e-mail', async () => {
    const script = '<script>alert("x")</script>';
    const result = await reportIncident(people.mari, report({ place: script, description: `Ekraanil ${script} <img src=x onerror=alert(1)>` }), [], ctx);
    const [ticket] = await d().select().from(incidents).where(eq(incidents.id, result.id));
    expect(ticket!.place).toBe(script);
    for (const mail of await outboxFor(result.number)) {
      expect(mail.text).toContain(script);
      expect(mail.html).not.toContain('<script>');
      expect(mail.html).not.toContain('<img');
      expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    }
  });

  it('rolls the ticket, its files, its outbox messages and its number back together when the transaction fails late', async () => {
    // A failure after the outbox rows are written (the audit row is the last write).
    await d().execute(sql`create table if not exists test_fail_audit (on_ boolean)`);
    await d().execute(sql`create or replace function test_fail_audit() returns trigger language plpgsql as $$
      begin if exists (select 1 from test_fail_audit) and new.action = 'incident.create' then raise exception 'injected failure'; end if; return new; end $$`);
    await d().execute(sql`create trigger test_fail_audit before insert on audit_log for each row execute function test_fail_audit()`);
    const before = await tableCounts(d());
    await d().execute(sql`insert into test_fail_audit values (true)`);
    await expect(reportIncident(people.mari, report(), [files.png(), files.pdf()], ctx)).rejects.toThrow();
    expect(await tableCounts(d())).toEqual(before);
    await d().execute(sql`delete from test_fail_audit`);
    const ok = await reportIncident(people.mari, report(), [files.png()], ctx);
    const after = await tableCounts(d());
    expect(after.incidents).toBe(before.incidents + 1);
    expect(after.outbox).toBe(before.outbox + 2);
    expect(Number(ok.number.slice(-6))).toBe(before.numbers + 1);
    await d().execute(sql`drop trigger test_fail_audit on audit_log`);
  });
});

describe('working the ticket, and who may', () => {
  let number: string;
  let id: string;

  beforeAll(async () => {
    ({ number, id } = await reportIncident(people.mari, report(), [files.png()], ctx));
  });

  it('a specialist sees only their own tickets, and no queue', async () => {
    expect(await getIncident(people.tonu, number)).toBeNull();
    expect((await listMyIncidents(people.tonu)).map((t) => t.number)).not.toContain(number);
    const attachment = (await getIncident(people.mari, number))!.attachments[0]!;
    expect(await getAttachment(people.tonu, number, attachment.id)).toBeNull();
    expect(await getAttachment(people.andres, number, attachment.id)).toBeNull();
    await expect(listQueue(people.mari)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listRegionIncidents(people.mari)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('managers see their region’s tickets only', async () => {
    expect((await listRegionIncidents(people.juri)).map((t) => t.number)).toContain(number);
    expect((await listRegionIncidents(people.ulle)).map((t) => t.number)).not.toContain(number);
    expect(await getIncident(people.ulle, number)).toBeNull();
    expect((await getIncident(people.juri, number))!.canWork).toBe(false);
  });

  it.each([
    ['the reporter (specialist)', 'mari'],
    ['another specialist', 'tonu'],
    ['finance', 'helje'],
    ['an administrator', 'peeter'],
    ['the region’s manager, on an IT support ticket', 'juri'],
    ['another region’s manager', 'ulle'],
  ] as const)('refuses %s taking or changing the status, and writes nothing', async (_who, key) => {
    const before = await tableCounts(d());
    const [ticketBefore] = await d().select().from(incidents).where(eq(incidents.id, id));
    const refused = (p: Promise<unknown>) =>
      expect(p).rejects.toSatisfy((e) => e instanceof ForbiddenError || (e instanceof DomainError && e.code === 'errors.notFound'));
    await refused(takeIncident(people[key], { id, version: await pageVersion(id) }, ctx));
    await refused(changeIncidentStatus(people[key], { id, version: await pageVersion(id), status: 'resolved', note: 'Tehtud' }, ctx));
    await refused(commentIncident(people[key], { id, body: 'Sisemine märkus', visibility: 'internal' }, ctx));
    expect(await tableCounts(d())).toEqual(before);
    const [ticketAfter] = await d().select().from(incidents).where(eq(incidents.id, id));
    expect(ticketAfter).toEqual(ticketBefore);
  });

  it('IT support takes, comments internally and publicly, and resolves; the reporter is told and sees only public updates', async () => {
    await expect(listQueue(people.kristi, { assignee: 'none' })).resolves.toEqual(expect.arrayContaining([expect.objectContaining({ number })]));
    await takeIncident(people.kristi, { id, version: await pageVersion(id) }, ctx);
    const ticket = (await getIncident(people.kristi, number))!;
    expect(ticket).toMatchObject({ status: 'in_progress', assigneeName: 'Kristi Õun', canWork: true });
    expect(ticket.firstResponseAt).not.toBeNull();
    expect((await listQueue(people.kristi, { assignee: 'me' })).map((t) => t.number)).toContain(number);

    await commentIncident(people.kristi, { id, body: 'Tarnija vahetab lugeja garantii alusel.', visibility: 'internal' }, ctx);
    await commentIncident(people.kristi, { id, body: 'Toon uue lugeja täna kella 14-ks.', visibility: 'public' }, ctx);
    await expect(changeIncidentStatus(people.kristi, { id, version: await pageVersion(id), status: 'resolved', note: '' }, ctx)).rejects.toBeInstanceOf(
      ZodError,
    );
    await expect(changeIncidentStatus(people.kristi, { id, version: await pageVersion(id), status: 'new', note: '' }, ctx)).rejects.toMatchObject({
      code: 'errors.badTransition',
    });
    await changeIncidentStatus(people.kristi, { id, version: await pageVersion(id), status: 'resolved', note: 'Lugeja vahetatud, töötab.' }, ctx);

    const seen = (await getIncident(people.mari, number))!;
    expect(seen).toMatchObject({ status: 'resolved', resolution: 'Lugeja vahetatud, töötab.', canWork: false, routing: null });
    const bodies = seen.updates.map((u) => u.body);
    expect(bodies).toContain('Toon uue lugeja täna kella 14-ks.');
    expect(bodies).not.toContain('Tarnija vahetab lugeja garantii alusel.');
    expect(seen.updates.every((u) => u.visibility === 'public')).toBe(true);
    expect((await getIncident(people.kristi, number))!.updates.map((u) => u.body)).toContain('Tarnija vahetab lugeja garantii alusel.');

    const told = await d().select().from(notifications).where(eq(notifications.recipientId, people.mari.id));
    expect(told.map((n) => n.subject)).toEqual(expect.arrayContaining([`Intsident ${number} on lahendatud`]));
    const mails = (await d().select().from(outboxMessages)).map((r) => r.payload as EmailPayload).filter((p) => p.to === people.mari.email);
    expect(mails.map((m) => m.subject)).toContain(`Intsident ${number} on lahendatud`);

    // The reporter may answer publicly, never internally.
    await commentIncident(people.mari, { id, body: 'Aitäh, töötab!', visibility: 'public' }, ctx);
    await expect(commentIncident(people.mari, { id, body: 'x', visibility: 'internal' }, ctx)).rejects.toBeInstanceOf(ForbiddenError);
    await changeIncidentStatus(people.kristi, { id, version: await pageVersion(id), status: 'closed', note: '' }, ctx);
    await expect(commentIncident(people.mari, { id, body: 'Veel üks', visibility: 'public' }, ctx)).rejects.toMatchObject({ code: 'errors.incidentClosed' });
  });

  it('the region’s manager works a premises ticket of their region, but not another region’s', async () => {
    const premises = await reportIncident(people.mari, report({ category: 'furniture', serviceBlocked: 'no' }), [], ctx);
    await expect(takeIncident(people.ulle, { id: premises.id, version: '1' }, ctx)).rejects.toMatchObject({ code: 'errors.notFound' });
    await takeIncident(people.juri, { id: premises.id, version: await pageVersion(premises.id) }, ctx);
    await changeIncidentStatus(people.juri, { id: premises.id, version: await pageVersion(premises.id), status: 'resolved', note: 'Tool vahetatud.' }, ctx);
    expect((await getIncident(people.mari, premises.number))!.status).toBe('resolved');
  });

  it('taking or moving a ticket is bound to the ticket as the page showed it: changed meanwhile, it is refused and nothing written', async () => {
    const { id, number } = await reportIncident(people.mari, report(), [], ctx);
    const written = async () => ({
      ticket: (await d().select().from(incidents).where(eq(incidents.id, id)))[0],
      counts: await tableCounts(d()),
      audit: await d().execute(sql`select count(*)::int as n from audit_log where entity_id = ${id} and action in ('incident.take', 'incident.status')`),
    });
    // Kristi opens the new ticket; meanwhile Aivar takes it and asks the reporter for more.
    const opened = (await getIncident(people.kristi, number))!;
    const shown = versionOf(opened);
    await takeIncident(people.aivar, { id, version: await pageVersion(id) }, ctx);
    await changeIncidentStatus(people.aivar, { id, version: await pageVersion(id), status: 'waiting_reporter', note: 'Mis arvutis?' }, ctx);
    const before = await written();
    // Kristi's "Võta endale" and "Lahendatud" from the old page are refused: she has not seen Aivar's work.
    await expect(takeIncident(people.kristi, { id, version: shown }, ctx)).rejects.toMatchObject({ code: 'errors.stale' });
    await expect(changeIncidentStatus(people.kristi, { id, version: shown, status: 'resolved', note: 'Vahetasin lugeja.' }, ctx)).rejects.toMatchObject({
      code: 'errors.stale',
    });
    // A form without the version is refused the same way.
    await expect(changeIncidentStatus(people.kristi, { id, status: 'resolved', note: 'Vahetasin lugeja.' } as never, ctx)).rejects.toBeInstanceOf(ZodError);
    expect(await written()).toEqual(before);
    // A reporter's comment changes what the page shows as well (a comment is never refused for it).
    const again = versionOf((await getIncident(people.kristi, number))!);
    await commentIncident(people.mari, { id, body: 'Teenindussaali arvuti nr 3.', visibility: 'public' }, ctx);
    await expect(changeIncidentStatus(people.kristi, { id, version: again, status: 'in_progress', note: '' }, ctx)).rejects.toMatchObject({
      code: 'errors.stale',
    });
    // Looked at again, the decision is of what the page now shows.
    const reopened = (await getIncident(people.kristi, number))!;
    await changeIncidentStatus(people.kristi, { id, version: versionOf(reopened), status: 'resolved', note: 'Vahetasin lugeja.' }, ctx);
    expect((await getIncident(people.mari, number))!).toMatchObject({ status: 'resolved', resolution: 'Vahetasin lugeja.' });
  });
});

onlyOn('postgres', () =>
  describe('numbering on PostgreSQL', () => {
    it('a rolled-back report gives its number back', async () => {
      const before = await tableCounts(d());
      await expect(reportIncident(people.mari, report(), [files.exeAsPng()], ctx)).rejects.toBeInstanceOf(DomainError);
      const next = await reportIncident(people.mari, report(), [], ctx);
      expect(Number(next.number.slice(-6))).toBe(before.numbers + 1);
    });
  }),
);
