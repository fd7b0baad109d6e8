import MailComposer from 'nodemailer/lib/mail-composer';
import { describe, expect, it } from 'vitest';
import { headerOf, plainTextOf } from './smtp-catcher';

// The catcher reads back what nodemailer wrote, as a reader's mail program would show it.
const compose = (text: string) =>
  new Promise<string>((resolve, reject) =>
    new MailComposer({ from: 'a@example.ee', to: 'b@example.ee', subject: 'Uus ülesanne: Õunapuu „Šokk“', text, html: `<p>${text}</p>` })
      .compile()
      .build((error, message) => (error ? reject(error) : resolve(message.toString('utf8')))),
  );

describe('the mail catcher', () => {
  it('decodes the subject and the plain text part, whichever encoding nodemailer chose', async () => {
    for (const text of [
      'Jüri Õunapuu andis sulle ülesande.\nKüsimused: 612 1360.',
      `${'Pikk rida, mis murtakse pehmelt mitmeks reaks, '.repeat(6)}lõpp.`,
      'ÕÄÖÜŠŽ õäöüšž '.repeat(20),
    ]) {
      const raw = await compose(text);
      expect(headerOf(raw, 'Subject')).toBe('Uus ülesanne: Õunapuu „Šokk“');
      expect(plainTextOf(raw)).toBe(text);
    }
  });
});
