// A local SMTP server that accepts every message and keeps it: the demo's mail catcher
// (`npm run demo` points the portal at it), and the receiving end of the e2e and
// integration tests. Never a relay: it delivers nothing onwards.
import fs from 'node:fs';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';

export type CaughtMail = {
  /** Envelope recipients (RCPT TO), lower-case. */
  to: string[];
  from: string;
  messageId: string | null;
  subject: string;
  raw: string;
  receivedAt: string;
};

export type SmtpCatcher = {
  port: number;
  messages: CaughtMail[];
  close(): Promise<void>;
};

export type CatcherOptions = {
  port?: number;
  host?: string;
  /** Also write each message as <n>.eml with a .json summary beside it. */
  dir?: string;
  /** Called with each message before it is accepted; a rejected promise makes the server answer 451. */
  beforeAccept?: (mail: CaughtMail) => Promise<void> | void;
  onMessage?: (mail: CaughtMail) => void;
};

// RFC 2047 encoded words (=?UTF-8?B?…?= and =?UTF-8?Q?…?=), as nodemailer writes them.
function decodeWords(value: string): string {
  return value.replace(/\?=\s+=\?/g, '?==?').replace(/=\?([^?]+)\?([bBqQ])\?([^?]*)\?=/g, (_all, _charset: string, enc: string, text: string) =>
    enc.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(
          text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
          'latin1',
        ).toString('utf8'),
  );
}

/**
 * The text/plain part of a message as the reader sees it (quoted-printable or base64 decoded),
 * or null when it has none: enough MIME for what nodemailer writes, not a general parser.
 */
export function plainTextOf(raw: string): string | null {
  const parts = raw.split(/\r?\n--[^\r\n]+\r?\n/);
  const part = parts.find((p) => /^content-type:\s*text\/plain/im.test(p.split(/\r?\n\r?\n/, 1)[0]!));
  if (!part) return null;
  const split = part.search(/\r?\n\r?\n/);
  const head = part.slice(0, split);
  const body = part
    .slice(split)
    .replace(/^\r?\n\r?\n/, '')
    .split(/\r?\n--/)[0]!;
  const encoding = /^content-transfer-encoding:\s*(\S+)/im.exec(head)?.[1]?.toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8').replace(/\r\n/g, '\n');
  }
  return body.replace(/\r\n/g, '\n');
}

export function headerOf(raw: string, name: string): string | null {
  const head = raw.split(/\r?\n\r?\n/, 1)[0]!.replace(/\r?\n[ \t]+/g, ' ');
  const line = head.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line ? decodeWords(line.slice(name.length + 1).trim()) : null;
}

export async function startSmtpCatcher(options: CatcherOptions = {}): Promise<SmtpCatcher> {
  const messages: CaughtMail[] = [];
  if (options.dir) fs.mkdirSync(options.dir, { recursive: true });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    // Idle pooled connections from the portal must not keep a closing catcher open.
    closeTimeout: 500,
    size: 30 * 1024 * 1024,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const mail: CaughtMail = {
          to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          messageId: headerOf(raw, 'Message-ID'),
          subject: headerOf(raw, 'Subject') ?? '',
          raw,
          receivedAt: new Date().toISOString(),
        };
        Promise.resolve(options.beforeAccept?.(mail)).then(
          () => {
            messages.push(mail);
            if (options.dir) {
              const base = path.join(options.dir, `${Date.now()}-${messages.length}`);
              // Write then rename: a reader polling the folder never sees half a file.
              fs.writeFileSync(`${base}.eml.tmp`, raw);
              fs.renameSync(`${base}.eml.tmp`, `${base}.eml`);
              fs.writeFileSync(`${base}.json.tmp`, JSON.stringify({ ...mail, raw: undefined }));
              fs.renameSync(`${base}.json.tmp`, `${base}.json`);
            }
            options.onMessage?.(mail);
            callback();
          },
          (error: unknown) => callback(Object.assign(new Error(String((error as Error)?.message ?? 'try later')), { responseCode: 451 })),
        );
      });
    },
  });
  server.on('error', () => {}); // a client that vanishes mid-message is not our failure
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve((server.server.address() as { port: number }).port));
  });
  return {
    port,
    messages,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// `tsx scripts/smtp-catcher.ts [port] [dir]`: run it alone, printing each message's line.
if (import.meta.url === `file://${process.argv[1]}`) {
  const catcher = await startSmtpCatcher({
    port: Number(process.argv[2] ?? 2525),
    dir: process.argv[3],
    onMessage: (m) => console.log(`SMTP ← ${m.to.join(', ')}: ${m.subject}`),
  });
  console.log(`SMTP catcher on 127.0.0.1:${catcher.port}`);
}
