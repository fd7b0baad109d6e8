import type { Locale } from '@/lib/i18n';
import { getDb } from '@/db/client';
import { authorize } from '@/server/auth/policy';
import { tallinnDate } from '@/server/calendar/working-days';
import { heldForNow } from '@/server/org/held-for-now';
import type { TaskActor } from '@/server/tasks/scope';
import { deskDeadLetters } from './dead-letters';
import { deskDocuments } from './documents';
import { deskForwardings } from './forwardings';
import { deskIncidents } from './incidents';
import type { DeskItem, DeskReader } from './item';
import { deskPayments } from './payments';
import { deskProposals } from './proposals';
import { deskTaskReviews, deskTasks } from './tasks';

export type { DeskItem } from './item';

// "Minu töölaud": everything that waits for the signed-in person, in one list by deadline.
// Each kind of item is read in its own module with its own record-level rule (the register's
// visibility, the task scopes, the incident reporter/assignee, the proposal's manager), so the
// list never shows what the person could not open.

export async function myDesk(actor: TaskActor, locale: Locale = 'et'): Promise<DeskItem[]> {
  authorize(actor, 'portal.use');
  const reader: DeskReader = { actor, db: await getDb(), held: await heldForNow(actor.id), today: tallinnDate(new Date()), locale };
  const kinds = await Promise.all([
    deskDocuments(reader),
    deskTasks(reader),
    deskTaskReviews(reader),
    deskIncidents(reader),
    deskProposals(reader),
    deskForwardings(reader),
    deskPayments(reader),
    deskDeadLetters(reader),
  ]);
  // By deadline; work without one after everything that has one.
  return kinds.flat().sort((a, b) => (a.dueDate ?? '9999-12-31').localeCompare(b.dueDate ?? '9999-12-31') || a.kind.localeCompare(b.kind));
}
