import { expect, test, type Browser, type Page } from '@playwright/test';
import { createStaffMember, db } from '../support/db';
import { portalUrl } from '../support/env';
import { expectAccessible, people, signIn } from '../support/fixtures';
import { expectMailTo } from '../support/mail';

const itSupport = { code: '48109102704', name: 'Kristi Õun' };
const louna = { manager: 'ulle.kask@sotsiaalkindlustusamet.ee', itMailbox: 'it-tugi@sotsiaalkindlustusamet.ee' };

async function signedInPage(browser: Browser, code: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, code);
  return page;
}

const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array.from({ length: 56 }, (_, i) => i)]);

async function fillReport(page: Page, description: string) {
  await page.goto('/intsidendid/uus');
  await page.getByLabel('Kategooria').selectOption({ label: 'ID-kaardi lugeja' });
  await expect(page.getByLabel('Esindus')).toHaveValue('tartu'); // prefilled from the profile
  await page.getByLabel('Ruum või koht').fill('Teenindussaal, laud 2');
  await page.getByLabel('Inventarinumber (kui on)').fill('SKA-00042');
  await page.getByRole('radio', { name: 'jah' }).check();
  await page.getByLabel('Mitut inimest probleem puudutab?').fill('1');
  await page.getByLabel('Kui kiiresti on lahendust vaja?').selectOption('high');
  await page.getByLabel('Kirjeldus').fill(description);
}

test('a specialist reports a broken ID-card reader; IT support and the regional manager get mail; IT support resolves it', async ({ browser }) => {
  test.slow(); // a long flow across several people: three times the timeout
  const reporter = await createStaffMember(['specialist']);
  const page = await signedInPage(browser, reporter.personalCode);
  const script = '<script>window.pwned=1</script>';
  await fillReport(page, `Lugeja ei tunne ühtegi kaarti ära. ${script}`);
  await expect(page.getByText('Prioriteet: kõrge')).toBeVisible();
  await page.getByLabel('Fotod või failid').setInputFiles([{ name: 'lugeja.png', mimeType: 'image/png', buffer: png }]);
  await expect(page.getByText('lugeja.png (1 KB)')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Saada teade' }).click();

  const created = page.getByText(/Intsidendi number on IT-\d{4}-\d{6}\./);
  await expect(created).toBeVisible();
  const number = /IT-\d{4}-\d{6}/.exec((await created.textContent())!)![0];
  await expect(page.getByText('Järjekord: IT klienditugi (it-tugi@sotsiaalkindlustusamet.ee).')).toBeVisible();
  await expect(page.getByText('Teavitati: Ülle Kask.')).toBeVisible();
  await expectAccessible(page);

  // The outbox worker delivers to the local SMTP server.
  await expectMailTo([louna.itMailbox, louna.manager], number);

  // IT support finds it in the queue, takes it and resolves it with a public comment.
  const it = await signedInPage(browser, itSupport.code);
  await it.goto('/it-tugi');
  await expect(it.getByRole('heading', { name: 'IT klienditoe järjekord' })).toBeVisible();
  await expectAccessible(it);
  await it.getByRole('link', { name: number }).click();
  await expect(it.getByRole('heading', { name: number })).toBeVisible();
  await expect(it.getByText(`Lugeja ei tunne ühtegi kaarti ära. ${script}`)).toBeVisible();
  await expectAccessible(it);
  // The photo downloads for people who may see the ticket, as what its bytes say it is.
  const href = (await it.getByRole('link', { name: /Laadi alla lugeja\.png/ }).getAttribute('href'))!;
  const download = await it.request.get(`${portalUrl}${href}`);
  expect(download.status()).toBe(200);
  expect(download.headers()['content-type']).toBe('image/png');
  expect(Buffer.from(await download.body()).equals(png)).toBe(true);
  const stranger = await signedInPage(browser, people.specialist.code);
  expect((await stranger.request.get(`${portalUrl}${href}`)).status()).toBe(404);
  await it.getByRole('button', { name: 'Võta enda peale' }).click();
  await expect(it.getByText('Intsident on sinu peal.')).toBeVisible();
  await expect(it.getByText('töös', { exact: true }).first()).toBeVisible();

  await it.getByRole('textbox', { name: 'Kommentaar' }).fill('Tarnija vahetab lugeja, sisemine märkus.');
  await it.getByRole('radio', { name: /sisemine/ }).check();
  await it.getByRole('button', { name: 'Lisa kommentaar' }).click();
  await expect(it.getByText('Kommentaar on lisatud.')).toBeVisible();
  await it.getByRole('textbox', { name: 'Kommentaar' }).fill('Tõin uue lugeja, palun proovi uuesti.');
  await it.getByRole('radio', { name: 'teatajale nähtav' }).check();
  await it.getByRole('button', { name: 'Lisa kommentaar' }).click();
  await expect(it.getByText('Tõin uue lugeja, palun proovi uuesti.')).toBeVisible();

  await it.getByLabel('Uus olek').selectOption({ label: 'lahendatud' });
  await it.getByRole('button', { name: 'Salvesta olek' }).click();
  await expect(it.getByText('Lahendatuks märkimisel kirjuta, mis tehti.')).toBeVisible();
  await it.getByLabel('Lahenduse kirjeldus (teatajale nähtav)').fill('ID-kaardi lugeja vahetatud.');
  await it.getByRole('button', { name: 'Salvesta olek' }).click();
  await expect(it.getByText('Olek on muudetud.')).toBeVisible();
  await expectAccessible(it);

  // The reporter sees "lahendatud", the public comment, the resolution, and no internal note.
  await page.goto(`/intsidendid/${number}`);
  await expect(page.getByText('lahendatud', { exact: true }).first()).toBeVisible();
  await expect(page.getByText('Tõin uue lugeja, palun proovi uuesti.')).toBeVisible();
  await expect(page.getByText('ID-kaardi lugeja vahetatud.').first()).toBeVisible();
  await expect(page.getByText('Tarnija vahetab lugeja, sisemine märkus.')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Salvesta olek' })).toHaveCount(0);
  expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
  await expectAccessible(page);
  await expect(page.getByRole('link', { name: /Teavitused, \d+ lugemata/ })).toBeVisible();
  const [row] = await db()`select email from staff where id = ${reporter.id}`;
  await expectMailTo([row!.email as string], `${number} on lahendatud`);

  await page.getByRole('link', { name: /Teavitused/ }).click();
  await expect(page.getByRole('heading', { name: `Intsident ${number} on lahendatud` })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Märgi kõik loetuks' }).click();
  await expect(page.getByRole('link', { name: 'Teavitused', exact: true })).toBeVisible();
});

test('another specialist cannot see the ticket, and a forged status change is refused and writes nothing', async ({ browser }) => {
  const reporter = await createStaffMember(['specialist']);
  const page = await signedInPage(browser, reporter.personalCode);
  await fillReport(page, 'Printer ja lugeja mõlemad katki, vaja kiiresti.');
  await page.getByRole('button', { name: 'Saada teade' }).click();
  const created = page.getByText(/Intsidendi number on IT-\d{4}-\d{6}\./);
  await expect(created).toBeVisible();
  const number = /IT-\d{4}-\d{6}/.exec((await created.textContent())!)![0];
  const [ticket] = await db()`select id, status from incidents where number = ${number}`;

  // Learn the status action's id from a real IT support submission on another ticket.
  const it = await signedInPage(browser, itSupport.code);
  await it.goto(`/intsidendid/${number}`);
  await it.getByLabel('Uus olek').selectOption({ label: 'ootab tarnijat' });
  const [request] = await Promise.all([
    it.waitForRequest((r) => r.method() === 'POST' && !!r.headers()['next-action']),
    it.getByRole('button', { name: 'Salvesta olek' }).click(),
  ]);
  await expect(it.getByText('Olek on muudetud.')).toBeVisible();
  const actionId = request.headers()['next-action']!;

  const other = await signedInPage(browser, people.specialist.code);
  expect((await other.goto(`/intsidendid/${number}`))!.status()).toBe(404);
  expect((await other.goto('/it-tugi'))!.status()).toBe(404);

  // The forgeries carry the ticket's current version: what refuses them is who sends them.
  const [current] = await db()`select version from incidents where id = ${ticket!.id}`;
  const version = String(current!.version);
  const forged = await other.request.post(`${portalUrl}/intsidendid/${number}`, {
    headers: { 'next-action': actionId, 'content-type': 'text/plain;charset=UTF-8', accept: 'text/x-component', origin: portalUrl },
    data: JSON.stringify([{ id: ticket!.id, version, status: 'resolved', note: 'Võltsitud' }]),
  });
  expect(await forged.text()).toMatch(/errors\.(forbidden|notFound)/);
  // The reporter themself cannot change the status either.
  const own = await page.request.post(`${portalUrl}/intsidendid/${number}`, {
    headers: { 'next-action': actionId, 'content-type': 'text/plain;charset=UTF-8', accept: 'text/x-component', origin: portalUrl },
    data: JSON.stringify([{ id: ticket!.id, version, status: 'resolved', note: 'Ise lahendasin' }]),
  });
  expect(await own.text()).toContain('errors.forbidden');
  const [after] = await db()`select status, resolution from incidents where id = ${ticket!.id}`;
  expect(after).toMatchObject({ status: 'waiting_supplier', resolution: null });
  expect(await db()`select 1 from incident_updates where incident_id = ${ticket!.id} and body in ('Võltsitud', 'Ise lahendasin')`).toHaveLength(0);
});

test('a disguised file is refused with a clear message and nothing is saved', async ({ browser }) => {
  const reporter = await createStaffMember(['specialist']);
  const page = await signedInPage(browser, reporter.personalCode);
  await fillReport(page, 'Skanner ei skanni, proovisin taaskäivitada.');
  await page.getByLabel('Fotod või failid').setInputFiles([{ name: 'foto.png', mimeType: 'image/png', buffer: Buffer.from('MZ\x90\x00 this is a program') }]);
  await expect(page.getByText('foto.png: Lubatud on ainult pildid (JPEG, PNG, GIF, WebP) ja PDF-failid.')).toBeVisible();
  await page.getByLabel('Kirjeldus').fill('x'.repeat(3));
  await page.getByRole('button', { name: 'Saada teade' }).click();
  await expect(page.getByText('Kirjelda probleemi vähemalt 10 märgiga.')).toBeVisible();
  expect(await db()`select 1 from incidents where reporter_id = ${reporter.id}`).toHaveLength(0);
});

test('administrators see the routing rules and the outgoing messages', async ({ browser }) => {
  const admin = await signedInPage(browser, people.admin.code);
  await admin.goto('/admin/suunamine');
  await expect(admin.getByRole('heading', { name: 'Intsidentide suunamisreeglid' })).toBeVisible();
  await expect(admin.getByText(/ruum × Ida → Ida piirkonna haldusteenistus/)).toBeVisible();
  await expectAccessible(admin);
  await admin.goto('/admin/valjuvad?olek=sent');
  await expect(admin.getByRole('heading', { name: 'Väljuvad teated' })).toBeVisible();
  await expectAccessible(admin);
  const specialist = await signedInPage(browser, people.specialist.code);
  expect((await specialist.goto('/admin/suunamine'))!.status()).toBe(404);
  expect((await specialist.goto('/admin/valjuvad'))!.status()).toBe(404);
});

test('in English the report form and the ticket name the office in English, and a reporter who reads English hears of IT support’s comment in English', async ({
  browser,
}) => {
  const reporter = await createStaffMember(['specialist']);
  const page = await signedInPage(browser, reporter.personalCode);
  // Notices in English: the person's own choice.
  await page.goto('/teavitused/seaded');
  await page.getByLabel('Teadete ja e-kirjade keel').selectOption({ label: 'inglise keel' });
  await page.getByRole('button', { name: 'Salvesta seaded' }).click();
  await expect(page.getByText('Seaded on salvestatud.')).toBeVisible();

  await page.goto('/intsidendid/uus');
  await page.getByRole('button', { name: 'In English' }).click();
  await page.getByLabel('Category').selectOption({ label: 'ID-card reader' });
  await expect(page.getByLabel('Office')).toHaveValue('tartu');
  await expect(page.getByLabel('Office').locator('option:checked')).toHaveText('Tartu Customer Service Office');
  await page.getByLabel('Room or place').fill('Service hall, desk 4');
  await page.getByRole('radio', { name: 'no', exact: true }).check();
  await page.getByLabel('How many people are affected?').fill('1');
  await page.getByLabel('How soon does it need to be fixed?').selectOption('medium');
  await page.getByLabel('Description').fill('The card reader blinks red and reads no cards.');
  await page.getByRole('button', { name: 'Send report' }).click();
  const created = page.getByText(/The incident number is IT-\d{4}-\d{6}\./);
  await expect(created).toBeVisible();
  const number = /IT-\d{4}-\d{6}/.exec((await created.textContent())!)![0];
  await expect(page.getByText('Queue: IT support (it-tugi@sotsiaalkindlustusamet.ee).')).toBeVisible();
  await page.goto(`/intsidendid/${number}`);
  await expect(page.getByText('Tartu Customer Service Office').first()).toBeVisible();
  await expect(page.getByText('Tartu klienditeenindus')).toHaveCount(0);
  await expectAccessible(page);

  // IT support reads Estonian: the queue names the office in Estonian; a comment reaches the reporter in English.
  const it = await signedInPage(browser, itSupport.code);
  await it.goto('/it-tugi');
  await expect(it.getByRole('row', { name: new RegExp(number) })).toContainText('Tartu klienditeenindus');
  await it.getByRole('link', { name: number }).click();
  await it.getByRole('textbox', { name: 'Kommentaar' }).fill('Toon uue lugeja tunni aja pärast.');
  await it.getByRole('radio', { name: 'teatajale nähtav' }).check();
  await it.getByRole('button', { name: 'Lisa kommentaar' }).click();
  await expect(it.getByText('Toon uue lugeja tunni aja pärast.')).toBeVisible();

  await page.goto('/teavitused');
  await expect(page.getByRole('heading', { name: `New comment on incident ${number}` })).toBeVisible();
  const [row] = await db()`select email from staff where id = ${reporter.id}`;
  await expectMailTo([row!.email as string], `New comment on incident ${number}`);
});
