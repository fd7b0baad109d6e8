import { sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_PRIORITY_MATRIX } from '@/lib/incident-schema';
import { actionTestSetup } from '@/test/actions';
import { setupTestDatabase } from '@/test/db';
import { countRows } from '@/test/tasks';

// The administrator's priority matrix and a person's own notice settings, posted as a browser
// would: the session names the person.
vi.mock('next/headers', async () => (await import('@/test/actions')).nextHeaders);
vi.mock('next/cache', async () => (await import('@/test/actions')).nextCache);

const { savePriorityMatrixAction } = await import('./actions');
const { saveNoticeSettingsAction } = await import('@/server/notifications/actions');

const db = setupTestDatabase();
const d = () => db.handle().db;
const { people, signInAs } = actionTestSetup(d);
const allCritical = {
  high: { high: 'critical', medium: 'critical', low: 'critical' },
  medium: { high: 'critical', medium: 'critical', low: 'critical' },
  low: { high: 'critical', medium: 'critical', low: 'critical' },
} as const;

describe('the priority matrix action', () => {
  it('refuses everyone but an administrator, writes nothing, and records the refusal', async () => {
    for (const who of [people.mari, people.juri]) {
      await signInAs(who);
      expect(await savePriorityMatrixAction(allCritical)).toEqual({ ok: false, formError: 'errors.forbidden' });
    }
    expect(await countRows(d(), 'incident_priority_matrix')).toBe(0);
    expect(await countRows(d(), 'audit_log', sql`action = 'incident_priority_matrix.save' and outcome = 'denied'`)).toBe(2);
  });

  it('saves the administrator’s matrix', async () => {
    await signInAs(people.peeter);
    expect(await savePriorityMatrixAction({ ...DEFAULT_PRIORITY_MATRIX, low: { ...DEFAULT_PRIORITY_MATRIX.low, high: 'high' } })).toMatchObject({ ok: true });
    expect(await countRows(d(), 'incident_priority_matrix', sql`impact = 'low' and urgency = 'high' and priority = 'high'`)).toBe(1);
  });
});

describe('the notice settings action', () => {
  it('saves the signed-in person’s own settings only, and refuses bad input without writing', async () => {
    await signInAs(people.mari);
    const email = { document: 'digest', task: 'off', payment: 'immediate', incident: 'immediate', absence: 'immediate', proposal: 'immediate' } as const;
    expect(await saveNoticeSettingsAction({ language: 'en', email: { ...email, document: 'weekly' as 'digest' } })).toMatchObject({ ok: false });
    expect(await countRows(d(), 'notification_preferences')).toBe(0);
    expect(await saveNoticeSettingsAction({ language: 'en', email })).toMatchObject({ ok: true });
    expect(await countRows(d(), 'notification_preferences', sql`staff_id = ${people.mari.id}`)).toBe(6);
    expect(await countRows(d(), 'notification_preferences', sql`staff_id <> ${people.mari.id}`)).toBe(0);
    expect(await countRows(d(), 'staff', sql`language = 'en'`)).toBe(1);
  });
});
