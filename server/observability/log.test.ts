import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { withRequestContext } from './context';
import { createLogger } from './log';
import { scrubString } from './scrub';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { logger: createLogger(stream), lines };
}

describe('application log lines', () => {
  it('carry no personal codes, tokens or e-mail addresses, wherever they hide', () => {
    const { logger, lines } = capture();
    logger.error(
      {
        personalCode: '47805122004',
        details: { note: 'isik 38001085718 ja EE47805122004' },
        url: 'https://x.ee/cb?code=abc123&state=zz',
        authorization: 'Bearer abc.def',
      },
      'sent to mari.tamm@sotsiaalkindlustusamet.ee for 60001019906',
    );
    logger.warn({ err: new Error('smtp://user:hunter2@mail.example.ee refused eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJFRTEifQ.sig') });
    const text = lines.join('\n');
    for (const secret of ['47805122004', '38001085718', '60001019906', 'abc123', 'hunter2', 'mari.tamm@', 'eyJhbGci', 'abc.def'])
      expect(text).not.toContain(secret);
    expect(text).toContain('[isikukood]');
    expect(text).toContain('m…@sotsiaalkindlustusamet.ee');
  });

  it('cannot be split or forged with CR/LF in input: one JSON object per line', () => {
    const { logger, lines } = capture();
    const forged = 'tere\r\n{"level":"info","msg":"admin signed in"}\nend';
    logger.info({ title: forged }, forged);
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]!) as { title: string; msg: string };
    expect(entry.title).toBe(forged);
    expect(entry.msg).toBe(forged);
  });

  it('carry the request id of the work they belong to', () => {
    const { logger, lines } = capture();
    withRequestContext({ requestId: 'req-12345678' }, () => logger.info({ event: 'inside' }));
    logger.info({ event: 'outside' });
    const [inside, outside] = lines.map((l) => JSON.parse(l) as { requestId?: string });
    expect(inside!.requestId).toBe('req-12345678');
    expect(outside!.requestId).toBeUndefined();
  });

  it('leaves ordinary numbers alone (a document number, a 12-digit amount)', () => {
    expect(scrubString('2-1/1534 and 123456789012 and 2026')).toBe('2-1/1534 and 123456789012 and 2026');
  });
});

describe('scrubbing what others print', () => {
  it('drops the parameters of a failed query and session-token hashes', () => {
    const message = 'Failed query: select * from sessions where token_hash = $1\nparams: d129e0b7772d7a65c80e46fb4de1c10c5a6723c5ec75375334aeae97ca8a79b5,1';
    const scrubbed = scrubString(message);
    expect(scrubbed).toContain('params: [redacted]');
    expect(scrubbed).not.toContain('d129e0b7');
    expect(scrubString('token d129e0b7772d7a65c80e46fb4de1c10c5a6723c5ec75375334aeae97ca8a79b5')).toBe('token [hash]');
  });
});

describe('scrubbing an inspected error', () => {
  it('drops a multi-line parameter list', () => {
    const printed = "Error: Failed query: select 1\n  params: [\n    'Koormus77',\n    '%Šults%',\n    1\n  ],\n  digest: '1'";
    const scrubbed = scrubString(printed);
    expect(scrubbed).not.toContain('Koormus77');
    expect(scrubbed).toContain("digest: '1'");
  });
});
