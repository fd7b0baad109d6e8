import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { formatEuros } from '../../lib/format';
import { ibanWithCheckDigits } from '../../lib/iban';
import { createStaffMember, db } from '../support/db';
import { expectAccessible, as } from '../support/fixtures';

// "Mind ootab" is the one list for every role, each row saying what the work is.
const kristi = '48109102704'; // IT support
const helje = '46701202843'; // finance

const desk = (page: Page) => page.getByRole('table', { name: 'Mind ootab' });

test('IT support finds an untaken incident of the IT queue on their desk, by its first words, asset tag and office', async ({ browser }) => {
  const reporter = await createStaffMember(['specialist']);
  const tag = `SKA-${String(Date.now()).slice(-5)}`;
  const page = await as(browser, reporter.personalCode);
  await page.goto('/intsidendid/uus');
  await page.getByLabel('Kategooria').selectOption({ label: 'monitor' });
  await page.getByLabel('Ruum või koht').fill('Kabinet 108');
  await page.getByLabel('Inventarinumber (kui on)').fill(tag);
  await page.getByRole('radio', { name: 'ei' }).check();
  await page.getByLabel('Kirjeldus').fill('Ekraan vilgub ja kustub iga paari minuti tagant, kaabli vahetus ei aidanud.');
  await page.getByRole('button', { name: 'Saada teade' }).click();
  const created = page.getByText(/Intsidendi number on IT-\d{4}-\d{6}\./);
  await expect(created).toBeVisible();
  const number = /(IT-\d{4}-\d{6})/.exec((await created.textContent()) ?? '')![1]!;

  const it = await as(browser, kristi);
  const row = desk(it).getByRole('row').filter({ hasText: number });
  await expect(row).toContainText('IT järjekorras');
  await expect(row).toContainText('Ekraan vilgub ja kustub iga paari minuti tagant, …');
  await expect(row).toContainText(`${tag} · Tartu klienditeenindus, Kabinet 108`);
  await expect(row).toContainText('keegi pole võtnud');
  await expectAccessible(it);
  await row.getByRole('link').click();
  await expect(it).toHaveURL(new RegExp(`/intsidendid/${number}$`));
});

test('finance finds an approved payment waiting for a batch on their desk, by amount and recipient', async ({ browser }) => {
  const recipient = `Malle Kask ${[...String(Date.now()).slice(-6)].map((d) => String.fromCharCode(97 + Number(d))).join('')}`;
  const account = String(Date.now() + Math.floor(Math.random() * 1000)).slice(-10);
  const [row] = await db()`
    insert into benefit_payments (kind_code, region_code, deceased_code, deceased_name, applicant_code, applicant_name, basis,
      amount_cents, recipient_name, recipient_iban, decision_date, prepared_by, submission_id, status, approved_by, approved_at)
    select 'funeral_benefit', 'pohja', '36805280109', 'Heino Kask', '60001017869', 'Ülle-Mai Pärnpuu', 'Vallavalitsuse korraldus nr 1-3/245',
      31240, ${recipient}, ${ibanWithCheckDigits('EE', `220022${account}`)}, current_date - 1, p.id, ${randomUUID()}, 'approved', a.id, now()
    from staff p, staff a where p.personal_code = '47805122004' and a.personal_code = '37509182078'
    returning id`;
  expect(row).toBeTruthy();
  const page = await as(browser, helje);
  const waiting = desk(page).getByRole('row').filter({ hasText: recipient });
  await expect(waiting).toContainText('makse korraldusse');
  await expect(waiting).toContainText(`${formatEuros(31_240)} · ${recipient}`);
  await expect(waiting).toContainText('koostas Mari Tamm');
  await expectAccessible(page);
});
