import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { documents, identityChecks, overpaymentApplications, overpaymentInstalments } from '@/db/schema';
import { seedDemo } from '@/db/seed/seed';
import type { OverpaymentInput } from '@/lib/overpayment-schema';
import { addMonths } from '@/lib/tallinn-time';
import { ForbiddenError } from '@/server/auth/policy';
import { addDays } from '@/server/calendar/working-days';
import { setupTestDatabase } from '@/test/db';
import { actorFor, countRows, ctx, loadPeople, today, type People } from '@/test/tasks';
import { registerOverpaymentApplication } from './mutations';
import { getOverpaymentForDocument } from './queries';

const db = setupTestDatabase();
const d = () => db.handle().db;
let people: People;

beforeAll(async () => {
  await seedDemo(d());
  people = await loadPeople(d());
});

const form = (overrides: Partial<OverpaymentInput> = {}): OverpaymentInput => ({
  clientCode: '36805280109',
  clientGivenName: 'Toomas',
  clientFamilyName: 'Jõesaar',
  channel: 'in_person',
  identityDocumentType: 'id_card',
  identityDocumentNumber: 'ab1234567',
  identityValidUntil: addDays(today(), 400),
  benefit: 'Vanaduspension',
  decisionReference: '2-1/5424',
  amount: '300,00',
  request: 'instalments',
  lumpSumDate: '',
  waiverReason: '',
  schedule: [
    { dueDate: addDays(today(), 10), amount: '100' },
    { dueDate: addDays(today(), 40), amount: '100,00' },
    { dueDate: addDays(today(), 70), amount: '100' },
  ],
  submissionId: randomUUID(),
  ...overrides,
});

const rows = () => Promise.all(['documents', 'overpayment_applications', 'overpayment_instalments', 'identity_checks'].map((t) => countRows(d(), t)));

describe('overpayment applications', () => {
  it('registers the application in the register with its schedule and the identity check, to the recoveries unit', async () => {
    const result = await registerOverpaymentApplication(people.mari, form(), ctx);
    expect(result.number).toMatch(/^2-4\/\d+$/);
    const [doc] = await d().select().from(documents).where(eq(documents.id, result.documentId));
    expect(doc).toMatchObject({ typeCode: 'overpayment_application', unitCode: 'finants', isRestricted: true, channel: 'in_person' });
    expect(doc!.title).toContain('osamaksetena');
    const [app] = await d().select().from(overpaymentApplications).where(eq(overpaymentApplications.id, result.applicationId));
    expect(app).toMatchObject({ amountCents: 30000, request: 'instalments', benefit: 'Vanaduspension', clientId: doc!.clientId });
    const schedule = await d().select().from(overpaymentInstalments).where(eq(overpaymentInstalments.applicationId, app!.id));
    expect(schedule.map((r) => r.amountCents)).toEqual([10000, 10000, 10000]);
    const [check] = await d().select().from(identityChecks).where(eq(identityChecks.clientId, doc!.clientId!));
    expect(check).toMatchObject({ documentType: 'id_card', documentNumber: 'AB1234567' });
    expect(await countRows(d(), 'audit_log', sql`action = 'overpayment.register' and subject_code = '36805280109'`)).toBe(1);
    // The recoveries unit sees the structured data with the register entry.
    const finance = { ...people.mari, unitCode: 'finants' };
    expect(await getOverpaymentForDocument(finance, result.documentId)).toMatchObject({ amountCents: 30000, schedule: [{ seq: 1 }, { seq: 2 }, { seq: 3 }] });
  });

  it('registers a lump sum and a waiver; a waiver needs its reason', async () => {
    const lump = await registerOverpaymentApplication(people.mari, form({ request: 'lump_sum', schedule: [], lumpSumDate: addDays(today(), 5) }), ctx);
    const [a] = await d().select().from(overpaymentApplications).where(eq(overpaymentApplications.id, lump.applicationId));
    expect(a).toMatchObject({ request: 'lump_sum', lumpSumDate: addDays(today(), 5) });
    await expect(registerOverpaymentApplication(people.mari, form({ request: 'waiver', schedule: [] }), ctx)).rejects.toBeInstanceOf(ZodError);
    const waiver = await registerOverpaymentApplication(
      people.mari,
      form({ request: 'waiver', schedule: [], waiverReason: 'Ainus sissetulek on pension.' }),
      ctx,
    );
    const [w] = await d().select().from(overpaymentApplications).where(eq(overpaymentApplications.id, waiver.applicationId));
    expect(w).toMatchObject({ request: 'waiver', waiverReason: 'Ainus sissetulek on pension.' });
  });

  it.each([
    ['the sum differs from the amount', { amount: '300,01' }, 'errors.scheduleSum'],
    [
      'dates not ascending',
      {
        schedule: [
          { dueDate: addDays(today(), 40), amount: '150' },
          { dueDate: addDays(today(), 10), amount: '150' },
        ],
      },
      'errors.scheduleOrder',
    ],
    [
      'a date in the past',
      {
        schedule: [
          { dueDate: addDays(today(), -1), amount: '150' },
          { dueDate: addDays(today(), 10), amount: '150' },
        ],
      },
      'errors.pastDate',
    ],
    [
      'beyond the longest schedule (24 months)',
      {
        schedule: [
          { dueDate: addDays(today(), 10), amount: '150' },
          { dueDate: addDays(addMonths(today(), 24), 1), amount: '150' },
        ],
      },
      'errors.scheduleTooLate',
    ],
    ['one instalment only', { schedule: [{ dueDate: addDays(today(), 10), amount: '300' }] }, 'errors.scheduleTooShort'],
    ['an expired identity document', { identityValidUntil: addDays(today(), -1) }, 'errors.identityExpired'],
    ['no identity document number', { identityDocumentNumber: '' }, 'errors.required'],
    ['a float-looking amount', { amount: '300.005' }, 'errors.amountEuros'],
  ])('refuses %s, and saves nothing', async (_name, overrides, message) => {
    const before = await rows();
    const error = await registerOverpaymentApplication(people.mari, form(overrides as Partial<OverpaymentInput>), ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZodError);
    expect((error as ZodError).issues.map((i) => i.message)).toContain(message);
    expect(await rows()).toEqual(before);
  });

  it('the schedule may run to exactly the configured maximum (OVERPAYMENT_MAX_MONTHS)', async () => {
    const last = addMonths(today(), 24);
    await registerOverpaymentApplication(
      people.mari,
      form({
        schedule: [
          { dueDate: addDays(today(), 1), amount: '150' },
          { dueDate: last, amount: '150' },
        ],
      }),
      ctx,
    );
    process.env.OVERPAYMENT_MAX_MONTHS = '6';
    try {
      await expect(
        registerOverpaymentApplication(
          people.mari,
          form({
            schedule: [
              { dueDate: addDays(today(), 1), amount: '150' },
              { dueDate: addMonths(today(), 7), amount: '150' },
            ],
          }),
          ctx,
        ),
      ).rejects.toBeInstanceOf(ZodError);
    } finally {
      delete process.env.OVERPAYMENT_MAX_MONTHS;
    }
  });

  it('a double submit registers once', async () => {
    const once = form();
    const before = await rows();
    const [a, b] = await Promise.all([registerOverpaymentApplication(people.mari, once, ctx), registerOverpaymentApplication(people.mari, once, ctx)]);
    expect(a).toEqual(b);
    expect(await rows()).toEqual(before.map((n, i) => n + [1, 1, 3, 1][i]!));
  });

  it('is refused to roles that do not register, and nothing is written', async () => {
    const helje = await actorFor(d(), '46701202843');
    const before = await rows();
    for (const who of [helje, people.peeter, people.aivar])
      await expect(registerOverpaymentApplication(who, form(), ctx)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await rows()).toEqual(before);
  });
});
