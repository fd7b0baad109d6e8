import { describe, expect, it } from 'vitest';
import { contentDisposition, downloadResponse } from './download';

describe('contentDisposition', () => {
  it('keeps Estonian letters in filename* and gives old clients an ASCII stand-in', () => {
    expect(contentDisposition('Õiendi ärakiri šõüž.pdf')).toBe(
      `attachment; filename="_iendi _rakiri ____.pdf"; filename*=UTF-8''%C3%95iendi%20%C3%A4rakiri%20%C5%A1%C3%B5%C3%BC%C5%BE.pdf`,
    );
  });

  it('never lets a quote or a backslash end the quoted name', () => {
    const header = contentDisposition('a "b" c\\d.csv');
    expect(header).toBe(`attachment; filename="a _b_ c_d.csv"; filename*=UTF-8''a%20%22b%22%20c%5Cd.csv`);
  });

  it('never lets a CR/LF in a stored name split the header', () => {
    const header = contentDisposition('x.pdf\r\nSet-Cookie: a=b');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header).toBe(`attachment; filename="x.pdf__Set-Cookie: a=b"; filename*=UTF-8''x.pdf__Set-Cookie%3A%20a%3Db`);
  });

  it("encodes what RFC 5987 does not allow unencoded (' ( ) *)", () => {
    expect(contentDisposition("O'Connor (1)*.pdf")).toContain(`filename*=UTF-8''O%27Connor%20%281%29%2A.pdf`);
  });

  it('inline on request, and a name even for an empty one', () => {
    expect(contentDisposition('näidis.pdf', 'inline')).toMatch(/^inline; filename="n_idis.pdf"; /);
    expect(contentDisposition('  ')).toBe(`attachment; filename="fail"; filename*=UTF-8''fail`);
  });
});

describe('downloadResponse', () => {
  it('answers with the file, never cached or sniffed', async () => {
    const response = downloadResponse({ fileName: 'register.csv', contentType: 'text/csv; charset=utf-8', body: 'ä;b\n' });
    expect(Object.fromEntries(response.headers)).toEqual({
      'content-type': 'text/csv; charset=utf-8',
      'content-length': '5',
      'content-disposition': `attachment; filename="register.csv"; filename*=UTF-8''register.csv`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
    });
    expect(await response.text()).toBe('ä;b\n');
  });

  it('sends bytes as they are, inline when asked', async () => {
    const response = downloadResponse({ fileName: 'a.pdf', contentType: 'application/pdf', body: new Uint8Array([37, 80, 68, 70]) }, { inline: true });
    expect(response.headers.get('content-disposition')).toMatch(/^inline; /);
    expect(response.headers.get('content-length')).toBe('4');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(new Uint8Array([37, 80, 68, 70]));
  });
});
