import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { makePersonalCode } from '../../lib/personal-code';
import { db } from '../support/db';
import { signIn } from '../support/fixtures';

const mari = '47805122004'; // customer service specialist

// Words and forms the Estonian certificate prints; none may appear on the English one. The
// legal ground of the restriction is cited as Estonian law writes it (`AvTS § 35 lg 1 p 12`),
// and names (the client's, the street, the Board's own in its letterhead) stay as they are.
const ESTONIAN = [
  'TÕEND',
  'Tõend',
  'tõendab',
  'isikukood',
  'vanaduspension',
  'Määratud',
  'alates',
  'tähtajatult',
  'Summa kuus',
  'seisuga',
  'tulumaksu',
  'esitamiseks',
  'ASUTUSESISESEKS',
  'Märge tehtud',
  'Juurdepääsupiirang',
  'kehtib',
  'Alus:',
  'Klienditeeninduse',
  'spetsialist',
  'kinnitatud',
  'Kontrollkood',
  'Registrikood',
  'Eesti',
  ',56',
];

test('an English certificate is English throughout: title, signer, restriction box and amount', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const personalCode = makePersonalCode(
    `1953-0${1 + Math.floor(Math.random() * 9)}-1${Math.floor(Math.random() * 9)}`,
    'female',
    Math.floor(Math.random() * 1000),
  );
  const [client] = await db()`
    insert into clients (personal_code, given_name, family_name, address)
    values (${personalCode}, 'Linda', 'Kask', 'Pärnu mnt 15-7, 10141 Tallinn') returning id`;

  await signIn(page, mari);
  await page.goto(`/valjasta?klient=${client!.id}`);
  await expect(page.getByLabel('Mall')).toHaveValue('benefit-certificate');
  await expect(page.getByLabel('Ametinimetus')).toHaveValue('Klienditeeninduse spetsialist');
  await page.getByLabel('Dokumendi keel').selectOption({ label: 'inglise' });
  // The signer's title follows the document's language.
  await expect(page.getByLabel('Ametinimetus')).toHaveValue('Customer Service Specialist');
  await page.getByLabel('Pension või toetus').selectOption('old-age-pension');
  await page.getByLabel('Periood alates').fill('2021-03-01');
  await page.getByLabel('Summa kuus (€)').fill('1234,56');
  await page.getByLabel('Esitamiseks (kellele)').fill('Deutsche Rentenversicherung Bund');

  await page.getByRole('button', { name: 'Eelvaade' }).click();
  // The server renders the preview (slow on a loaded machine: the render pool starts cold).
  await expect(page.getByRole('button', { name: 'Eelvaade' })).toBeEnabled({ timeout: 90_000 });
  const preview = page.getByRole('region', { name: 'Dokument: Dokumendi eelvaade' }).locator('.textLayer');
  await expect(preview).toContainText('Certificate of receiving a pension');
  await expect(preview).toContainText('€1,234.56');

  await page.getByRole('button', { name: 'Väljasta', exact: true }).click();
  await expect(page.getByText(/Dokument on väljastatud ja registreeritud numbriga/)).toBeVisible({ timeout: 90_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Laadi alla PDF' }).click()]);
  const file = testInfo.outputPath('english-certificate.pdf');
  await download.saveAs(file);
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/[ \t]*\n[ \t]*/g, '\n');
  const flat = text.replace(/\s+/g, ' ');

  expect(text).toContain('CERTIFICATE');
  expect(text).toContain('Certificate of receiving a pension');
  expect(text).toContain('old-age pension');
  expect(text).toContain('€1,234.56');
  expect(text).toContain('Customer Service Specialist');
  expect(text).toContain('FOR INTERNAL USE ONLY');
  expect(flat).toContain('Legal basis: AvTS § 35 lg 1 p 12 (Public Information Act)');
  // Take out the legal citation and the names; what is left has no Estonian.
  const rest = text
    .replace(/AvTS § 35 lg 1 p 12/g, '')
    .replace(/\(Sotsiaalkindlustusamet\)/g, '')
    .replace(/^Sotsiaalkindlustusamet$/m, '');
  for (const word of ESTONIAN) expect(rest, `"${word}" on the English certificate`).not.toContain(word);
});
