import { expect, test } from '@playwright/test';
import { makePersonalCode } from '../../lib/personal-code';
import { MB, UPLOAD_MB } from '../../lib/upload-limits';
import { signIn } from '../support/fixtures';

// Scans as large as the README promises reach the register: a 15 MB scan (over Next's default
// 10 MB body buffer for proxy.ts) is registered, and one over the scan limit is refused with the
// Estonian message, not an error page.

const mari = '47805122004'; // customer service, Tallinn

/** A PDF of the given size: the header the type check reads, then padding. */
const pdf = (name: string, bytes: number) => {
  const head = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n');
  const tail = Buffer.from('\ntrailer <<>>\n%%EOF\n');
  return { name, mimeType: 'application/pdf', buffer: Buffer.concat([head, Buffer.alloc(bytes - head.length - tail.length, 0x20), tail]) };
};

test('a 15 MB scan is registered; a scan over the limit gets the message and nothing is sent', async ({ page }) => {
  test.slow(); // 15 MB through the browser, the portal and the database
  await signIn(page, mari);
  await page.goto('/dokumendid/uus');
  await expect(page.getByRole('heading', { name: 'Dokumendi registreerimine' })).toBeVisible();
  await page.getByLabel('Liik').selectOption({ label: 'Pensionitaotlus' });
  await page.getByLabel('Edastamise viis').selectOption({ label: 'Post' });
  await page
    .getByLabel('Kliendi isikukood')
    .fill(makePersonalCode(`1951-0${1 + Math.floor(Math.random() * 9)}-2${Math.floor(Math.random() * 8)}`, 'male', Math.floor(Math.random() * 1000)));
  await page.getByLabel('Eesnimi').fill('Priit');
  await page.getByLabel('Perekonnanimi').fill('Suur-Skänn');
  await page.getByLabel('Pealkiri / sisu').fill('Taotlus suure skaneeringuga');
  await page.getByLabel('Osakond').selectOption({ label: 'Klienditeeninduse osakond' });

  // Over the limit: told in Estonian before anything is sent.
  const tooLarge = pdf('liiga-suur.pdf', UPLOAD_MB.scanMb * MB + 1);
  await page.getByLabel(/Skaneeringud/).setInputFiles(tooLarge);
  let actions = 0;
  page.on('request', (req) => {
    if (req.method() === 'POST' && req.headers()['next-action']) actions += 1;
  });
  await page.getByRole('button', { name: 'Registreeri', exact: true }).click();
  await expect(page.getByText(`Fail „liiga-suur.pdf“ on suurem kui ${UPLOAD_MB.scanMb} MB.`)).toBeVisible();
  expect(actions).toBe(0);

  // 15 MB: registered, and the scan is on the card.
  await page.getByLabel(/Skaneeringud/).setInputFiles(pdf('suur-skaneering.pdf', 15 * MB));
  await page.getByRole('button', { name: 'Registreeri', exact: true }).click();
  await expect(page.getByText(/Dokument on registreeritud numbriga 2-1\/\d+\./)).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('link', { name: 'suur-skaneering.pdf' })).toBeVisible();
});
