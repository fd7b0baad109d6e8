import { describe, expect, it } from 'vitest';
import { readFormWithFiles } from './form-with-files';

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
