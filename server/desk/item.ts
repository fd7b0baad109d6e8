import type { Locale } from '@/lib/i18n';
import { sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '@/db/client';
import { staff } from '@/db/schema';
import type { IncidentCategory } from '@/lib/incident-schema';
import { daysBetween } from '@/server/calendar/working-days';
import type { TaskActor } from '@/server/tasks/scope';

// One line of "Minu töölaud", and what every kind of line is read with. Each kind has its own
// module beside this one (documents, tasks, incidents, proposals, forwardings, payments, dead
// letters) that reads it with its own record-level rule; myDesk (queries.ts) puts them together.

export type DeskItem = {
  kind:
    | 'document'
    | 'task'
    | 'review'
    | 'incident'
    | 'incident_queue'
    | 'proposal'
    | 'forwarding'
    | 'payment_approval'
    | 'payment_return'
    | 'payment_batch'
    | 'outbox_dead';
  id: string;
  title: string;
  reference: string | null;
  href: string;
  dueDate: string | null;
  daysLeft: number | null;
  /** The absent person whose work this is, when the person holds it as a substitute. */
  substitutingFor: string | null;
  /** incident: reported by me or mine to resolve; review/proposal/payment_approval: from whom; forwarding: to which authority; payment_return: why; outbox_dead: the last error. */
  detail: string | null;
  incidentCategory?: IncidentCategory;
  /** incident, incident_queue: where it is (asset tag, office). */
  where?: string | null;
};

/** The signed-in person, the people whose work they hold as a substitute today, and today. */
/** `locale`: the page's language, for the names read with an item (an incident's office). */
export type DeskReader = { actor: TaskActor; db: Db; held: string[]; today: string; locale: Locale };

/** At most this many lines of each kind. */
export const LIMIT = 200;

export const holder = alias(staff, 'holder');
export const absentee = alias(staff, 'absentee');
export const author = alias(staff, 'author');
export const personName = (t: typeof holder | typeof absentee | typeof author) => sql<string>`${t.givenName} || ' ' || ${t.familyName}`;

/** Calendar days from today to the deadline. */
export const daysLeft = (reader: DeskReader, due: string | null) => (due ? daysBetween('calendar_days', reader.today, due) : null);

/** Whose work it is, when not the person's own: the absent holder, or the one it was meant for. */
export const substituting = (reader: DeskReader, assigneeId: string | null, assigneeName: string | null, forName: string | null) =>
  assigneeId && assigneeId !== reader.actor.id ? assigneeName : forName;
