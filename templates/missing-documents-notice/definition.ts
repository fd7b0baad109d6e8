import { z } from 'zod';
import { clientSchema, isBefore, isoDate, multiline, optionalText, restrictionSchema, signerSchema, text } from '../shared/fields';
import type { TemplateMeta } from '../shared/types';

// Duty 3.3.2: tell the client which documents are missing from an application, by when to
// submit them and how, and what happens otherwise (Haldusmenetluse seadus § 15 lg 2: the
// authority sets a reasonable deadline and may leave the application unexamined).
// The register's missing-documents request supplies the application, documents and deadline.

export const meta = {
  id: 'missing-documents-notice',
  version: 1,
  title: { et: 'Puuduvate dokumentide teatis', en: 'Notice of missing documents' },
  description: {
    et: 'Milliseid dokumente millise taotluse juurde on puudu, tähtaeg, esitamise viisid ja tagajärg tähtaja möödumisel.',
    en: 'Which documents are missing for which application, the deadline, how to submit them and what happens after the deadline.',
  },
  documentType: 'missing-documents-notice',
  languages: ['et'],
  history: [{ version: 1, date: '2026-11-28', change: { et: 'Esimene versioon.', en: 'First version.' } }],
} as const satisfies TemplateMeta;

export const SUBMISSION_CHANNELS = ['email', 'post', 'office', 'eesti'] as const;

export const schema = z
  .object({
    client: clientSchema,
    application: z.object({
      /** What the client applied for, as the sentence needs it: "vanaduspensioni taotlus". */
      title: text(150),
      registrationNumber: text(50),
      receivedOn: isoDate,
    }),
    documents: z
      .array(z.object({ name: text(200), note: optionalText(300) }), { error: 'errors.required' })
      .min(1, 'errors.required')
      .max(30, 'errors.tooMany'),
    deadline: isoDate,
    channels: z.array(z.enum(SUBMISSION_CHANNELS), { error: 'errors.required' }).min(1, 'errors.required').default(['email', 'post', 'office']),
    /** Anything the specialist adds for this client (a form to use, an office to visit). */
    note: multiline(2000, { required: false }),
    signer: signerSchema,
    restriction: restrictionSchema.nullable().default(null),
  })
  .superRefine((v, ctx) => {
    if (isBefore(v.deadline, v.application?.receivedOn)) ctx.addIssue({ code: 'custom', path: ['deadline'], message: 'errors.deadlineBeforeReceived' });
  });

export type MissingDocumentsNoticeInput = z.input<typeof schema>;
export type MissingDocumentsNoticeData = z.output<typeof schema>;

export const sample: MissingDocumentsNoticeInput = {
  client: { name: 'Tõnis Põldmäe', personalCode: '38001085718', address: 'Jõe tn 9-3\n80010 Pärnu' },
  application: { title: 'vanaduspensioni taotlus', registrationNumber: '2-1/1534', receivedOn: '2026-11-12' },
  documents: [
    { name: 'Töötamist tõendav dokument aastatest 1991–1998', note: 'tööraamat või arhiivitõend' },
    { name: 'Kaitseväeteenistust tõendav dokument', note: 'sõjaväepilet või Kaitseressursside Ameti tõend' },
    { name: 'Pangakonto andmed pensioni maksmiseks', note: '' },
  ],
  deadline: '2026-12-14',
  channels: ['email', 'post', 'office'],
  note: '',
  signer: { name: 'Mari Tamm', title: 'klienditeeninduse spetsialist', email: 'mari.tamm@sotsiaalkindlustusamet.ee', phone: '612 1360' },
  restriction: { basis: 'AvTS § 35 lg 1 p 12', validUntil: '2101-11-20' },
};
