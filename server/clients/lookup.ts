import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { clients } from '@/db/schema';
import { isValidPersonalCode } from '@/lib/personal-code';
import { recordAudit } from '@/server/audit/record';

/**
 * A known client's name by personal code, for a form that fills it in. Seeing it is a view of
 * personal data: a hit is audited with the form's purpose. The caller has authorized the
 * person (`role` is what it returned); an invalid or unknown code gives null.
 */
export async function lookUpClient(
  actor: { personalCode: string },
  role: string,
  personalCode: string,
  purpose: string,
  ctx: { requestId: string },
): Promise<{ id: string; givenName: string; familyName: string } | null> {
  if (!isValidPersonalCode(personalCode)) return null;
  const db = await getDb();
  const [client] = await db
    .select({ id: clients.id, givenName: clients.givenName, familyName: clients.familyName })
    .from(clients)
    .where(eq(clients.personalCode, personalCode));
  if (!client) return null;
  await recordAudit(
    {
      actorCode: actor.personalCode,
      actorRole: role,
      action: 'client.lookup',
      entityType: 'client',
      entityId: client.id,
      subjectCode: personalCode,
      purpose,
      requestId: ctx.requestId,
    },
    db,
  );
  return client;
}
