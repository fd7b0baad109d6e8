import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { documentEvents, documents } from '@/db/schema';
import { appendAudit } from '@/server/audit/record';
import { authorize, can } from '@/server/auth/policy';
import { makePublicSchema, type MakePublicInput } from '@/lib/register-schema';
import { DomainError } from '@/server/errors';
import { assertUnchanged } from '@/server/record-version';
import type { RegisterActor } from '@/server/register/visibility';

/**
 * A restricted document made public on purpose, before its restriction's term, by its unit's
 * manager (an administrator for any unit): from then on the public register shows its title
 * and party (a private person still as "eraisik"). The restriction mark stays on the record
 * for its history; `public_since` is what the public register reads. Audited.
 */
export async function makeDocumentPublic(actor: RegisterActor, input: MakePublicInput, ctx: { requestId: string }): Promise<void> {
  const role = authorize(actor, 'register.publish');
  const { documentId, version } = makePublicSchema.parse(input);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const ownUnit = can(actor, 'register.publish_any_unit') ? undefined : eq(documents.unitCode, actor.unitCode);
    const [locked] = await tx
      .select()
      .from(documents)
      .where(and(eq(documents.id, documentId), eq(documents.isRestricted, true), isNull(documents.publicSince), ownUnit))
      .for('update');
    if (!locked) throw new DomainError('errors.notPublishable');
    // Published is what the card showed: a title or party changed since is looked at again.
    assertUnchanged(locked, version);
    const [doc] = await tx
      .update(documents)
      .set({ publicSince: sql`now()`, publicBy: actor.id, updatedAt: sql`now()` })
      .where(eq(documents.id, locked.id))
      .returning({ id: documents.id, number: documents.number });
    if (!doc) throw new DomainError('errors.notPublishable');
    await tx.insert(documentEvents).values({ documentId: doc.id, actorId: actor.id, kind: 'made_public', details: null });
    await appendAudit(tx, {
      actorCode: actor.personalCode,
      actorRole: role,
      action: 'document.make_public',
      entityType: 'document',
      entityId: doc.id,
      requestId: ctx.requestId,
      details: { number: doc.number },
    });
  });
}
