import { z } from 'zod';
import { isoDate, multiline, optionalText, restrictionSchema, signerSchema, text } from '../shared/fields';
import { isValidPersonalCode } from '@/lib/personal-code';
import type { TemplateMeta } from '../shared/types';

// Duty 3.12: a reply to a written enquiry of a person or an institution, with the standard
// reference line "Teie <their date> nr <their number>  Meie <our date> nr <our number>";
// the register fills in their side from the incoming letter and ours on registration.

export const meta = {
  id: 'reply-letter',
  version: 1,
  title: { et: 'Vastuskiri', en: 'Reply letter' },
  description: {
    et: 'Vastus isiku või asutuse pöördumisele, viitereaga „Teie … nr …  Meie … nr …”.',
    en: 'A reply to an enquiry of a person or an institution, with the reference line “Your ref. … Our ref. …”.',
  },
  documentType: 'reply',
  languages: ['et'],
  history: [{ version: 1, date: '2026-11-28', change: { et: 'Esimene versioon.', en: 'First version.' } }],
} as const satisfies TemplateMeta;

export const schema = z.object({
  recipient: z.object({
    /** A person's name, or an institution's name with its unit. */
    name: text(200),
    /** Only for a person: shown under the name so the reply reaches the right client. */
    personalCode: z
      .string()
      .trim()
      .refine((v) => v === '' || isValidPersonalCode(v), 'errors.personalCode')
      .default(''),
    address: multiline(300, { required: false }),
  }),
  /** Their letter: its date and (when it had one) its number. */
  theirDate: isoDate,
  theirNumber: optionalText(50),
  title: text(200),
  /** "Lugupeetud …"; empty for the recipient's name. */
  salutation: optionalText(200),
  body: multiline(8000),
  signer: signerSchema,
  restriction: restrictionSchema.nullable().default(null),
});

export type ReplyLetterInput = z.input<typeof schema>;
export type ReplyLetterData = z.output<typeof schema>;

export const sample: ReplyLetterInput = {
  recipient: { name: 'Liis Mägi-Särg', personalCode: '48811300423', address: 'Kase tn 3\n44307 Rakvere' },
  theirDate: '2026-11-09',
  theirNumber: '',
  title: 'Vastus pöördumisele toitjakaotuspensioni kohta',
  salutation: 'Lugupeetud proua Mägi-Särg',
  body:
    'Täname Teid 9. novembril saadetud kirja eest, milles küsite, kas Teie tütrel on õigus toitjakaotuspensionile pärast 18-aastaseks saamist.\n\n' +
    'Toitjakaotuspensionile on õigus ka 18–24-aastasel lapsel, kes õpib põhikoolis, gümnaasiumis, kutseõppeasutuses või kõrgkoolis täiskoormusega. Pensioni maksmise jätkamiseks esitage palun õppeasutuse tõend õppimise kohta hiljemalt kuu jooksul pärast õppeaasta algust.\n\n' +
    'Tõendi saate esitada e-posti teel, posti teel või mis tahes klienditeeninduses. Kui tõend on esitatud, jätkame pensioni maksmist ilma vaheajata.',
  signer: { name: 'Mari Tamm', title: 'klienditeeninduse spetsialist', email: 'mari.tamm@sotsiaalkindlustusamet.ee', phone: '612 1360' },
  restriction: { basis: 'AvTS § 35 lg 1 p 12', validUntil: '2101-11-20' },
};
