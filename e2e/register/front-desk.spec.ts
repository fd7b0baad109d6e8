import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { makePersonalCode } from '../../lib/personal-code';
import { db } from '../support/db';
import { expectAccessible, as } from '../support/fixtures';

// The register across departments: the front desk registers into another department and
// hands the client a confirmation of receipt; the department asks for what is missing with its
// letter in one step; the front desk registers what the client brings into that matter.

const mari = '47805122004'; // customer service, Tallinn (the front desk)
const andres = '38207302355'; // customer service, Tartu
const eha = '48710242983'; // pensions

const newClientCode = () =>
  makePersonalCode(`1952-0${1 + Math.floor(Math.random() * 9)}-1${Math.floor(Math.random() * 9)}`, 'male', Math.floor(Math.random() * 1000));
const scan = { name: 'taotlus.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n') };

async function registerPensionApplication(page: Page, clientCode: string, assignee: string, channel: 'Kohapeal' | 'Post') {
  await page.goto('/dokumendid/uus');
  await page.getByLabel('Liik').selectOption({ label: 'Pensionitaotlus' });
  await page.getByLabel('Edastamise viis').selectOption({ label: channel });
  await page.getByLabel('Kliendi isikukood').fill(clientCode);
  await page.getByLabel('Eesnimi').fill('Kalju');
  await page.getByLabel('Perekonnanimi').fill('Õispuu');
  await page.getByLabel('Pealkiri / sisu').fill('Vanaduspensioni taotlus');
  if (channel === 'Kohapeal') {
    await page.getByLabel('Klient tuvastati isikut tõendava dokumendi alusel').check();
    await page.getByLabel('Dokumendi number').fill('AB0054321');
    await page.getByLabel('Kehtiv kuni').fill('2031-05-31');
  }
  await page.getByLabel('Osakond').selectOption({ label: 'Pensionide osakond' });
  await page.getByLabel('Vastutav täitja').selectOption({ label: assignee });
  await page.getByLabel(/Skaneeringud/).setInputFiles(scan);
  await page.getByRole('button', { name: 'Registreeri', exact: true }).click();
  const registered = page.getByText(/Dokument on registreeritud numbriga 2-1\/\d+\./);
  await expect(registered).toBeVisible();
  return (await registered.textContent())!.match(/2-1\/\d+/)![0];
}

test('the front desk registers a pension application into pensions, prints the receipt and keeps the entry', async ({ browser }, testInfo) => {
  const clientCode = newClientCode();
  const page = await as(browser, mari);
  const number = await registerPensionApplication(page, clientCode, 'Eha Jõgi', 'Kohapeal');

  // She lands on the document, not on "Lehte ei leitud": the number, the deadline, the receipt.
  const receipt = page.getByRole('region', { name: 'Dokument on registreeritud' });
  await expect(receipt).toBeVisible();
  await expect(receipt.getByText(/Vastamise tähtaeg: \d\d\.\d\d\.\d{4}\./)).toBeVisible();
  await expect(receipt.getByText('Menetleb: Pensionide osakond.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Vanaduspensioni taotlus' })).toBeVisible();
  await expect(page.getByRole('note').getByText('ASUTUSESISESEKS KASUTAMISEKS')).toBeVisible();
  // The scan is the department's: she sees that there is one, not the file.
  await expect(page.getByText('1 faili (näevad osakond ja vastutav täitja)')).toBeVisible();
  await expect(page.getByRole('link', { name: 'taotlus.pdf' })).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('registered-receipt.png'), fullPage: true });
  await expectAccessible(page);

  for (const [link, words] of [
    ['Prindi (eesti keeles)', 'Dokumendi vastuvõtmise kinnitus'],
    ['Prindi (inglise keeles)', 'Confirmation of receipt'],
  ] as const) {
    const href = await receipt.getByRole('link', { name: link }).getAttribute('href');
    const response = await page.request.get(href!);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    const file = testInfo.outputPath(`receipt-${words.length}.pdf`);
    fs.writeFileSync(file, await response.body());
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain(words);
    expect(text).toContain(number);
    expect(text).toContain('Kalju Õispuu');
    expect(text).toContain('Mari Tamm');
  }

  // A colleague of another office finds the entry, without its title or the client's name.
  const other = await as(browser, andres);
  await other.goto(`/dokumendid?viit=${encodeURIComponent(number)}`);
  const row = other.getByRole('row', { name: new RegExp(number) });
  await expect(row.getByText('Sisu on juurdepääsupiiranguga')).toBeVisible();
  await expect(row.getByText('Pensionide osakond')).toBeVisible();
  await expect(row.getByText('Kalju Õispuu')).toHaveCount(0);
  await row.getByRole('link', { name: number, exact: true }).click();
  await expect(other.getByRole('heading', { name: 'Pensionitaotlus · Sisu on juurdepääsupiiranguga' })).toBeVisible();
  await expect(other.getByText('Näed dokumendi registrikannet.')).toBeVisible();
  await expect(other.getByText('Kalju Õispuu')).toHaveCount(0);
  await other.screenshot({ path: testInfo.outputPath('entry-only.png'), fullPage: true });
  await expectAccessible(other);
  const [file] =
    await db()`select a.id from attachments a join documents d on d.id = a.document_id where d.number = ${number} and d.year = extract(year from now())`;
  expect((await other.request.get(`/failid/${file!.id}`)).status()).toBe(404);
});

test.describe.serial('a pending pension matter', () => {
  const clientCode = newClientCode();
  let number = '';

  test('the specialist asks for the missing documents with the letter in one step', async ({ browser }, testInfo) => {
    const page = await as(browser, eha);
    number = await registerPensionApplication(page, clientCode, 'Eha Jõgi', 'Post');
    await page
      .locator('summary')
      .filter({ hasText: /^Küsi puuduvaid dokumente$/ })
      .click();
    await page.getByLabel('Puuduvad dokumendid (igaüks eraldi real)').fill('Tööraamatu koopia\nSünnitunnistus');
    await page.getByRole('button', { name: 'Koosta teatis' }).click();

    await expect(page.getByRole('heading', { name: 'Puuduvate dokumentide küsimine' })).toBeVisible();
    // The letter is prefilled: the missing items and the application's number are in its fields
    // (values set by the form, so read as the user sees them, not as HTML attributes).
    const values = () => page.locator('input').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    await expect.poll(values).toEqual(expect.arrayContaining(['Tööraamatu koopia', 'Sünnitunnistus', number]));
    await page.getByRole('button', { name: 'Eelvaade' }).click();
    // The letter as the client will read it: the viewer's text layer names the missing items.
    await expect(page.getByRole('button', { name: 'Eelvaade' })).toBeEnabled({ timeout: 90_000 });
    const preview = page.getByRole('region', { name: 'Dokument: Dokumendi eelvaade' }).locator('.textLayer');
    await expect(preview).toContainText('Tööraamatu koopia', { timeout: 30_000 });
    await page.screenshot({ path: testInfo.outputPath('missing-letter.png'), fullPage: true });
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Küsi ja väljasta teatis' }).click();
    await expect(page.getByText(new RegExp(`teatis on väljastatud numbriga ${number.replace('/', '\\/')}-1\\. Taotluse tähtaeg on peatatud`))).toBeVisible();
    const [issued] =
      await db()`select count(*)::int as n from issued_documents i join documents d on d.id = i.document_id where d.number = ${`${number}-1`} and d.year = extract(year from now())`;
    expect(issued!.n).toBe(1);

    await page.getByRole('link', { name: 'Tagasi taotluse juurde' }).click();
    await expect(page.getByText(/Ootab kliendilt dokumente kuni \d\d\.\d\d\.\d{4}: Tööraamatu koopia, Sünnitunnistus/)).toBeVisible();
    await expect(page.getByText('ootab klienti').first()).toBeVisible();
  });

  test('the front desk registers what the client brought into the pensions matter, and the assignee is told', async ({ browser }, testInfo) => {
    const page = await as(browser, andres);
    const [client] = await db()`select id from clients where personal_code = ${clientCode}`;
    await page.goto(`/kliendid/${client!.id}`);
    const matter = page.getByRole('listitem', { name: number });
    await expect(matter.getByText('Pensionide osakond · Eha Jõgi')).toBeVisible();
    await expect(matter.getByText('ootab klienti')).toBeVisible();
    await expect(matter.getByText(/Puudu: Tööraamatu koopia, Sünnitunnistus \(kliendi tähtaeg \d\d\.\d\d\.\d{4}\)/)).toBeVisible();
    await expect(matter.getByText('Sisu on juurdepääsupiiranguga')).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('client-card-pending.png'), fullPage: true });
    await expectAccessible(page);

    await expect(matter.getByLabel('Mida klient tõi')).toHaveValue('Tööraamatu koopia, Sünnitunnistus');
    await matter.getByLabel('Skaneeringud (PDF, JPG, PNG)').setInputFiles(scan);
    await matter.getByRole('button', { name: 'Registreeri menetlusse' }).click();
    await expect(
      page.getByText(new RegExp(`Registreeritud numbriga ${number.replace('/', '\\/')}-2\\. Tähtaeg jätkub: \\d\\d\\.\\d\\d\\.\\d{4}\\.`)),
    ).toBeVisible();
    // The matter is no longer waiting; its deadline runs again.
    await expect(page.getByRole('listitem', { name: number }).getByText('menetluses')).toBeVisible();

    const [row] = await db()`select status, due_date from documents where number = ${number} and year = extract(year from now())`;
    expect(row!.status).toBe('in_progress');
    expect(row!.due_date).not.toBeNull();

    const assignee = await as(browser, eha);
    await assignee.goto('/teavitused');
    await expect(assignee.getByText(`Klient tõi dokumendid menetlusse ${number}`).first()).toBeVisible();
  });
});
