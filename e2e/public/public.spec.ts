import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { issueCertificate } from '../edge/flows';
import { createStaffMember, db } from '../support/db';
import { portalUrl } from '../support/env';
import { expectAccessible, signIn } from '../support/fixtures';

// The public face, as anyone on the internet meets it: no sign-in, a phone-sized screen.
test.use({ viewport: { width: 390, height: 844 } });

/** A word of letters only, new for each run (digits would look like a personal code to the search). */
const freshWord = (prefix: string) =>
  `${prefix}${Date.now()
    .toString(36)
    .replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!)}`;

/** Registers a letter from an institution through the staff form; returns its number. */
async function registerLetter(page: Page, title: string, restricted: boolean): Promise<string> {
  await page.goto('/dokumendid/uus');
  await page.getByLabel('Liik').selectOption({ label: 'Kiri' });
  await page.getByLabel('Edastamise viis').selectOption({ label: 'Post' });
  await page.getByRole('radio', { name: 'Asutus' }).check();
  await page.getByLabel('Asutuse nimi').fill('Tartu Linnavalitsus');
  await page.getByLabel('Pealkiri / sisu').fill(title);
  await page.getByLabel('Asutusesiseseks kasutamiseks (juurdepääsupiirang)').setChecked(restricted);
  if (restricted) await page.getByLabel('Piirangu alus').selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Registreeri', exact: true }).click();
  const done = page.getByText(/Dokument on registreeritud numbriga 1-1\/\d+\./);
  await expect(done).toBeVisible();
  return /1-1\/\d+/.exec((await done.textContent())!)![0];
}

test('a certificate’s QR link, a genuine and a changed PDF are checked without signing in, with no personal data', async ({ browser }, testInfo) => {
  const staff = await createStaffMember(['specialist']);
  const staffContext = await browser.newContext({ baseURL: portalUrl });
  const staffPage = await staffContext.newPage();
  await signIn(staffPage, staff.personalCode);
  const pdfPath = testInfo.outputPath('certificate.pdf');
  const certificate = await issueCertificate({ page: staffPage, base: portalUrl }, pdfPath);
  await staffContext.close();
  const [issued] = await db()`
    select i.verification_code, c.personal_code from issued_documents i join documents d on d.id = i.document_id
      join clients c on c.id = i.client_id where d.number = ${certificate.number} and d.year = extract(year from now())`;
  const code = issued!.verification_code as string;
  const holder = issued!.personal_code as string;

  const visitor = await browser.newContext({ baseURL: portalUrl, locale: 'et-EE' });
  const page = await visitor.newPage();
  // The QR code's link, as printed: …/kontrolli?kood=XXXX-XXXX-XXX
  await page.goto(`/kontrolli?kood=${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`);
  await expect(page).toHaveURL(/\/kontrolli\?kood=/);
  const result = page.getByTestId('public-verification').first();
  await expect(result).toContainText('Ehtne');
  await expect(result).toContainText(certificate.number);
  await expect(result).toContainText('Sotsiaalkindlustusamet');
  const body = await page.locator('body').innerText();
  expect(body).not.toContain(holder);
  expect(body).not.toContain('Malle');
  expect(body).not.toContain('Kõrvits');
  await expectAccessible(page);

  // The holder's personal code, typed by the visitor: "matches", never shown back.
  await page.getByRole('region', { name: 'Kontrollkood' }).getByRole('textbox', { name: 'Dokumendi omaniku isikukood (soovi korral)' }).fill(holder);
  await page.getByRole('button', { name: 'Kontrolli', exact: true }).click();
  await expect(page.getByTestId('holder-match')).toHaveText('klapib');

  // The genuine PDF, then the same file changed after issuing.
  const fileForm = page.getByRole('region', { name: 'PDF-fail' });
  await fileForm.getByLabel('PDF-fail').setInputFiles(pdfPath);
  await fileForm.getByRole('button', { name: 'Kontrolli faili' }).click();
  await expect(fileForm.getByTestId('public-verification')).toHaveAttribute('data-status', 'valid');
  await expect(fileForm.getByTestId('public-verification')).toContainText('Ehtne');
  const changed = testInfo.outputPath('changed.pdf');
  fs.writeFileSync(changed, Buffer.concat([fs.readFileSync(pdfPath), Buffer.from('\n% muudetud\n%%EOF\n')]));
  await fileForm.getByLabel('PDF-fail').setInputFiles(changed);
  await fileForm.getByRole('button', { name: 'Kontrolli faili' }).click();
  await expect(fileForm.getByTestId('public-verification')).toHaveAttribute('data-status', 'changed');
  await expect(fileForm.getByTestId('public-verification')).toContainText('Muudetud');
  await page.screenshot({ path: testInfo.outputPath('kontrolli-phone.png'), fullPage: true });

  // Each check was audited with the code, the result and the address, and nothing of the visitor.
  const audits = await db()`select actor_code, subject_code, details from audit_log
    where action = 'document.verify_public' and details->>'code' = ${code}`;
  expect(audits.length).toBeGreaterThanOrEqual(4);
  for (const a of audits) {
    expect(a.actor_code).toBeNull();
    expect(JSON.stringify(a.details)).not.toContain(holder);
    expect(a.details).toHaveProperty('ip');
  }
  await visitor.close();
});

test('the public register finds a public document by its title, keeps a restricted one’s title and party, and speaks English', async ({
  browser,
}, testInfo) => {
  const staff = await createStaffMember(['specialist']);
  const staffContext = await browser.newContext({ baseURL: portalUrl });
  const staffPage = await staffContext.newPage();
  await signIn(staffPage, staff.personalCode);
  const word = freshWord('Kuukiir');
  const publicNumber = await registerLetter(staffPage, `Teabenõue ${word} kohta`, false);
  const secret = freshWord('Varjatud');
  const restrictedNumber = await registerLetter(staffPage, `Kaebus ${secret} kohta`, true);
  await staffContext.close();

  const visitor = await browser.newContext({ baseURL: portalUrl, locale: 'et-EE' });
  const page = await visitor.newPage();
  await page.goto('/avalik');
  await expect(page.getByRole('heading', { name: 'Avalik dokumendiregister' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Sõnad pealkirjas').fill(word);
  await page.getByRole('button', { name: 'Otsi' }).click();
  await expect(page.getByTestId('public-entry')).toHaveCount(1);
  await page.getByRole('link', { name: publicNumber }).click();
  await expect(page).toHaveURL(new RegExp(`/avalik/${publicNumber.replace('/', '/')}\\?aasta=\\d{4}$`));
  await expect(page.getByRole('heading', { name: `Teabenõue ${word} kohta` })).toBeVisible();
  await expect(page.getByTestId('public-entry-page')).toContainText('Tartu Linnavalitsus');
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath('avalik-entry-phone.png'), fullPage: true });

  // A restricted document: found by its number, never by its title's words.
  await page.goto(`/avalik?tekst=${secret}`);
  await expect(page.getByText('Dokumente ei leitud.')).toBeVisible();
  await page.goto(`/avalik?nr=${encodeURIComponent(restrictedNumber)}`);
  await page.getByRole('link', { name: restrictedNumber }).click();
  const entry = page.getByTestId('public-entry-page');
  await expect(page.getByRole('heading', { name: 'Juurdepääsupiiranguga dokument' })).toBeVisible();
  await expect(entry).toContainText('AK (asutusesiseseks kasutamiseks)');
  await expect(entry).toContainText('AvTS');
  await expect(entry).not.toContainText(secret);
  await expect(entry).not.toContainText('Tartu Linnavalitsus');
  await page.screenshot({ path: testInfo.outputPath('avalik-restricted-phone.png'), fullPage: true });

  // The open data says the same.
  const json = await (await page.request.get(`/avalik/andmed.json?nr=${encodeURIComponent(restrictedNumber)}`)).json();
  expect(json.entries[0]).toMatchObject({ number: restrictedNumber, restricted: true, title: null, party: null });

  // The English switch, remembered.
  await page.getByTestId('language-switch').click();
  await expect(page.getByRole('heading', { name: 'Document with restricted access' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('link', { name: 'Document register' }).click();
  await expect(page.getByRole('heading', { name: 'Public document register' })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath('avalik-en-phone.png'), fullPage: true });
  await visitor.close();
});

test('a visitor whose browser asks for English gets the public pages in English', async ({ browser }) => {
  const visitor = await browser.newContext({ baseURL: portalUrl, locale: 'en-GB' });
  const page = await visitor.newPage();
  await page.goto('/kontrolli');
  await expect(page.getByRole('heading', { name: 'Verify a document' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Verification code' }).fill('K7QF-3M9X-TRF');
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(page.getByTestId('public-verification')).toContainText('Unknown');
  await expectAccessible(page);
  await visitor.close();
});
