import fs from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { estonianIban } from '../../lib/iban';
import { db } from '../support/db';
import { expectAccessible, signIn } from '../support/fixtures';

const mari = '47805122004'; // customer service specialist, Põhja
const juri = '37509182078'; // Põhja regional manager
const helje = '46701202843'; // finance

async function as(browser: Browser, code: string): Promise<Page> {
  const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
  await signIn(page, code);
  return page;
}

const isoDay = (offset: number) => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
};

test('a specialist prepares a funeral benefit payment, a manager approves it, finance downloads the batch file; an overpayment application is registered with its schedule', async ({
  browser,
}, testInfo) => {
  test.slow(); // a long flow across several people: three times the timeout
  // A recipient account and an amount no other test uses.
  const account = String(Date.now()).slice(-10).padStart(10, '0');
  const iban = estonianIban('22', `002${account}`);
  const euros = 200 + Math.floor(Math.random() * 700);
  const amount = `${euros},45`;

  const specialist = await as(browser, mari);
  await specialist.goto('/maksed');
  await specialist.getByRole('link', { name: 'Koosta uus makse' }).click();
  await expect(specialist).toHaveURL(/\/maksed\/uus$/);
  await expect(specialist.getByText(/Riik ei maksa matusetoetust alates 2018/)).toBeVisible();
  await specialist.getByLabel('Surnu isikukood').fill('36805280109');
  await specialist.getByLabel('Surnu nimi').fill('Toomas Jõesaar');
  await specialist.getByLabel('Taotleja isikukood').fill('60001017869');
  await specialist.getByLabel('Taotleja nimi').fill('Ülle-Mai Pärnpuu');
  await specialist.getByLabel('Alus').fill('Tallinna Linnavalitsuse korraldus nr 1-3/245');
  await specialist.getByLabel('Summa (€)').fill(amount);
  await specialist.getByLabel('Otsuse kuupäev').fill(isoDay(-1));
  await specialist.getByLabel('Saaja nimi').fill('Ülle-Mai Pärnpuu');
  // A changed digit is refused with a field message; nothing is saved.
  const wrong = `${iban.slice(0, 19)}${(Number(iban[19]) + 1) % 10}`;
  await specialist.getByLabel('Saaja IBAN').fill(wrong);
  await specialist.getByRole('button', { name: 'Saada kinnitamiseks' }).click();
  await expect(specialist.getByText('IBAN ei ole korrektne', { exact: false })).toBeVisible();
  await specialist.getByLabel('Saaja IBAN').fill(iban.replace(/(.{4})/g, '$1 ').trim());
  await specialist.screenshot({ path: testInfo.outputPath('payment-form.png'), fullPage: true });
  await expectAccessible(specialist);
  await specialist.getByRole('button', { name: 'Saada kinnitamiseks' }).click();
  await specialist.waitForURL(/\/maksed\/[0-9a-f-]{36}\?koostatud=1$/);
  const paymentUrl = new URL(specialist.url()).pathname;
  await expect(specialist.getByText('Makse on koostatud ja ootab kinnitamist.')).toBeVisible();
  await expect(specialist.getByText(`${euros},45`, { exact: false })).toBeVisible();
  await expect(specialist.getByRole('button', { name: 'Kinnita makse' })).toHaveCount(0);

  // The overpayment application: identity first, a schedule that must add up.
  await specialist.goto('/enammaksed');
  await specialist.getByLabel('Isikukood').fill('36805280109');
  await specialist.getByLabel('Eesnimi').fill('Toomas');
  await specialist.getByLabel('Perekonnanimi').fill('Jõesaar');
  await specialist.getByLabel('Dokumendi number').fill('AB1234567');
  await specialist.getByLabel('Kehtib kuni').fill(isoDay(400));
  await specialist.getByLabel('Enammakstud pension või toetus').fill('Vanaduspension');
  await specialist.getByLabel('Tagasimakstav summa (€)').fill('300');
  await specialist.getByLabel('Kuupäev (1. osamakse)').fill(isoDay(10));
  await specialist.getByLabel('Summa (€) (1. osamakse)').fill('100');
  await specialist.getByLabel('Kuupäev (2. osamakse)').fill(isoDay(40));
  await specialist.getByLabel('Summa (€) (2. osamakse)').fill('100');
  await specialist.getByRole('button', { name: 'Registreeri taotlus' }).click();
  await expect(specialist.getByText('Osamaksete summa peab võrduma tagasimakstava summaga.')).toBeVisible();
  await specialist.getByRole('button', { name: 'Lisa osamakse' }).click();
  await specialist.getByLabel('Kuupäev (3. osamakse)').fill(isoDay(70));
  await specialist.getByLabel('Summa (€) (3. osamakse)').fill('100');
  await specialist.screenshot({ path: testInfo.outputPath('overpayment-form.png'), fullPage: true });
  await expectAccessible(specialist);
  await specialist.getByRole('button', { name: 'Registreeri taotlus' }).click();
  const registered = specialist.getByText(/Taotlus on registreeritud numbriga/);
  await expect(registered).toBeVisible();
  const number = /numbriga (\S+) ja/.exec((await registered.textContent()) ?? '')![1]!;
  expect(number).toMatch(/^2-4\//);
  const [doc] = await db()`
    select d.id, d.unit_code, a.amount_cents, (select count(*)::int from overpayment_instalments i where i.application_id = a.id) as instalments
    from documents d join overpayment_applications a on a.document_id = d.id where d.number = ${number}`;
  expect(doc).toMatchObject({ unit_code: 'finants', amount_cents: 30000, instalments: 3 });

  // A manager approves. (Managers also see the application's card in the register, with its schedule.)
  const manager = await as(browser, juri);
  await manager.goto(`/dokumendid/${doc!.id}`);
  await expect(manager.getByRole('heading', { name: 'Taotluse andmed' })).toBeVisible();
  await expect(manager.getByRole('cell', { name: '3. osamakse' })).toBeVisible();
  await manager.screenshot({ path: testInfo.outputPath('overpayment-card.png'), fullPage: true });
  await manager.goto(paymentUrl);
  await manager.getByRole('button', { name: 'Kinnita makse' }).click();
  await manager.getByRole('dialog', { name: 'Kas kinnitad selle makse?' }).getByRole('button', { name: 'Kinnitan makse' }).click();
  await expect(manager.getByText('Makse on kinnitatud ja läheb järgmisse maksepakki.')).toBeVisible();

  // Finance creates the batch and downloads the file.
  const finance = await as(browser, helje);
  await finance.goto('/maksed/paketid');
  const mine = finance.getByRole('checkbox', { name: new RegExp(`${euros},45`) });
  await expect(mine).toBeChecked();
  await finance.screenshot({ path: testInfo.outputPath('batches.png'), fullPage: true });
  await expectAccessible(finance);
  await finance.getByRole('button', { name: 'Koosta maksepakk' }).click();
  const created = finance.getByText(/Maksepakk \S+ on koostatud/);
  await expect(created).toBeVisible();
  const messageId = /Maksepakk (\S+) on/.exec((await created.textContent()) ?? '')![1]!;
  const [download] = await Promise.all([
    finance.waitForEvent('download'),
    finance.getByRole('link', { name: `Laadi alla maksepaki ${messageId} fail` }).click(),
  ]);
  const file = testInfo.outputPath('batch.xml');
  await download.saveAs(file);
  const xml = fs.readFileSync(file, 'utf8');
  expect(xml).toContain('urn:iso:std:iso:20022:tech:xsd:pain.001.001.09');
  expect(xml).toContain(`<IBAN>${iban}</IBAN>`);
  expect(xml).toContain(`<InstdAmt Ccy="EUR">${euros}.45</InstdAmt>`);
  expect(xml).toContain('<Nm>Ulle-Mai Parnpuu</Nm>');

  // The payment shows it was handed over, when and by whom; the file is finance's only.
  await specialist.goto(paymentUrl);
  await expect(specialist.getByText('üle antud finantsile', { exact: true })).toBeVisible();
  await expect(specialist.getByText(new RegExp(`Helje Rebane \\(maksepakk ${messageId}\\)`))).toBeVisible();
  await specialist.screenshot({ path: testInfo.outputPath('payment-card.png'), fullPage: true });
  const [batch] = await db()`select id from payment_batches where message_id = ${messageId}`;
  expect((await specialist.request.get(`/maksed/paketid/${batch!.id}`)).status()).toBe(404);
  expect((await specialist.goto('/maksed/paketid'))!.status()).toBe(404);
});
