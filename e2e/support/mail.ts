import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from '@playwright/test';
import { plainTextOf } from '../../scripts/smtp-catcher';

// The e2e mail catcher (started by servers.ts): the portals' outbox worker sends to it,
// and it keeps each message as <n>.json (envelope, subject, Message-ID) in this folder.
export const e2eMail = {
  port: Number(process.env.E2E_SMTP_PORT ?? 3914),
  get dir() {
    return path.join(os.tmpdir(), `toolaud-e2e-mail-${this.port}`);
  },
};

export type ReceivedMail = { to: string[]; subject: string; messageId: string | null };

export function receivedMail(): ReceivedMail[] {
  if (!fs.existsSync(e2eMail.dir)) return [];
  return fs
    .readdirSync(e2eMail.dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(fs.readFileSync(path.join(e2eMail.dir, f), 'utf8')) as ReceivedMail);
}

/** Waits until mail matching `subjectPart` has reached every address in `to`. */
export async function expectMailTo(to: string[], subjectPart: string) {
  await expect
    .poll(
      () => {
        const got = receivedMail().filter((m) => m.subject.includes(subjectPart));
        return to.filter((address) => got.some((m) => m.to.includes(address.toLowerCase())));
      },
      { timeout: 30_000 },
    )
    .toEqual(to);
}

/** Waits for mail to `to` whose subject has `subjectPart`, and returns its plain text as the reader sees it. */
export async function mailTextTo(to: string, subjectPart: string): Promise<string> {
  let text: string | null = null;
  await expect
    .poll(
      () => {
        if (!fs.existsSync(e2eMail.dir)) return false;
        const file = fs
          .readdirSync(e2eMail.dir)
          .filter((f) => f.endsWith('.json'))
          .find((f) => {
            const mail = JSON.parse(fs.readFileSync(path.join(e2eMail.dir, f), 'utf8')) as ReceivedMail;
            return mail.subject.includes(subjectPart) && mail.to.includes(to.toLowerCase());
          });
        if (!file) return false;
        text = plainTextOf(fs.readFileSync(path.join(e2eMail.dir, file.replace(/\.json$/, '.eml')), 'utf8'));
        return text !== null;
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  return text!;
}
