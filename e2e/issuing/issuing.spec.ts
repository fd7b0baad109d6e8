import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { makePersonalCode } from '../../lib/personal-code';
import { db } from '../support/db';
import { expectAccessible, signIn } from '../support/fixtures';

const mari = '47805122004'; // customer service specialist

test('a specialist issues a pension certificate from the client card, downloads it, and the register and the verification page confirm it', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  const personalCode = makePersonalCode(
    `1952-0${1 + Math.floor(Math.random() * 9)}-1${Math.floor(Math.random() * 9)}`,
    'male',
    Math.floor(Math.random() * 1000),
  );
  const [client] = await db()`
    insert into clients (personal_code, given_name, family_name, address)
    values (${personalCode}, 'Jüri', 'Õunapuu-Šmidt', 'Pärnu mnt 15-7, 10141 Tallinn') returning id`;

  await signIn(page, mari);
  await page.goto(`/kliendid/${client!.id}`);
  await expect(page.getByRole('heading', { name: 'Jüri Õunapuu-Šmidt' })).toBeVisible();
  await page.getByRole('link', { name: 'Väljasta tõend/teatis' }).click();
  await expect(page).toHaveURL(/\/valjasta\?klient=/);
  await expect(page.getByRole('heading', { name: 'Dokumendi väljastamine' })).toBeVisible();

  await expect(page.getByLabel('Mall')).toHaveValue('benefit-certificate');
  await expect(page.getByLabel('Isikukood')).toHaveValue(personalCode);
  await page.getByLabel('Pension või toetus').selectOption('old-age-pension');
  await page.getByLabel('Periood alates').fill('2020-04-01');
  await page.getByLabel('Summa kuus (€)').fill('1234,56');
  // Refused with a field-level message, nothing issued.
  await page.getByLabel('Esitamiseks (kellele)').fill('<script>');
  await page.getByRole('button', { name: 'Väljasta', exact: true }).click();
  await expect(page.getByText('Väljal on lubamatuid märke.')).toBeVisible();
  await page.getByLabel('Esitamiseks (kellele)').fill('Tallinna Linnavalitsusele');

  await page.getByRole('button', { name: 'Eelvaade' }).click();
  // The server renders the preview (slow on a loaded machine: the render pool starts cold).
  await expect(page.getByRole('button', { name: 'Eelvaade' })).toBeEnabled({ timeout: 90_000 });
  // The preview is drawn in the page: its text layer carries the document's own words.
  const preview = page.getByRole('region', { name: 'Dokument: Dokumendi eelvaade' }).locator('.textLayer');
  await expect(preview).toContainText('Jüri Õunapuu-Šmidt');
  await expect(preview).toContainText('EELVAADE');
  await page.screenshot({ path: testInfo.outputPath('issuing-form.png'), fullPage: true });
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Väljasta', exact: true }).click();
  const issued = page.getByText(/Dokument on väljastatud ja registreeritud numbriga/);
  await expect(issued).toBeVisible();
  const number = /numbriga (\S+)\.$/.exec((await issued.textContent()) ?? '')![1]!;
  expect(number).toMatch(/^4-1\//);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Laadi alla PDF' }).click()]);
  const file = testInfo.outputPath('issued.pdf');
  await download.saveAs(file);
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  expect(text).toContain(number);
  expect(text).toContain('Jüri Õunapuu-Šmidt');

  // The register shows it as an outgoing document with its number.
  await page.getByRole('link', { name: 'Ava registris' }).click();
  await expect(page).toHaveURL(/\/dokumendid\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name: 'Tõend pensioni või toetuse saamise kohta' })).toBeVisible();
  await expect(page.getByText('Tõend (väljaminev)')).toBeVisible();
  await expect(page.getByText(number, { exact: true }).first()).toBeVisible();

  // The verification page: by the code on the document (as the QR code links it), then by the file.
  const [row] = await db()`select i.verification_code from issued_documents i join documents d on d.id = i.document_id where d.number = ${number}`;
  await page.goto(`/kontrolli?kood=${row!.verification_code}`);
  await expect(page.getByRole('heading', { name: 'Kontrolli dokumenti' })).toBeVisible();
  const result = page.getByTestId('verification-result').first();
  await expect(result.getByText('Portaal on väljastanud selle kontrollkoodiga dokumendi')).toBeVisible();
  await expect(result.getByText(number)).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('PDF-fail').setInputFiles(file);
  await page.getByRole('button', { name: 'Kontrolli faili' }).click();
  await expect(page.getByText('Kehtiv: see on portaali väljastatud dokument ja fail on muutmata.')).toBeVisible();

  const changed = Buffer.from(bytes);
  const at = changed.length >> 1;
  changed[at] = changed[at]! ^ 0x01;
  await page.getByLabel('PDF-fail').setInputFiles({ name: 'muudetud.pdf', mimeType: 'application/pdf', buffer: changed });
  await page.getByRole('button', { name: 'Kontrolli faili' }).click();
  // Changed after issuing: "not valid", never "not issued by the portal".
  await expect(page.getByText(/^Ei kehti/)).toBeVisible();
  await expect(page.getByText('Fail ei ole portaali väljastatud dokument')).toHaveCount(0);
});
