import { createRequire } from 'node:module';
import { describe, expect, it, vi } from 'vitest';
import { actionTestSetup } from '@/test/actions';
import { setupTestDatabase } from '@/test/db';
import { report, tableCounts } from '@/test/incidents';

// An incident report whose attachment's name has a raw `"` in the multipart header (a
// client that does not escape it, as the probe's did): the parser Next runs server actions
// through drops that part, so the action sees the report without its file. It must refuse
// the whole report rather than create the incident without the file.
vi.mock('next/headers', async () => (await import('@/test/actions')).nextHeaders);
vi.mock('next/cache', async () => (await import('@/test/actions')).nextCache);

const { reportIncidentAction } = await import('./actions');

const db = setupTestDatabase();
const d = () => db.handle().db;
const { people, signInAs } = actionTestSetup(d);

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4c40000000049454e44ae426082',
  'hex',
);

type Busboy = (options: { headers: Record<string, string>; defParamCharset: string }) => NodeJS.WritableStream & {
  on(event: 'file', listener: (name: string, stream: NodeJS.ReadableStream, info: { filename: string }) => void): void;
  on(event: 'field', listener: (name: string, value: string) => void): void;
  on(event: 'close', listener: () => void): void;
};
const busboy = createRequire(import.meta.url)('next/dist/compiled/busboy') as Busboy;

/** Parses a raw multipart body with the parser (and settings) Next uses for server actions. */
function parseAsNextDoes(body: Buffer, boundary: string): Promise<FormData> {
  return new Promise((resolve) => {
    const form = new FormData();
    const parser = busboy({ headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, defParamCharset: 'utf8' });
    parser.on('field', (name, value) => form.append(name, value));
    parser.on('file', (name, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => form.append(name, new File([Buffer.concat(chunks)], info.filename)));
    });
    parser.on('close', () => resolve(form));
    parser.end(body);
  });
}

function rawBody(boundary: string, fileName: string, withCount: boolean): Buffer {
  const part = (headers: string, value: Buffer | string) =>
    Buffer.concat([Buffer.from(`--${boundary}\r\n${headers}\r\n\r\n`), Buffer.from(value), Buffer.from('\r\n')]);
  return Buffer.concat([
    part('Content-Disposition: form-data; name="data"', JSON.stringify(report({ description: 'Lugeja ei tööta, foto lisatud.' }))),
    ...(withCount ? [part('Content-Disposition: form-data; name="fileCount"', '1')] : []),
    part(`Content-Disposition: form-data; name="files"; filename="${fileName}"\r\nContent-Type: image/png`, PNG),
    Buffer.from(`--${boundary}--\r\n`),
  ]);
}

describe('an incident report whose file name the multipart parser cannot read', () => {
  it('is refused whole: no incident, no attachment, a message on the files field', async () => {
    await signInAs(people.mari);
    const form = await parseAsNextDoes(rawBody('b0und4ry', 'lugeja"foto.png', true), 'b0und4ry');
    expect(form.getAll('files')).toHaveLength(0); // the parser dropped the part
    const before = await tableCounts(d());
    const result = await reportIncidentAction(form);
    expect(result).toMatchObject({ ok: false, fieldErrors: { files: 'errors.filesIncomplete' } });
    expect(await tableCounts(d())).toEqual(before);
  });

  it('is refused too when the client did not say how many files it sent', async () => {
    await signInAs(people.mari);
    const form = await parseAsNextDoes(rawBody('b0und4ry', 'lugeja.png', false), 'b0und4ry');
    const before = await tableCounts(d());
    expect(await reportIncidentAction(form)).toMatchObject({ ok: false, fieldErrors: { files: 'errors.filesIncomplete' } });
    expect(await tableCounts(d())).toEqual(before);
  });

  it('with a name the parser reads, the incident is created with its file', async () => {
    await signInAs(people.mari);
    const form = await parseAsNextDoes(rawBody('b0und4ry', 'lugeja foto.png', true), 'b0und4ry');
    const before = await tableCounts(d());
    const result = await reportIncidentAction(form);
    expect(result).toMatchObject({ ok: true });
    const after = await tableCounts(d());
    expect([after.incidents - before.incidents, after.attachments - before.attachments]).toEqual([1, 1]);
  });
});
