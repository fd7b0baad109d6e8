import { inArray } from 'drizzle-orm';
import { staff } from '@/db/schema';
import { fill, messagesFor, type Locale, type Messages } from '@/lib/i18n';
import type { Tx } from '@/server/tx';
import { notify } from './notify';

// Work passing to a person (a document forwarded or distributed to them, given to them as a
// substitute, a payment decided, an incident taken) is always announced the same way: who
// handed over what, with a link, in the recipient's language, in the transaction that hands
// it over. Nobody is told about what they handed to themselves.

export type Handover = {
  /** Who gets the work; nothing is sent when null or the actor. */
  to: string | null;
  fromId: string;
  /** `<group>.<event>` (lib/notification-kinds.ts), e.g. `document.forwarded`. */
  kind: string;
  /** What was handed over, in the recipient's language ("dokument 1-2/3 „Avaldus“"). */
  what: (m: Messages) => string;
  link: string;
  /** The absent person whose work the recipient gets as a substitute. */
  substituteForId?: string | null;
  note?: string | null;
  /** A subject and first line other than "X handed over to you: …" (a decision, an incident taken). */
  headline?: (m: Messages, from: string) => { subject: string; text: string };
};

export async function notifyHandover(tx: Tx, input: Handover): Promise<void> {
  if (!input.to || input.to === input.fromId) return;
  const ids = [input.fromId, ...(input.substituteForId ? [input.substituteForId] : [])];
  const rows = await tx.select({ id: staff.id, given: staff.givenName, family: staff.familyName }).from(staff).where(inArray(staff.id, ids));
  const nameOf = (id: string) => {
    const r = rows.find((x) => x.id === id);
    return r ? `${r.given} ${r.family}` : '';
  };
  const from = nameOf(input.fromId);
  const absent = input.substituteForId && input.substituteForId !== input.to ? nameOf(input.substituteForId) : null;
  const contentIn = (locale: Locale) => {
    const m = messagesFor(locale);
    const h = m.notifications.handover;
    const what = input.what(m);
    const head = input.headline?.(m, from) ?? { subject: fill(h.subject, { from, what }), text: fill(h.text, { from, what }) };
    const text = [head.text, absent ? fill(h.substitute, { name: absent }) : null, input.note ? fill(h.note, { note: input.note }) : null]
      .filter(Boolean)
      .join('\n\n');
    return { subject: head.subject, text };
  };
  await notify(tx, { recipients: [{ staffId: input.to }], kind: input.kind, link: input.link, ...contentIn('et'), localized: contentIn });
}
