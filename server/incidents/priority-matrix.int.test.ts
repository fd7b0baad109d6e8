import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { auditLog, incidentPriorityMatrix, incidents } from '@/db/schema';
import { seedDemo } from '@/db/seed/seed';
import { DEFAULT_PRIORITY_MATRIX, type PriorityMatrix } from '@/lib/incident-schema';
import { ForbiddenError } from '@/server/auth/policy';
import { actorByCode, ctx, demo, report } from '@/test/incidents';
import { setupTestDatabase } from '@/test/db';
import { reportIncident } from './mutations';
import { priorityMatrixForAdmin, savePriorityMatrix } from './priority-matrix';

const db = setupTestDatabase();
const d = () => db.handle().db;
type Actor = Awaited<ReturnType<typeof actorByCode>>;
let mari: Actor, peeter: Actor, kristi: Actor, juri: Actor;

beforeAll(async () => {
  await seedDemo(d());
  mari = await actorByCode(d(), demo.mari);
  peeter = await actorByCode(d(), demo.peeter);
  kristi = await actorByCode(d(), demo.kristi);
  juri = await actorByCode(d(), demo.juri);
}, 180_000);

const priorityOf = async (id: string) => (await d().select({ p: incidents.priority }).from(incidents).where(eq(incidents.id, id)))[0]!.p;
const monitor = { category: 'monitor' as const, serviceBlocked: 'yes' as const, peopleAffected: 1, assetTag: 'SKA-00777' };

describe('incident priority: impact × urgency', () => {
  it('one person’s broken monitor with client service blocked is not critical', async () => {
    expect(await priorityOf((await reportIncident(mari, report({ ...monitor, urgency: 'medium' }), [], ctx)).id)).toBe('normal');
    expect(await priorityOf((await reportIncident(mari, report({ ...monitor, urgency: 'high' }), [], ctx)).id)).toBe('high');
    // The whole hall without network, nothing to be done: critical.
    expect(await priorityOf((await reportIncident(mari, report({ category: 'network', peopleAffected: 12, urgency: 'high' }), [], ctx)).id)).toBe('critical');
  });

  it('an administrator adjusts the matrix; the next report follows it', async () => {
    const adjusted: PriorityMatrix = { ...DEFAULT_PRIORITY_MATRIX, medium: { ...DEFAULT_PRIORITY_MATRIX.medium, medium: 'high' } };
    await savePriorityMatrix(peeter, adjusted, ctx);
    expect((await priorityMatrixForAdmin(peeter)).medium.medium).toBe('high');
    expect(await priorityOf((await reportIncident(mari, report({ ...monitor, urgency: 'medium' }), [], ctx)).id)).toBe('high');
    const [audit] = await d().select().from(auditLog).where(eq(auditLog.action, 'incident_priority_matrix.update'));
    expect(audit).toBeTruthy();
    await savePriorityMatrix(peeter, DEFAULT_PRIORITY_MATRIX, ctx);
  });

  it('refuses everyone but an administrator, and writes nothing', async () => {
    const before = await d()
      .select({ n: sql<number>`count(*)::int` })
      .from(incidentPriorityMatrix);
    const critical: PriorityMatrix = {
      high: { high: 'critical', medium: 'critical', low: 'critical' },
      medium: { high: 'critical', medium: 'critical', low: 'critical' },
      low: { high: 'critical', medium: 'critical', low: 'critical' },
    };
    for (const who of [mari, kristi, juri]) await expect(savePriorityMatrix(who, critical, ctx)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(priorityMatrixForAdmin(mari)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(savePriorityMatrix(peeter, { ...critical, low: { high: 'urgent' } } as unknown as PriorityMatrix, ctx)).rejects.toBeInstanceOf(ZodError);
    expect(
      await d()
        .select({ n: sql<number>`count(*)::int` })
        .from(incidentPriorityMatrix),
    ).toEqual(before);
    expect((await priorityMatrixForAdmin(peeter)).high.low).toBe('normal');
  });
});
