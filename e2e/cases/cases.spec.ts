import { expect, test, type Page } from '@playwright/test';
import { makePersonalCode } from '../../lib/personal-code';
import { auditRows, db } from '../support/db';
import { expectAccessible, followNav, as } from '../support/fixtures';

const mari = '47805122004'; // specialist, Tallinn (Põhja)
const juri = '37509182078'; // Põhja regional manager

/** The manager's count for a topic this month (0 while the topic has none). */
async function topicCount(page: Page, topic: string): Promise<number> {
  await page.goto('/noustamised/statistika');
  await expect(page.getByRole('heading', { name: 'Nõustamiste statistika' })).toBeVisible();
  const row = page.getByRole('region', { name: 'Teemade kaupa' }).getByRole('row', { name: new RegExp(`^${topic}`) });
  return (await row.count()) ? Number(await row.getByRole('cell').textContent()) : 0;
}

const scan = { name: 'arstitoend.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n') };

test('a specialist records a consultation and takes an assessment application; the manager sees both', async ({ browser }) => {
  const manager = await as(browser, juri);
  const before = await topicCount(manager, 'Matusetoetus');

  // The consultation: the channel (office) and duration are preset, so a topic and Save do it.
  const page = await as(browser, mari);
  await followNav(page, 'Nõustamised');
  await expect(page).toHaveURL(/\/noustamised$/);
  const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Salvesta nõustamine' }) });
  await form.getByText('Matusetoetus', { exact: true }).click();
  await form.getByText('Telefon', { exact: true }).click();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Salvesta nõustamine' }).click();
  await expect(page.getByText('Nõustamine on kirjas: Matusetoetus.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Minu viimased nõustamised' }).getByRole('row', { name: /Telefon Matusetoetus/ })).toBeVisible();

  expect(await topicCount(manager, 'Matusetoetus')).toBe(before + 1);
  await expectAccessible(manager);
  const csv = await manager.request.get('/noustamised/statistika/csv');
  const text = await csv.text();
  expect(text.charCodeAt(0)).toBe(0xfeff);
  expect(text).toContain('Tallinna klienditeenindus;Matusetoetus;Telefon;');

  // The assessment application, from the desk, with a medical certificate attached.
  const applicant = makePersonalCode(`1981-0${1 + Math.floor(Math.random() * 9)}-1${Math.floor(Math.random() * 9)}`, 'male', Math.floor(Math.random() * 1000));
  await followNav(page, 'Dokumendid');
  await page.getByRole('link', { name: 'Ekspertiisitaotlused' }).click();
  await expect(page).toHaveURL(/\/ekspertiisitaotlused$/);
  await page.getByRole('link', { name: 'Uus ekspertiisitaotlus' }).click();
  await expect(page).toHaveURL(/\/ekspertiisitaotlused\/uus$/);
  await page.getByLabel('Taotleja isikukood').fill(applicant.slice(0, 10) + String((Number(applicant[10]) + 1) % 10));
  await page.getByLabel('Eesnimi').fill('Ülo');
  await page.getByLabel('Perekonnanimi').fill('Õunapuu-Šmidt');
  // Handed in at the office: identified from a document, which must be valid today.
  const tallinnToday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Tallinn' }).format(new Date());
  const yesterday = new Date(Date.parse(`${tallinnToday}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel('Isikut tõendav dokument').selectOption({ label: 'ID-kaart' });
  await page.getByLabel('Dokumendi number').fill('as1234567');
  await page.getByLabel('Kehtib kuni').fill(yesterday);
  await page.getByRole('button', { name: 'Registreeri taotlus' }).click();
  await expect(page.getByText('Isikukood ei ole korrektne')).toBeVisible();
  await expect(page.getByText('Isikut tõendava dokumendi kehtivus on lõppenud. Palu kliendilt kehtivat dokumenti.')).toBeVisible();
  await page.getByLabel('Kehtib kuni').fill('2031-05-31');
  await page.getByLabel('Taotleja isikukood').fill(applicant);
  await expect(page.getByText('tööealine', { exact: true })).toBeVisible();
  await page.getByLabel('Tervishoiuasutus').fill('Põhja-Eesti Regionaalhaigla');
  await page.getByLabel('Liikumine').selectOption({ label: 'suured raskused' });
  await page.getByLabel('Kirjeldus: liikumine').fill('Liigub ratastooliga, trepist ei saa.');
  await page.getByLabel(/nõustub, et amet küsib tema terviseandmeid/).check();
  // A joint application: it goes on to Töötukassa within 5 working days, so it waits on the desk.
  await page.getByLabel(/ja töövõime hindamine \(ühistaotlus/).check();
  await page.getByLabel(/nõustub taotluse edastamisega Eesti Töötukassale/).check();
  await page.getByLabel(/kinnitab, et esitatud andmed on õiged/).check();
  await page.getByLabel(/Lisad: arstitõendid/).setInputFiles(scan);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Registreeri taotlus' }).click();
  await page.waitForURL(/\/ekspertiisitaotlused\/[0-9a-f-]{36}\?registreeritud=1$/);
  const registered = page.getByText(/Taotlus on registreeritud numbriga 2-3\/\d+ ja edastatud: Puude ja töövõime ekspertiisi osakond\./);
  await expect(registered).toBeVisible();
  const number = (await registered.textContent())!.match(/2-3\/\d+/)![0];
  await expect(page.getByText('arstitoend.pdf')).toBeVisible();
  await expectAccessible(page);
  await expect(page.getByText('ID-kaart nr AS1234567, kehtib kuni 31.05.2031 (taotleja dokument)')).toBeVisible();

  // The structured data for SKAIS-AE; the download is recorded.
  const id = page.url().match(/ekspertiisitaotlused\/([0-9a-f-]{36})/)![1]!;
  const json = await (await page.request.get(`/ekspertiisitaotlused/${id}/json`)).json();
  expect(json).toMatchObject({
    schemaVersion: '1.1',
    registration: { number },
    applicant: { personalCode: applicant, group: 'working_age' },
    identification: { person: 'applicant', documentType: 'id_card', documentNumber: 'AS1234567', validUntil: '2031-05-31' },
  });
  expect((await auditRows({ action: 'assessment.export', actorCode: mari })).some((r) => r.entity_id === id)).toBe(true);

  // On the desk of the specialist who took it, until it is sent to Töötukassa; the link opens it.
  await page.goto('/');
  const waiting = page.getByRole('row', { name: new RegExp(`edastamine ${number.replace('/', '\\/')} ·`) });
  await expect(waiting.getByText('edastada: Eesti Töötukassa')).toBeVisible();
  await waiting.getByRole('link', { name: new RegExp(`^${number.replace('/', '\\/')} ·`) }).click();
  await page.waitForURL(new RegExp(`/ekspertiisitaotlused/${id}$`));
  await expect(page.getByRole('heading', { name: `Ekspertiisitaotlus ${number}` })).toBeVisible();

  // In the register: forwarded to the assessment unit.
  await manager.goto(`/dokumendid?viit=${encodeURIComponent(number)}`);
  const row = manager.getByRole('row', { name: new RegExp(number.replace('/', '\\/')) });
  await expect(row.getByText('Puude ja töövõime ekspertiisi osakond')).toBeVisible();
  await row.getByRole('link', { name: number, exact: true }).click();
  await expect(manager).toHaveURL(/\/dokumendid\/[0-9a-f-]{36}$/);
  await expect(manager.getByText('Edastatud', { exact: true })).toBeVisible();
  const [doc] = await db()`select unit_code, type_code, is_restricted from documents where number = ${number} and year = extract(year from now())`;
  expect(doc).toMatchObject({ unit_code: 'ekspertiis', type_code: 'disability_assessment_application', is_restricted: true });
});
