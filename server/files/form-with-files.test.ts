import { describe, expect, it } from 'vitest';
import { assertFilesArrived, readFormWithFiles } from './form-with-files';

describe('a form sent with its files', () => {
  it('reads the values from their field and every chosen file, an empty one included', async () => {
    const form = new FormData();
    form.set('input', JSON.stringify({ title: 'Avaldus' }));
    form.append('files', new File([new Uint8Array([37, 80, 68, 70])], 'avaldus.pdf'));
    form.append('files', new File([], 'tühi.pdf'));
    form.append('files', new File([], '')); // the browser's "no file chosen"
    form.append('files', 'not a file');
    const read = await readFormWithFiles(form, 'input');
    expect(read.input).toEqual({ title: 'Avaldus' });
    expect(read.files.map((f) => [f.name, f.bytes.length])).toEqual([
      ['avaldus.pdf', 4],
      ['tühi.pdf', 0],
    ]);
  });

  it('reads values that are not JSON as null, for the schema to report', async () => {
    const form = new FormData();
    form.set('data', '{not json');
    expect(await readFormWithFiles(form)).toEqual({ input: null, files: [] });
  });
});

describe('files that did not arrive', () => {
  const png = () => new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'scan.png');

  it('are noticed when the form counted more files than arrived, and the checks refuse them', async () => {
    const form = new FormData();
    form.set('data', '{}');
    form.append('files', png());
    form.set('fileCount', '2');
    const read = await readFormWithFiles(form);
    expect(read.files.incomplete).toBe(true);
    expect(() => assertFilesArrived(read.files)).toThrow(expect.objectContaining({ code: 'errors.filesIncomplete', field: 'files' }));
  });

  it('are noticed when files arrive that the form did not count, or the count is not a number', async () => {
    const uncounted = new FormData();
    uncounted.append('files', png());
    expect((await readFormWithFiles(uncounted)).files.incomplete).toBe(true);
    const garbled = new FormData();
    garbled.append('files', png());
    garbled.set('fileCount', 'x');
    expect((await readFormWithFiles(garbled)).files.incomplete).toBe(true);
  });

  it('pass when the count matches, and a form without files needs no count', async () => {
    const form = new FormData();
    form.append('files', png());
    form.set('fileCount', '1');
    const read = await readFormWithFiles(form);
    expect(read.files.incomplete).toBeUndefined();
    expect(() => assertFilesArrived(read.files)).not.toThrow();
    const none = await readFormWithFiles(new FormData());
    expect(() => assertFilesArrived(none.files)).not.toThrow();
  });
});
