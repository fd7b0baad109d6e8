// The registration form's look-up of a client by personal code.
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { clients } from '@/db/schema';
import { isValidPersonalCode } from '@/lib/personal-code';
import { recordAudit } from '@/server/audit/record';
import { authorize } from '@/server/auth/policy';
import type { RegisterActor } from './visibility';

/** The client's name for the registration form; a hit is audited like any view of their data. */
export async function findClientByCode(actor: RegisterActor, personalCode: string, ctx: { requestId: string }) {
  const role = authorize(actor, 'clients.read');
  if (!isValidPersonalCode(personalCode)) return null;
  const db = await getDb();
  const [client] = await db
    .select({ id: clients.id, givenName: clients.givenName, familyName: clients.familyName })
    .from(clients)
    .where(eq(clients.personalCode, personalCode));
  if (client) {
    await recordAudit(
      {
        actorCode: actor.personalCode,
        actorRole: role,
        action: 'client.lookup',
        entityType: 'client',
        entityId: client.id,
        subjectCode: personalCode,
        purpose: 'dokumendi registreerimine',
        requestId: ctx.requestId,
      },
      db,
    );
  }
  return client ?? null;
}
