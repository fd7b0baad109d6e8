import { asc, desc, eq, ilike, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { clients, documents, documentTypes, identityChecks, staff } from '@/db/schema';
import { isValidPersonalCode } from '@/lib/personal-code';
import { recordAudit } from '@/server/audit/record';
import { authorize } from '@/server/auth/policy';
import { frontDeskColumn, withHeldWorkNow, type RegisterActor } from '@/server/register/visibility';

/** Clients by personal code (exact, checksum-valid) or by name. A search by code is audited. */
export async function searchClients(actor: RegisterActor, query: string, ctx: { requestId: string }) {
  const role = authorize(actor, 'clients.read');
  const q = query.trim();
  if (q.length < 2) return [];
  const db = await getDb();
  const byCode = /^\d+$/.test(q);
  if (byCode && !isValidPersonalCode(q)) return [];
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await db
    .select({ id: clients.id, personalCode: clients.personalCode, givenName: clients.givenName, familyName: clients.familyName })
    .from(clients)
    .where(byCode ? eq(clients.personalCode, q) : ilike(sql`${clients.givenName} || ' ' || ${clients.familyName}`, pattern))
    .orderBy(asc(clients.familyName), asc(clients.givenName))
    .limit(50);
  if (byCode) {
    await recordAudit(
      {
        actorCode: actor.personalCode,
        actorRole: role,
        action: 'client.search',
        subjectCode: q,
        outcome: 'success',
        requestId: ctx.requestId,
        details: { found: rows.length },
      },
      db,
    );
  }
  return rows;
}

/**
 * The client card (their documents, identity checks; tasks and issued documents join as
 * those parts arrive). Opening it records who saw whose data and why.
 */
export async function getClientCard(actor: RegisterActor, clientId: string, ctx: { requestId: string; purpose?: string }) {
  const role = authorize(actor, 'clients.read');
  const db = await getDb();
  actor = await withHeldWorkNow(actor);
  const [client] = await db.select().from(clients).where(eq(clients.id, clientId));
  if (!client) return null;
  const [docs, checks] = await Promise.all([
    db
      .select({
        id: documents.id,
        number: documents.number,
        title: documents.title,
        direction: documents.direction,
        status: documents.status,
        registeredAt: documents.registeredAt,
        dueDate: documents.dueDate,
        typeName: documentTypes.nameEt,
        isRestricted: documents.isRestricted,
        open: frontDeskColumn(actor),
      })
      .from(documents)
      .innerJoin(documentTypes, eq(documentTypes.code, documents.typeCode))
      // Every register entry of the client; a restricted one's title only to those who may see it.
      .where(eq(documents.clientId, clientId))
      .orderBy(desc(documents.registeredAt))
      .limit(200),
    db
      .select({ check: identityChecks, checkedByName: sql<string>`${staff.givenName} || ' ' || ${staff.familyName}` })
      .from(identityChecks)
      .innerJoin(staff, eq(staff.id, identityChecks.checkedBy))
      .where(eq(identityChecks.clientId, clientId))
      .orderBy(desc(identityChecks.checkedAt))
      .limit(20),
  ]);
  await recordAudit(
    {
      actorCode: actor.personalCode,
      actorRole: role,
      action: 'client.view',
      entityType: 'client',
      entityId: clientId,
      subjectCode: client.personalCode,
      purpose: ctx.purpose?.trim() || 'kliendi teenindamine',
      requestId: ctx.requestId,
    },
    db,
  );
  return {
    client,
    documents: docs.map(({ open, title, ...d }) => ({ ...d, title: d.isRestricted && !open ? null : title })),
    identityChecks: checks.map((c) => ({ ...c.check, checkedByName: c.checkedByName })),
  };
}
