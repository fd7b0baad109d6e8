import { describe, expect, it } from 'vitest';
import { fill, type Messages } from '@/lib/i18n';
import { noticeGroupOf } from '@/lib/notification-kinds';
import { notice, NOTICES, type NoticeFacts, type NoticeKind } from './notices';

// Facts for every kind, in words that are neither Estonian nor English, so that whatever
// Estonian turns up in the English rendering came from the portal and not from the sample.
const office = { et: 'Tallinna klienditeenindus', en: 'Tallinn Customer Service Office' };
const benefit = { et: 'Matusetoetus', en: 'Funeral benefit' };
const handover = {
  from: 'Mari Tamm',
  what: (m: Messages) => fill(m.notifications.handover.document, { number: '1-2/26/7', title: 'XYZ' }),
  absent: 'Jaan Kask',
  note: 'XYZ',
};
const SAMPLES: { [K in NoticeKind]: NoticeFacts<K> } = {
  'document.assigned': handover,
  'document.forwarded': { ...handover, what: (m) => fill(m.notifications.handover.documentForwarded, { number: '1-2/26/7', title: 'XYZ' }) },
  'document.brought_in': { who: 'Mari Tamm', brought: '1-2/26/7-2', number: '1-2/26/7', resumedUntil: '15.01.2027' },
  'task.created': { title: 'XYZ', due: '15.01.2027', manager: 'Mari Tamm', substituteFor: 'Jaan Kask', priority: 'high', description: 'XYZ' },
  'task.comment': { title: 'XYZ', author: 'Mari Tamm', body: 'XYZ' },
  'task.question': { title: 'XYZ', author: 'Mari Tamm', body: 'XYZ' },
  'task.done': { title: 'XYZ', name: 'Mari Tamm', result: 'XYZ' },
  'task.accepted': { title: 'XYZ', comment: '' },
  'task.returned': { title: 'XYZ', comment: '' },
  'task.cancelled': { title: 'XYZ', reason: '' },
  'task.due_soon': { title: 'XYZ', due: '15.01.2027' },
  'task.overdue': { title: 'XYZ', due: '15.01.2027', name: 'Mari Tamm' },
  'payment.prepared': { kind: benefit, deceased: 'Jaan Kask', name: 'Mari Tamm' },
  'payment.resubmitted': { kind: benefit, deceased: 'Jaan Kask', name: 'Mari Tamm' },
  'payment.returned': { kind: benefit, deceased: 'Jaan Kask', name: 'Mari Tamm', reason: 'XYZ' },
  'payment.rejected': { kind: benefit, deceased: 'Jaan Kask', name: 'Mari Tamm', reason: 'XYZ' },
  'payment.approved': { kind: benefit, deceased: 'Jaan Kask', name: 'Mari Tamm', reason: '' },
  'incident.created': {
    number: 'IT-2026-000123',
    reporter: 'Mari Tamm',
    office,
    category: 'printer',
    priority: 'high',
    serviceBlocked: true,
    peopleAffected: 3,
    urgency: 'medium',
    place: 'XYZ',
    assetTag: 'SKA-123',
    queue: 'it_support',
    queueName: null,
    description: 'XYZ',
    attachments: 2,
  },
  'incident.assigned': {
    ...handover,
    what: () => 'IT-2026-000123',
    headline: (m, from) => ({
      subject: fill(m.notifications.handover.incidentTaken, { from, number: 'IT-2026-000123' }),
      text: fill(m.notifications.handover.incidentTakenText, { from, number: 'IT-2026-000123' }),
    }),
  },
  'incident.updated': { number: 'IT-2026-000123', event: 'resolved', note: 'XYZ' },
  'incident.reply': { number: 'IT-2026-000123', body: 'XYZ' },
  'absence.substitute': { name: 'Jaan Kask', kind: 'vacation', from: '01.02.2027', to: '14.02.2027' },
  'proposal.submitted': { title: 'XYZ', name: 'Mari Tamm', description: 'XYZ' },
  'proposal.answered': { title: 'XYZ', status: 'accepted', answer: '' },
};

// Letters English has none of, and words that give away an Estonian sentence.
const ESTONIAN = /[õäöüšž]|\b(ja|ei|sinu|sulle|andis|tegi|ülesan\w*|intsident\w*|teata\w*|makse|tähtaeg|kommentaar|dokument)\b/i;

describe('notice kinds', () => {
  const kinds = Object.keys(NOTICES) as NoticeKind[];

  it.each(kinds)('%s reads in Estonian and in English', (kind) => {
    const n = notice(kind, SAMPLES[kind] as never);
    const et = n.render('et');
    const en = n.render('en');
    for (const text of [et.subject, et.text, en.subject, en.text]) {
      expect(text.trim()).not.toBe('');
      expect(text).not.toMatch(/\{\w+\}/); // every placeholder filled
    }
    expect(en.subject).not.toBe(et.subject);
    expect(`${en.subject}\n${en.text}`.replaceAll('Töölaud', '')).not.toMatch(ESTONIAN); // the product's name is a name
    // A person's e-mail choice is per group, so every kind belongs to one.
    expect(noticeGroupOf(kind)).not.toBeNull();
  });

  it('names an office and a benefit in the reader’s language, the Estonian name where there is no English one', () => {
    const incident = SAMPLES['incident.created'];
    expect(notice('incident.created', incident).render('en').subject).toContain('Tallinn Customer Service Office');
    expect(notice('incident.created', incident).render('et').subject).toContain('Tallinna klienditeenindus');
    expect(notice('incident.created', { ...incident, office: { et: 'Kuressaare klienditeenindus', en: null } }).render('en').text).toContain(
      'Kuressaare klienditeenindus',
    );
    expect(notice('payment.approved', SAMPLES['payment.approved']).render('en').subject).toContain('Funeral benefit');
  });

  it('tells the reporter of each change to their incident in their language', () => {
    for (const event of ['resolved', 'waiting_reporter', 'comment'] as const) {
      const n = notice('incident.updated', { number: 'IT-2026-000123', event, note: 'XYZ' });
      expect(n.render('en').subject).not.toMatch(ESTONIAN);
      expect(n.render('et').subject).not.toBe(n.render('en').subject);
    }
  });
});
