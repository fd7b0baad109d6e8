import { fill, messagesFor, type Locale, type Messages } from '@/lib/i18n';
import type { IncidentCategory, IncidentPriority, IncidentQueue, Urgency } from '@/lib/incident-schema';

// Every kind of notice the portal sends, with its words in both languages. A notice is built
// here from its facts (`notice('proposal.submitted', { title, name, description })`) and
// rendered by notify() once per recipient in that person's language (staff.language): the
// in-app row and the e-mail get the same words. A team mailbox gets the Estonian ones.
// The kinds are `<group>.<event>` (lib/notification-kinds.ts): a person chooses e-mail per group.
//
// A new kind goes into NOTICES with its facts' type and into the sample facts of
// notices.test.ts, which renders every kind in both languages.

export type NoticeText = { subject: string; text: string };

/** A name kept in both languages (an office, a kind of benefit); English falls back to Estonian. */
export type Bilingual = { et: string; en: string | null };
export const nameIn = (name: Bilingual, locale: Locale) => (locale === 'en' && name.en) || name.et;

type Render<P> = (m: Messages, facts: P, locale: Locale) => NoticeText;
const kind = <P>(render: Render<P>) => render;

export type HandoverFacts = {
  /** Who handed it over. */
  from: string;
  /** What was handed over, in the recipient's language ("dokument 1-2/3 „Avaldus“"). */
  what: (m: Messages) => string;
  /** The absent person whose work the recipient gets as a substitute. */
  absent: string | null;
  note: string | null;
  /** A subject and first line other than "X handed over to you: …" (an incident taken). */
  headline?: (m: Messages, from: string) => NoticeText;
};

const handover = kind<HandoverFacts>((m, f) => {
  const h = m.notifications.handover;
  const what = f.what(m);
  const head = f.headline?.(m, f.from) ?? { subject: fill(h.subject, { from: f.from, what }), text: fill(h.text, { from: f.from, what }) };
  const text = [head.text, f.absent ? fill(h.substitute, { name: f.absent }) : null, f.note ? fill(h.note, { note: f.note }) : null]
    .filter(Boolean)
    .join('\n\n');
  return { subject: head.subject, text };
});

type PaymentFacts = { kind: Bilingual; deceased: string; name: string };
type PaymentDecisionFacts = PaymentFacts & { reason: string };
const paymentDecision = (pick: (n: Messages['payments']['notices']) => { subject: string; text: string }) =>
  kind<PaymentDecisionFacts>((m, f, locale) => {
    const n = pick(m.payments.notices);
    return { subject: fill(n.subject, { kind: nameIn(f.kind, locale), name: f.deceased }), text: fill(n.text, { name: f.name, reason: f.reason }) };
  });

type TaskFacts = { title: string };
const taskReview = (accept: boolean) =>
  kind<TaskFacts & { comment: string }>((m, f) => {
    const subject = fill(accept ? m.tasks.notices.acceptedSubject : m.tasks.notices.returnedSubject, { title: f.title });
    return { subject, text: f.comment || subject };
  });
const taskComment = (question: boolean) =>
  kind<TaskFacts & { author: string; body: string }>((m, f) => ({
    subject: fill(question ? m.tasks.notices.questionSubject : m.tasks.notices.commentSubject, { title: f.title }),
    text: `${f.author}:\n\n${f.body}`,
  }));

export const NOTICES = {
  'document.assigned': handover,
  'document.forwarded': handover,
  'document.brought_in': kind<{ who: string; brought: string; number: string; resumedUntil: string | null }>((m, f) => ({
    subject: fill(m.frontDesk.broughtNotice, { number: f.number }),
    text: [
      fill(m.frontDesk.broughtNoticeText, { who: f.who, brought: f.brought, number: f.number }),
      f.resumedUntil ? fill(m.frontDesk.broughtNoticeResumed, { date: f.resumedUntil }) : null,
    ]
      .filter(Boolean)
      .join(' '),
  })),

  'task.created': kind<
    TaskFacts & { due: string; manager: string; substituteFor: string | null; priority: keyof Messages['tasks']['priorities']; description: string }
  >((m, f) => {
    const t = m.tasks.notices;
    return {
      subject: f.substituteFor
        ? fill(t.createdSubjectSubstitute, { name: f.substituteFor, title: f.title, due: f.due })
        : fill(t.createdSubject, { title: f.title, due: f.due }),
      text: [
        f.substituteFor ? fill(t.createdSubstituteText, { manager: f.manager, name: f.substituteFor }) : fill(t.createdText, { manager: f.manager }),
        `${fill(t.due, { due: f.due })}\n${fill(t.priority, { priority: m.tasks.priorities[f.priority] })}`,
        f.description,
      ].join('\n\n'),
    };
  }),
  'task.comment': taskComment(false),
  'task.question': taskComment(true),
  'task.done': kind<TaskFacts & { name: string; result: string }>((m, f) => ({
    subject: fill(m.tasks.notices.doneSubject, { title: f.title }),
    text: fill(m.tasks.notices.doneText, { name: f.name, result: f.result }),
  })),
  'task.accepted': taskReview(true),
  'task.returned': taskReview(false),
  'task.cancelled': kind<TaskFacts & { reason: string }>((m, f) => {
    const subject = fill(m.tasks.notices.cancelledSubject, { title: f.title });
    return { subject, text: f.reason || subject };
  }),
  'task.due_soon': kind<TaskFacts & { due: string }>((m, f) => ({
    subject: fill(m.tasks.notices.dueSoonSubject, { title: f.title, due: f.due }),
    text: fill(m.tasks.notices.dueSoonText, { due: f.due }),
  })),
  'task.overdue': kind<TaskFacts & { due: string; name: string }>((m, f) => ({
    subject: fill(m.tasks.notices.overdueSubject, { title: f.title }),
    text: fill(m.tasks.notices.overdueText, { due: f.due, name: f.name }),
  })),

  'payment.prepared': kind<PaymentFacts>((m, f, locale) => ({
    subject: fill(m.payments.notices.preparedSubject, { kind: nameIn(f.kind, locale), name: f.deceased }),
    text: fill(m.payments.notices.preparedText, { name: f.name }),
  })),
  'payment.resubmitted': kind<PaymentFacts>((m, f, locale) => ({
    subject: fill(m.payments.notices.resubmittedSubject, { kind: nameIn(f.kind, locale), name: f.deceased }),
    text: fill(m.payments.notices.resubmittedText, { name: f.name }),
  })),
  'payment.returned': paymentDecision((n) => ({ subject: n.returnedSubject, text: n.returnedText })),
  'payment.rejected': paymentDecision((n) => ({ subject: n.rejectedSubject, text: n.rejectedText })),
  'payment.approved': paymentDecision((n) => ({ subject: n.approvedSubject, text: n.approvedText })),

  'incident.created': kind<{
    number: string;
    reporter: string;
    office: Bilingual;
    category: IncidentCategory;
    priority: IncidentPriority;
    serviceBlocked: boolean;
    peopleAffected: number;
    urgency: Urgency;
    place: string;
    assetTag: string | null;
    queue: IncidentQueue;
    /** The routing rule's name for its mailbox, as the administrator wrote it. */
    queueName: string | null;
    description: string;
    attachments: number;
  }>((m, f, locale) => {
    const i = m.incidents;
    const n = i.notices;
    const office = nameIn(f.office, locale);
    const category = i.categories[f.category];
    const priority = i.priorities[f.priority];
    const queue = f.queue === 'mailbox' ? (f.queueName ?? i.queues.mailbox) : i.queues[f.queue];
    const facts = [
      fill(n.category, { category }),
      fill(n.priority, { priority, blocked: f.serviceBlocked ? n.yes : n.no, people: f.peopleAffected, urgency: i.matrixUrgencyShort[f.urgency] }),
      fill(n.place, { office, place: f.place }),
      f.assetTag ? fill(n.assetTag, { tag: f.assetTag }) : null,
      fill(n.queue, { queue }),
    ];
    return {
      subject: fill(n.createdSubject, { number: f.number, category, priority, office }),
      text: [
        fill(n.createdText, { name: f.reporter, office, number: f.number }),
        facts.filter(Boolean).join('\n'),
        fill(n.description, { description: f.description }),
        f.attachments ? fill(n.attachments, { n: f.attachments }) : null,
      ]
        .filter(Boolean)
        .join('\n\n'),
    };
  }),
  'incident.assigned': handover,
  'incident.updated': kind<{ number: string; event: 'resolved' | 'waiting_reporter' | 'comment'; note: string }>((m, f) => {
    const n = m.incidents.notices;
    if (f.event === 'comment') return { subject: fill(n.commentSubject, { number: f.number }), text: f.note };
    const subject = fill(f.event === 'resolved' ? n.resolvedSubject : n.waitingSubject, { number: f.number });
    const note = f.note ? fill(f.event === 'resolved' ? n.resolution : n.note, { note: f.note }) : null;
    return { subject, text: [`${subject}.`, note].filter(Boolean).join('\n\n') };
  }),
  'incident.reply': kind<{ number: string; body: string }>((m, f) => ({ subject: fill(m.incidents.notices.replySubject, { number: f.number }), text: f.body })),

  'absence.substitute': kind<{ name: string; kind: keyof Messages['absences']['kinds']; from: string; to: string }>((m, f) => ({
    subject: fill(m.absences.notices.substituteSubject, { name: f.name, from: f.from, to: f.to }),
    text: fill(m.absences.notices.substituteText, { name: f.name, kind: m.absences.kinds[f.kind], from: f.from, to: f.to }),
  })),

  'proposal.submitted': kind<{ title: string; name: string; description: string }>((m, f) => ({
    subject: fill(m.proposals.notices.submittedSubject, { title: f.title }),
    text: `${fill(m.proposals.notices.submittedText, { name: f.name })}\n\n${f.description}`,
  })),
  'proposal.answered': kind<{ title: string; status: keyof Messages['proposals']['statuses']; answer: string }>((m, f) => {
    const subject = fill(m.proposals.notices.answeredSubject, { title: f.title, status: m.proposals.statuses[f.status] });
    return { subject, text: f.answer || subject };
  }),
};

export type NoticeKind = keyof typeof NOTICES;
export type NoticeFacts<K extends NoticeKind> = Parameters<(typeof NOTICES)[K]>[1];
export type HandoverKind = 'document.assigned' | 'document.forwarded' | 'incident.assigned';

/**
 * A notice ready to be rendered in each recipient's language, with the words in force
 * (./notice-texts.ts: the messages with the published versions of the notice texts laid over
 * them); without them, with the words in code.
 */
export type Notice = { kind: string; render: (locale: Locale, words?: (locale: Locale) => Messages) => NoticeText };

export function notice<K extends NoticeKind>(kind: K, facts: NoticeFacts<K>): Notice {
  const render = NOTICES[kind] as Render<NoticeFacts<K>>;
  return { kind, render: (locale, words = messagesFor) => render(words(locale), facts, locale) };
}
