import { inArray } from 'drizzle-orm';
import { staff } from '@/db/schema';
import type { Messages } from '@/lib/i18n';
import type { Tx } from '@/server/tx';
import { notice, type HandoverKind, type NoticeText } from './notices';
import { notify } from './notify';

// Work passing to a person (a document forwarded or distributed to them, given to them as a
// substitute, an incident taken) is always announced the same way: who handed over what,
// with a link, in the recipient's language, in the transaction that hands it over. Nobody is
// told about what they handed to themselves.

export type Handover = {
  /** Who gets the work; nothing is sent when null or the actor. */
  to: string | null;
  fromId: string;
  /** `<group>.<event>` (lib/notification-kinds.ts), e.g. `document.forwarded`. */
  kind: HandoverKind;
  /** What was handed over, in the recipient's language ("dokument 1-2/3 „Avaldus“"). */
  what: (m: Messages) => string;
  link: string;
  /** The absent person whose work the recipient gets as a substitute. */
  substituteForId?: string | null;
  note?: string | null;
  /** A subject and first line other than "X handed over to you: …" (an incident taken). */
  headline?: (m: Messages, from: string) => NoticeText;
};

export async function notifyHandover(tx: Tx, input: Handover): Promise<void> {
  if (!input.to || input.to === input.fromId) return;
  const ids = [input.fromId, ...(input.substituteForId ? [input.substituteForId] : [])];
  const rows = await tx.select({ id: staff.id, given: staff.givenName, family: staff.familyName }).from(staff).where(inArray(staff.id, ids));
  const nameOf = (id: string) => {
    const r = rows.find((x) => x.id === id);
    return r ? `${r.given} ${r.family}` : '';
  };
  const absent = input.substituteForId && input.substituteForId !== input.to ? nameOf(input.substituteForId) : null;
  await notify(tx, {
    recipients: [{ staffId: input.to }],
    link: input.link,
    notice: notice(input.kind, { from: nameOf(input.fromId), what: input.what, absent, note: input.note ?? null, headline: input.headline }),
  });
}
