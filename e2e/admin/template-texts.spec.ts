import { expect, test, type Page } from '@playwright/test';
import { makePersonalCode } from '../../lib/personal-code';
import { pdfText } from '../../test/pdf';
import { createStaffMember, db } from '../support/db';
import { expectAccessible, people, as } from '../support/fixtures';

// The reply letter's wording changed by the people who own it: one administrator writes the
// new closing with the info line's phone number, a second reviews the difference and publishes
// it, and the next reply a specialist issues carries it; a reply issued before keeps its own.

/** Issues a reply letter to the client from the issuing page; returns its number and its PDF's text. */
async function issueReply(page: Page, clientId: string, title: string): Promise<{ number: string; text: string; href: string }> {
  await page.goto(`/valjasta?klient=${clientId}&mall=reply-letter`);
  await expect(page.getByLabel('Mall')).toHaveValue('reply-letter');
  await page.getByLabel('Pöördumise kuupäev').fill('2026-11-20');
  await page.getByLabel('Pealkiri', { exact: true }).fill(title);
  await page.getByLabel('Tekst', { exact: true }).fill('Täname Teid pöördumise eest. Teie toitjakaotuspensioni maksmine jätkub.');
  await page.getByRole('button', { name: 'Väljasta', exact: true }).click();
  const issued = page.getByText(/Dokument on väljastatud ja registreeritud numbriga/);
  await expect(issued).toBeVisible();
  const number = /numbriga (\S+)\.$/.exec((await issued.textContent()) ?? '')![1]!;
  const href = (await page.getByRole('link', { name: 'Laadi alla PDF' }).getAttribute('href'))!;
  return { number, href, text: await pdfOf(page, href) };
}

async function pdfOf(page: Page, href: string): Promise<string> {
  const response = await page.request.get(href);
  expect(response.status()).toBe(200);
  return pdfText(await response.body());
}

test('an administrator changes the reply letter’s phone line, a second publishes it, and only replies issued after it carry the new number', async ({
  browser,
}, testInfo) => {
  test.slow();
  // A number of this run's own, so the assertions cannot pass on another run's text.
  const phone = `612 ${1000 + Math.floor(Math.random() * 9000)}`;
  const code = makePersonalCode(`1961-0${1 + Math.floor(Math.random() * 9)}-1${Math.floor(Math.random() * 9)}`, 'female', Math.floor(Math.random() * 1000));
  const [client] = await db()`
    insert into clients (personal_code, given_name, family_name, address)
    values (${code}, 'Liis', 'Mägi-Särg', 'Kase tn 3, 44307 Rakvere') returning id`;
  const reviewer = await createStaffMember(['admin']);

  // Before the change: a reply with the wording in force today.
  const specialist = await as(browser, people.specialist.code);
  const before = await issueReply(specialist, client!.id, 'Vastus pöördumisele (enne muudatust)');
  expect(before.text).toContain('Lugupidamisega');
  expect(before.text).not.toContain(phone);

  // The author writes the new closing in both languages and submits it.
  const author = await as(browser, people.admin.code);
  await author.goto('/admin/mallid/reply-letter/tekstid');
  await expect(author.getByRole('heading', { level: 1, name: /Vastuskiri/ })).toBeVisible();
  await author.getByLabel('Lõpuosa (allkirja kohal): Eesti keeles').fill(`Küsimuste korral helistage infotelefonil ${phone}.\n\nLugupidamisega`);
  await author.getByLabel('Lõpuosa (allkirja kohal): Inglise keeles').fill(`If you have any questions, call ${phone}.\n\nYours sincerely`);
  await author.getByRole('button', { name: 'Esita ülevaatamiseks' }).click();
  await expect(author.getByText('Mustand on esitatud ülevaatamiseks. Selle avaldab teine administraator.')).toBeVisible();
  // The author cannot publish their own version.
  await expect(author.getByText('Oma mustandit ei saa ise avaldada: selle avaldab teine administraator.')).toBeVisible();
  await expect(author.getByRole('button', { name: 'Avalda' })).toHaveCount(0);

  // The second administrator reviews the difference and the preview, then publishes.
  const second = await as(browser, reviewer.personalCode);
  await second.goto('/admin/mallid/reply-letter/tekstid');
  await expect(second.getByRole('heading', { name: 'Erinevus kehtivast versioonist' })).toBeVisible();
  await expect(second.locator('ins').filter({ hasText: `Küsimuste korral helistage infotelefonil ${phone}.` })).toBeVisible();
  await expect(second.getByRole('region', { name: 'Eelvaade näidisandmetega: Inglise keeles' })).toContainText(`call ${phone}`);
  await second.screenshot({ path: testInfo.outputPath('texts-review.png'), fullPage: true });
  await expectAccessible(second);
  await second.getByRole('button', { name: 'Avalda' }).click();
  // The review closes; the page says what was done and the history names both people.
  await expect(second.getByRole('button', { name: 'Avalda' })).toHaveCount(0);
  const published = second.getByRole('status').filter({ hasText: /^Versioon \d+ on avaldatud\.$/ });
  await expect(published).toBeVisible();
  const version = Number(/\d+/.exec((await published.textContent()) ?? '')![0]);
  await expect(second.getByText(`Versioon ${version}: kirjutas ${people.admin.name}, avaldas ${reviewer.name}`, { exact: false })).toBeVisible();

  // After: the next reply carries the new number and records the version it was issued with.
  const after = await issueReply(specialist, client!.id, 'Vastus pöördumisele (pärast muudatust)');
  expect(after.text).toContain(`Küsimuste korral helistage infotelefonil ${phone}.`);
  const [row] = await db()`
    select i.template_version from issued_documents i join documents d on d.id = i.document_id
    where d.number = ${after.number} and d.year = extract(year from now())`;
  expect(row!.template_version).toBe(version);
  // The reply issued before is the record it was: still without the new line.
  const again = await pdfOf(specialist, before.href);
  expect(again).toContain('Lugupidamisega');
  expect(again).not.toContain(phone);
});
