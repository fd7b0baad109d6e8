import { expect, test, type Page } from '@playwright/test';
import { makePersonalCode } from '../../lib/personal-code';
import { db } from '../support/db';
import { portalUrl } from '../support/env';
import { expectAccessible, as } from '../support/fixtures';

const mari = '47805122004'; // customer service, Tallinn
const eha = '48710242983'; // pensions

const openPanel = (page: Page, name: string) =>
  page
    .locator('summary')
    .filter({ hasText: new RegExp(`^${name}$`) })
    .click();

const scan = { name: 'pensionitaotlus.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n') };

test('an application handed in at the office travels from registration to reply', async ({ browser }) => {
  const clientCode = makePersonalCode(
    `1950-0${1 + Math.floor(Math.random() * 9)}-1${Math.floor(Math.random() * 9)}`,
    'female',
    Math.floor(Math.random() * 1000),
  );
  const page = await as(browser, mari);
  await page.getByRole('navigation', { name: 'Põhimenüü' }).getByRole('link', { name: 'Dokumendid' }).click();
  await expect(page).toHaveURL(/\/dokumendid$/);
  await page.getByRole('link', { name: 'Registreeri dokument' }).click();
  await expect(page).toHaveURL(/\/dokumendid\/uus$/);
  await expect(page.getByRole('heading', { name: 'Dokumendi registreerimine' })).toBeVisible();

  await page.getByLabel('Liik').selectOption({ label: 'Pensionitaotlus' });
  await expect(page.getByText('Tähtaeg: 15 tööpäeva')).toBeVisible();
  await page.getByLabel('Edastamise viis').selectOption({ label: 'Kohapeal' });
  await page.getByLabel('Kliendi isikukood').fill(clientCode);
  await page.getByLabel('Eesnimi').fill('Õie-Mall');
  await page.getByLabel('Perekonnanimi').fill('Šults');
  await page.getByLabel('Pealkiri / sisu').fill('Vanaduspensioni taotlus');
  // Handed in at the desk: without an identity check the form says so.
  await page.getByRole('button', { name: 'Registreeri', exact: true }).click();
  await expect(page.getByText('tuvasta klient isikut tõendava dokumendi alusel')).toBeVisible();
  await page.getByLabel('Klient tuvastati isikut tõendava dokumendi alusel').check();
  await page.getByLabel('Dokumendi number').fill('AB0012345');
  await page.getByLabel('Kehtiv kuni').fill('2020-01-01');
  await page.getByLabel('Osakond').selectOption({ label: 'Klienditeeninduse osakond' });
  await page.getByLabel('Vastutav täitja').selectOption({ label: 'Mari Tamm' });
  await page.getByLabel(/Skaneeringud/).setInputFiles(scan);
  await expect(page.getByLabel('Asutusesiseseks kasutamiseks (juurdepääsupiirang)')).toBeChecked();
  await expect(page.getByText('isikuandmed, mille avalikustamine kahjustaks')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Registreeri', exact: true }).click();
  // An expired identity document is refused with a clear message.
  await expect(page.getByText('Isikut tõendava dokumendi kehtivus on lõppenud')).toBeVisible();
  await page.getByLabel('Kehtiv kuni').fill('2031-05-31');
  await page.getByRole('button', { name: 'Registreeri', exact: true }).click();

  await expect(page.getByText(/Dokument on registreeritud numbriga 2-1\/\d+\./)).toBeVisible();
  const number = (await page.getByText(/Dokument on registreeritud numbriga/).textContent())!.match(/2-1\/\d+/)![0];
  await expect(page.getByRole('note').getByText('ASUTUSESISESEKS KASUTAMISEKS')).toBeVisible();
  await expect(page.getByRole('link', { name: 'pensionitaotlus.pdf' })).toBeVisible();
  await expectAccessible(page);
  const documentUrl = page.url();

  // Forward to the pensions unit, to Eha Jõgi.
  await openPanel(page, 'Edasta');
  await page.getByLabel('Osakond', { exact: true }).selectOption({ label: 'Pensionide osakond' });
  await page.getByLabel('Vastutav täitja').selectOption({ label: 'Eha Jõgi' });
  await page.getByLabel('Märkus').first().fill('Palun menetleda');
  const [forwardRequest] = await Promise.all([
    page.waitForRequest((req) => req.method() === 'POST' && !!req.headers()['next-action']),
    page.getByRole('button', { name: 'Edasta' }).click(),
  ]);
  await expect(page.getByText(`Dokument ${number} on edastatud.`)).toBeVisible();

  // Restricted and now another unit's: Mari keeps what the front desk needs (the entry, its
  // status and deadline) but not its files, and her forged forward by a direct server-action
  // call changes nothing.
  const entry = await page.goto(documentUrl);
  expect(entry!.status()).toBe(200);
  await expect(page.getByRole('link', { name: 'pensionitaotlus.pdf' })).toHaveCount(0);
  const body = JSON.parse(forwardRequest.postData()!) as [Record<string, unknown>];
  body[0] = { ...body[0], unitCode: 'klienditeenindus', assigneeId: '' };
  const replay = await page.request.post(documentUrl, {
    headers: {
      'next-action': forwardRequest.headers()['next-action']!,
      'content-type': 'text/plain;charset=UTF-8',
      accept: 'text/x-component',
      origin: portalUrl,
    },
    data: JSON.stringify(body),
  });
  expect(await replay.text()).toContain('errors.notFound');
  const [stillThere] = await db()`select unit_code from documents where number = ${number} and year = extract(year from now())`;
  expect(stillThere!.unit_code).toBe('pensionid');

  // Eha finds it in her list.
  const ehaPage = await as(browser, eha);
  await ehaPage.goto('/dokumendid?vaade=minu');
  await expectAccessible(ehaPage);
  await ehaPage.getByRole('link', { name: number, exact: true }).click();
  await expect(ehaPage).toHaveURL(/\/dokumendid\/[0-9a-f-]{36}$/);
  await expect(ehaPage.getByRole('heading', { name: 'Vanaduspensioni taotlus' })).toBeVisible();

  // Missing documents: the document waits for the client and its deadline pauses.
  await openPanel(ehaPage, 'Küsi puuduvaid dokumente');
  await ehaPage.getByLabel('Puuduvad dokumendid (igaüks eraldi real)').fill('Tööraamatu koopia\nSünnitunnistus');
  // The request is its letter: prepared from these, then issued and numbered in one step.
  await ehaPage.getByRole('button', { name: 'Koosta teatis' }).click();
  await ehaPage.getByRole('button', { name: 'Küsi ja väljasta teatis' }).click();
  await expect(ehaPage.getByText(new RegExp(`teatis on väljastatud numbriga ${number.replace('/', '\\/')}-1`))).toBeVisible();
  await ehaPage.getByRole('link', { name: 'Tagasi taotluse juurde' }).click();
  await expect(ehaPage.getByText('ootab klienti').first()).toBeVisible();
  await expect(ehaPage.getByText(/Ootab kliendilt dokumente kuni \d\d\.\d\d\.\d{4}: Tööraamatu koopia, Sünnitunnistus/)).toBeVisible();
  await ehaPage.goto('/dokumendid?vaade=minu');
  await expect(ehaPage.getByRole('row', { name: new RegExp(number) }).getByText('peatatud')).toBeVisible();

  // The documents arrive: the 15 working days start again.
  await ehaPage.getByRole('link', { name: number, exact: true }).click();
  await expect(ehaPage).toHaveURL(/\/dokumendid\/[0-9a-f-]{36}$/);
  await ehaPage.getByRole('button', { name: 'Puuduvad dokumendid saabusid' }).click();
  await expect(ehaPage.getByText(/Menetlus jätkub\. Uus tähtaeg: \d\d\.\d\d\.\d{4}\./)).toBeVisible();

  // A reply closes the matter.
  await openPanel(ehaPage, 'Registreeri vastus');
  await ehaPage.getByLabel('Vastuse pealkiri').fill('Vastus: pension määratud');
  await ehaPage.getByRole('button', { name: 'Registreeri vastus' }).click();
  await expect(ehaPage.getByText(new RegExp(`Vastus on registreeritud numbriga ${number.replace('/', '\\/')}-2`))).toBeVisible();
  await expect(ehaPage.getByText('suletud').first()).toBeVisible();

  // The search finds it by personal code; the CSV carries the restriction mark.
  await ehaPage.goto('/dokumendid');
  await ehaPage.getByLabel('Klient (isikukood või nimi)').fill(clientCode);
  await ehaPage.getByRole('button', { name: 'Otsi' }).click();
  await expect(ehaPage.getByRole('link', { name: number, exact: true })).toBeVisible();
  await expect(ehaPage.getByRole('link', { name: `${number}-2`, exact: true })).toBeVisible();
  const csv = await ehaPage.request.get(`${portalUrl}/dokumendid/eksport?klient=${clientCode}`);
  const text = await csv.text();
  expect(text.charCodeAt(0)).toBe(0xfeff);
  expect(text).toContain(number);
  expect(text).toContain('ASUTUSESISESEKS KASUTAMISEKS; AvTS § 35 lg 1 p 12');

  // Opening the client card is recorded: who, whose data, why.
  await ehaPage.getByRole('link', { name: 'Kliendid' }).click();
  await expect(ehaPage).toHaveURL(/\/kliendid$/);
  await expect(ehaPage.getByRole('heading', { name: 'Kliendid' })).toBeVisible();
  await ehaPage.getByLabel('Isikukood või nimi').fill(clientCode);
  await ehaPage.getByRole('button', { name: 'Otsi' }).click();
  await ehaPage.getByRole('link', { name: 'Ava kaart' }).click();
  await expect(ehaPage).toHaveURL(/\/kliendid\/[0-9a-f-]{36}$/);
  await expect(ehaPage.getByRole('heading', { name: 'Õie-Mall Šults' })).toBeVisible();
  await expectAccessible(ehaPage);
  // (The letter asking for the missing documents was prepared on the issuing page, which
  // reads the client's data for issuing: recorded with that purpose.)
  const rows =
    await db()`select * from audit_log where action = 'client.view' and subject_code = ${clientCode} and actor_code = ${eha} and purpose = 'kliendi teenindamine'`;
  expect(rows.length).toBe(1);
});

test('a keyboard user registers a letter without the mouse', async ({ browser }) => {
  const page = await as(browser, mari);
  await page.goto('/dokumendid/uus');
  await page.getByLabel('Liik').focus();
  await page.keyboard.type('Kiri');
  await page.keyboard.press('Tab'); // channel
  await page.keyboard.type('Post');
  // "Received at" keeps its default; Tab steps through its day, month, year, hour and minute.
  for (let i = 0; i < 8 && !(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type === 'radio')); i++) {
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('ArrowDown'); // party: private person → institution
  await expect(page.getByLabel('Asutuse nimi')).toBeVisible();
  await page.keyboard.press('Tab');
  await page.keyboard.type('Tallinna Linnavalitsus');
  await page.keyboard.press('Tab');
  await page.keyboard.type('75014913');
  await page.keyboard.press('Tab');
  const title = `Päring pensioni kohta ${Date.now()}`;
  await page.keyboard.type(title);
  await page.keyboard.press('Enter');
  await expect(page.getByText(/Dokument on registreeritud numbriga 1-1\/\d+\./)).toBeVisible();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
});
