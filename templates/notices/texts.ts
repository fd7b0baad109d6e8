import { messagesFor } from '@/lib/i18n';
import type { Localized } from '../shared/language';
import type { BlockKind, BlockSpec, Placeholder, TemplateTextSpec } from '../shared/texts';

// The words of the portal's notifications (the bell and the e-mail) as blocks an
// administrator changes, like a document template's texts (templates/shared/texts.ts): one
// set per group of notices, plus the words every notice shares. A block's key is the path of
// the message it replaces (`tasks.notices.createdSubject`): version 1 of a set is those
// messages as the code has them, and a published version is laid over them when a notice is
// rendered (server/notifications/notice-texts.ts), so the code that builds a notice from its
// facts stays as it is and only the wording changes.
//
// Each block may use only the placeholders its own message has (`{title}`, `{due}`): those
// are the facts the code fills in for that event and no other. Subjects are one line; other
// blocks are paragraphs, line breaks and lists without emphasis, because the same words go
// to the bell and to the plain-text part of the e-mail.

export const NOTICE_SET_IDS = [
  'notice-common',
  'notice-document',
  'notice-task',
  'notice-payment',
  'notice-incident',
  'notice-absence',
  'notice-proposal',
] as const;
export type NoticeSetId = (typeof NOTICE_SET_IDS)[number];

export const isNoticeSetId = (id: string): id is NoticeSetId => (NOTICE_SET_IDS as readonly string[]).includes(id);

/** Sample facts by placeholder name, for the editor's list and the review's preview. */
type Samples = Record<string, Localized>;

export type NoticeTextSet = {
  id: NoticeSetId;
  title: Localized;
  description: Localized;
  spec: TemplateTextSpec<Samples>;
  samples: Samples;
};

const lookup = (messages: unknown, path: string): string => {
  const value = path.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);
  if (typeof value !== 'string') throw new Error(`No message ${path}`);
  return value;
};

const namesIn = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);

type Entry = [path: string, label: Localized, kind?: BlockKind];

function defineSet(
  id: NoticeSetId,
  title: Localized,
  description: Localized,
  entries: readonly Entry[],
  samples: Samples,
  /** Placeholders a subject that has them must keep: what the notice is about. */
  identifying: readonly string[] = [],
): NoticeTextSet {
  const et = messagesFor('et');
  const en = messagesFor('en');
  const blocks: BlockSpec[] = entries.map(([path, label, kind]) => {
    const initial = { et: lookup(et, path), en: lookup(en, path) };
    const placeholders = [...new Set([...namesIn(initial.et), ...namesIn(initial.en)])];
    const blockKind = kind ?? (/Subject$|subject$|incidentTaken$/.test(path) ? 'heading' : 'plain');
    const required = blockKind === 'heading' ? identifying.filter((name) => placeholders.includes(name)) : [];
    return { key: path, label, kind: blockKind, max: blockKind === 'heading' ? 200 : 1000, initial, placeholders, required };
  });
  const names = [...new Set(blocks.flatMap((b) => b.placeholders ?? []))];
  for (const name of names) if (!samples[name]) throw new Error(`Notice texts ${id}: no sample for {${name}}`);
  const placeholders = Object.fromEntries(
    names.map((name): [string, Placeholder<Samples>] => [name, { path: name, value: (data, language) => data[name]![language] }]),
  );
  return { id, title, description, spec: { blocks, placeholders }, samples };
}

const same = (value: string): Localized => ({ et: value, en: value });
const person = same('Mari Tamm');
const other = same('Jaan Kask');
const date = same('15.01.2027');

export const NOTICE_TEXT_SETS: readonly NoticeTextSet[] = [
  defineSet(
    'notice-common',
    { et: 'Teavitused: ühised tekstid', en: 'Notifications: shared texts' },
    {
      et: 'E-kirja lingi tekst ja jalus, päevakokkuvõte ning töö üleandmise teade (dokumendid ja intsidendid).',
      en: 'The e-mail’s link text and footer, the daily summary and the notice of work handed over (documents and incidents).',
    },
    [
      ['notifications.emailLinkLabel', { et: 'E-kirja lingi tekst', en: 'Link text in the e-mail' }, 'heading'],
      ['notifications.emailFooter', { et: 'E-kirja jalus', en: 'E-mail footer' }],
      ['notifications.digestSubject', { et: 'Päevakokkuvõte: teema', en: 'Daily summary: subject' }],
      ['notifications.digestIntro', { et: 'Päevakokkuvõte: sissejuhatus', en: 'Daily summary: introduction' }],
      ['notifications.handover.subject', { et: 'Üleandmine: teema', en: 'Handover: subject' }],
      ['notifications.handover.text', { et: 'Üleandmine: tekst', en: 'Handover: text' }],
      ['notifications.handover.substitute', { et: 'Üleandmine asendajale: lisalõik', en: 'Handover to a substitute: added paragraph' }],
      ['notifications.handover.note', { et: 'Üleandmise märkus', en: 'Handover note' }],
    ],
    {
      n: same('4'),
      from: person,
      what: { et: 'dokument 1-2/26/7 „Avaldus“', en: 'document 1-2/26/7 “Application”' },
      name: other,
      note: { et: 'Palun vasta enne reedet.', en: 'Please reply before Friday.' },
    },
    ['from', 'n'],
  ),
  defineSet(
    'notice-document',
    { et: 'Teavitused: dokumendid', en: 'Notifications: documents' },
    {
      et: 'Kuidas teavitus nimetab jaotatud või edastatud dokumenti, ja teade kliendi toodud dokumentidest.',
      en: 'How a notice names a document assigned or forwarded, and the notice of documents a client brought.',
    },
    [
      ['notifications.handover.document', { et: 'Jaotatud dokument', en: 'Document assigned' }, 'heading'],
      ['notifications.handover.documentRestricted', { et: 'Jaotatud dokument juurdepääsupiiranguga', en: 'Restricted document assigned' }, 'heading'],
      ['notifications.handover.documentForwarded', { et: 'Edastatud dokument', en: 'Document forwarded' }, 'heading'],
      [
        'notifications.handover.documentForwardedRestricted',
        { et: 'Edastatud dokument juurdepääsupiiranguga', en: 'Restricted document forwarded' },
        'heading',
      ],
      ['frontDesk.broughtNotice', { et: 'Klient tõi dokumendid: teema', en: 'Client brought documents: subject' }, 'heading'],
      ['frontDesk.broughtNoticeText', { et: 'Klient tõi dokumendid: tekst', en: 'Client brought documents: text' }],
      ['frontDesk.broughtNoticeResumed', { et: 'Klient tõi dokumendid: tähtaeg jätkub', en: 'Client brought documents: deadline resumes' }],
    ],
    {
      number: same('1-2/26/7'),
      title: { et: 'Avaldus', en: 'Application' },
      who: person,
      brought: same('1-2/26/7-2'),
      date,
    },
    ['number'],
  ),
  defineSet(
    'notice-task',
    { et: 'Teavitused: ülesanded', en: 'Notifications: tasks' },
    { et: 'Ülesande andmine, kommentaarid, tehtuks märkimine, kinnitamine ja meeldetuletused.', en: 'Tasks given, comments, done, accepted and reminders.' },
    [
      ['tasks.notices.createdSubject', { et: 'Uus ülesanne: teema', en: 'New task: subject' }],
      ['tasks.notices.createdSubjectSubstitute', { et: 'Uus ülesanne asendajale: teema', en: 'New task for a substitute: subject' }],
      ['tasks.notices.createdText', { et: 'Uus ülesanne: tekst', en: 'New task: text' }],
      ['tasks.notices.createdSubstituteText', { et: 'Uus ülesanne asendajale: tekst', en: 'New task for a substitute: text' }],
      ['tasks.notices.due', { et: 'Tähtaja rida', en: 'Deadline line' }, 'heading'],
      ['tasks.notices.priority', { et: 'Prioriteedi rida', en: 'Priority line' }, 'heading'],
      ['tasks.notices.commentSubject', { et: 'Kommentaar: teema', en: 'Comment: subject' }],
      ['tasks.notices.questionSubject', { et: 'Küsimus juhile: teema', en: 'Question to the manager: subject' }],
      ['tasks.notices.doneSubject', { et: 'Tehtud: teema', en: 'Done: subject' }],
      ['tasks.notices.doneText', { et: 'Tehtud: tekst', en: 'Done: text' }],
      ['tasks.notices.acceptedSubject', { et: 'Kinnitatud: teema', en: 'Accepted: subject' }],
      ['tasks.notices.returnedSubject', { et: 'Tagasi saadetud: teema', en: 'Returned: subject' }],
      ['tasks.notices.cancelledSubject', { et: 'Tühistatud: teema', en: 'Cancelled: subject' }],
      ['tasks.notices.dueSoonSubject', { et: 'Meeldetuletus: teema', en: 'Reminder: subject' }],
      ['tasks.notices.dueSoonText', { et: 'Meeldetuletus: tekst', en: 'Reminder: text' }],
      ['tasks.notices.overdueSubject', { et: 'Tähtaeg ületatud: teema', en: 'Overdue: subject' }],
      ['tasks.notices.overdueText', { et: 'Tähtaeg ületatud: tekst', en: 'Overdue: text' }],
    ],
    {
      title: { et: 'Kliendipöördumiste ülevaade', en: 'Overview of client enquiries' },
      due: date,
      name: other,
      manager: person,
      priority: { et: 'kõrge', en: 'high' },
      result: { et: 'Ülevaade on kaustas.', en: 'The overview is in the folder.' },
    },
    ['title'],
  ),
  defineSet(
    'notice-payment',
    { et: 'Teavitused: maksed', en: 'Notifications: payments' },
    { et: 'Toetuse makse kinnitamine nelja silma põhimõttel.', en: 'Benefit payments approved under the four-eyes rule.' },
    [
      ['payments.notices.preparedSubject', { et: 'Ootab kinnitamist: teema', en: 'Awaiting approval: subject' }],
      ['payments.notices.preparedText', { et: 'Ootab kinnitamist: tekst', en: 'Awaiting approval: text' }],
      ['payments.notices.resubmittedSubject', { et: 'Parandatud: teema', en: 'Corrected: subject' }],
      ['payments.notices.resubmittedText', { et: 'Parandatud: tekst', en: 'Corrected: text' }],
      ['payments.notices.returnedSubject', { et: 'Tagastatud: teema', en: 'Returned: subject' }],
      ['payments.notices.returnedText', { et: 'Tagastatud: tekst', en: 'Returned: text' }],
      ['payments.notices.rejectedSubject', { et: 'Tagasi lükatud: teema', en: 'Rejected: subject' }],
      ['payments.notices.rejectedText', { et: 'Tagasi lükatud: tekst', en: 'Rejected: text' }],
      ['payments.notices.approvedSubject', { et: 'Kinnitatud: teema', en: 'Approved: subject' }],
      ['payments.notices.approvedText', { et: 'Kinnitatud: tekst', en: 'Approved: text' }],
    ],
    {
      kind: { et: 'Matusetoetus', en: 'Funeral benefit' },
      name: person,
      reason: { et: 'Arvelduskonto omanik ei vasta.', en: 'The account holder does not match.' },
    },
    ['kind'],
  ),
  defineSet(
    'notice-incident',
    { et: 'Teavitused: intsidendid', en: 'Notifications: incidents' },
    {
      et: 'IT-toele ja regiooni juhile saadetav teade ning teataja teated.',
      en: 'The notice to IT support and the regional manager, and the reporter’s notices.',
    },
    [
      ['incidents.notices.createdSubject', { et: 'Uus intsident: teema', en: 'New incident: subject' }],
      ['incidents.notices.createdText', { et: 'Uus intsident: sissejuhatus', en: 'New incident: introduction' }],
      ['incidents.notices.category', { et: 'Uus intsident: kategooria rida', en: 'New incident: category line' }, 'heading'],
      ['incidents.notices.priority', { et: 'Uus intsident: prioriteedi rida', en: 'New incident: priority line' }, 'heading'],
      ['incidents.notices.yes', { et: 'Sõna „jah“', en: 'The word “yes”' }, 'heading'],
      ['incidents.notices.no', { et: 'Sõna „ei“', en: 'The word “no”' }, 'heading'],
      ['incidents.notices.place', { et: 'Uus intsident: koha rida', en: 'New incident: place line' }, 'heading'],
      ['incidents.notices.assetTag', { et: 'Uus intsident: inventarinumbri rida', en: 'New incident: asset tag line' }, 'heading'],
      ['incidents.notices.queue', { et: 'Uus intsident: järjekorra rida', en: 'New incident: queue line' }, 'heading'],
      ['incidents.notices.description', { et: 'Uus intsident: kirjeldus', en: 'New incident: description' }],
      ['incidents.notices.attachments', { et: 'Uus intsident: manused', en: 'New incident: attachments' }],
      ['notifications.handover.incidentTaken', { et: 'Töösse võetud: teema', en: 'Taken: subject' }],
      ['notifications.handover.incidentTakenText', { et: 'Töösse võetud: tekst', en: 'Taken: text' }],
      ['incidents.notices.resolvedSubject', { et: 'Lahendatud: teema', en: 'Resolved: subject' }],
      ['incidents.notices.resolution', { et: 'Lahendatud: lahendus', en: 'Resolved: resolution' }],
      ['incidents.notices.waitingSubject', { et: 'Ootab teataja vastust: teema', en: 'Waiting for the reporter: subject' }],
      ['incidents.notices.note', { et: 'Ootab teataja vastust: märkus', en: 'Waiting for the reporter: note' }],
      ['incidents.notices.commentSubject', { et: 'Kommentaar: teema', en: 'Comment: subject' }],
      ['incidents.notices.replySubject', { et: 'Teataja vastus: teema', en: 'Reporter’s reply: subject' }],
    ],
    {
      number: same('IT-2026-000123'),
      category: { et: 'printer', en: 'printer' },
      priority: { et: 'kõrge', en: 'high' },
      office: { et: 'Tallinna klienditeenindus', en: 'Tallinn Customer Service Office' },
      name: person,
      from: other,
      blocked: { et: 'jah', en: 'yes' },
      people: same('3'),
      urgency: { et: 'keskmine', en: 'medium' },
      place: { et: 'kabinet 214', en: 'room 214' },
      tag: same('SKA-123'),
      queue: { et: 'IT-tugi', en: 'IT support' },
      description: { et: 'Printer ei prindi.', en: 'The printer does not print.' },
      n: same('2'),
      note: { et: 'Vahetasime toonerikasseti.', en: 'We replaced the toner cartridge.' },
    },
    ['number'],
  ),
  defineSet(
    'notice-absence',
    { et: 'Teavitused: puudumised', en: 'Notifications: absences' },
    { et: 'Teade asendajale.', en: 'The notice to a substitute.' },
    [
      ['absences.notices.substituteSubject', { et: 'Asendaja: teema', en: 'Substitute: subject' }],
      ['absences.notices.substituteText', { et: 'Asendaja: tekst', en: 'Substitute: text' }],
    ],
    { name: other, kind: { et: 'puhkus', en: 'holiday' }, from: same('01.02.2027'), to: same('14.02.2027') },
    ['name'],
  ),
  defineSet(
    'notice-proposal',
    { et: 'Teavitused: ettepanekud', en: 'Notifications: proposals' },
    { et: 'Parendusettepanek juhile ja juhi vastus esitajale.', en: 'An improvement proposal to the manager and the answer to its author.' },
    [
      ['proposals.notices.submittedSubject', { et: 'Uus ettepanek: teema', en: 'New proposal: subject' }],
      ['proposals.notices.submittedText', { et: 'Uus ettepanek: tekst', en: 'New proposal: text' }],
      ['proposals.notices.answeredSubject', { et: 'Vastus: teema', en: 'Answer: subject' }],
    ],
    { title: { et: 'Ootejärjekorra ekraan', en: 'A queue display' }, name: person, status: { et: 'vastu võetud', en: 'accepted' } },
    ['title'],
  ),
];

export function getNoticeTextSet(id: string): NoticeTextSet | undefined {
  return NOTICE_TEXT_SETS.find((set) => set.id === id);
}
