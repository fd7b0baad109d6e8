import { randomUUID } from 'node:crypto';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { estonianIban } from '../../lib/iban';
import { db } from '../support/db';
import { expectAccessible, signIn } from '../support/fixtures';

const mari = '47805122004'; // customer service specialist, Põhja
const juri = '37509182078'; // Põhja regional manager

async function as(browser: Browser, code: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  // A reason is shown as text: markup in it must never run.
  page.on('dialog', (dialog) => {
    throw new Error(`unexpected dialog: ${dialog.message()}`);
  });
  await signIn(page, code);
  return page;
}

/** A payment Mari prepared, straight into the table (preparing through the form has its own test). */
async function preparedByMari(deceasedName: string) {
  const account = String(Date.now() + Math.floor(Math.random() * 1000)).slice(-10);
  const [row] = await db()`
    insert into benefit_payments (kind_code, region_code, deceased_code, deceased_name, applicant_code, applicant_name, basis,
      amount_cents, recipient_name, recipient_iban, decision_date, prepared_by, submission_id)
    select 'funeral_benefit', 'pohja', '36805280109', ${deceasedName}, '60001017869', 'Ülle-Mai Pärnpuu', 'Vallavalitsuse korraldus nr 1-3/245',
      25000, 'Ülle-Mai Pärnpuu', ${estonianIban('22', `002${account}`)}, current_date - 1, s.id, ${randomUUID()}
    from staff s where s.personal_code = ${mari}
    returning id`;
  return `/maksed/${row!.id as string}`;
}

test('a manager returns a payment with a reason, the specialist corrects the amount and resubmits it, and the manager approves it; another is rejected', async ({
  browser,
}, testInfo) => {
  test.slow(); // a long flow across several people: three times the timeout
  // A name no other test uses (names take letters only).
  const suffix = [...String(Date.now()).slice(-6)].map((digit, i) => String.fromCharCode((i ? 97 : 65) + Number(digit))).join('');
  const returnedUrl = await preparedByMari(`Toomas Jõesaar ${suffix}`);
  const rejectedUrl = await preparedByMari(`Vello Saar ${suffix}`);
  const shot = (page: Page, name: string) => page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });

  // The manager returns it: a reason is required.
  // It waits on the manager's desk, and the desk leads to it.
  const manager = await as(browser, juri);
  await manager.goto('/');
  const onDesk = (page: Page) => page.locator(`a[href="${returnedUrl}"]`);
  await expect(onDesk(manager)).toBeVisible();
  await shot(manager, '0-desk-manager');
  await onDesk(manager).click();
  await manager.waitForURL(returnedUrl);
  await expect(manager.getByText('ootab kinnitamist', { exact: true })).toBeVisible();
  await shot(manager, '1-prepared-manager');
  await manager.getByRole('button', { name: 'Tagasta parandamiseks' }).click();
  await expect(manager.getByText('Väli on kohustuslik.')).toBeVisible();
  const reason = 'Summa ei vasta otsusele: otsuses on 260,00 €. <script>alert(1)</script>';
  await manager.getByLabel('Põhjus').fill(reason);
  await manager.getByRole('button', { name: 'Tagasta parandamiseks' }).click();
  await manager.waitForURL(/\?tagastatud=1$/);
  await expect(manager.getByText('Makse on tagastatud koostajale parandamiseks.')).toBeVisible();
  await expect(manager.getByText('tagastatud parandamiseks', { exact: true })).toBeVisible();

  // The specialist is told, sees the reason as written (as text), corrects and resubmits.
  const specialist = await as(browser, mari);
  await specialist.goto('/');
  await expect(specialist.getByRole('row').filter({ has: onDesk(specialist) })).toContainText('makse parandada');
  await onDesk(specialist).click();
  await specialist.waitForURL(returnedUrl);
  await expect(specialist.getByText('Jüri Õunapuu tagastas makse parandamiseks', { exact: false })).toBeVisible();
  await expect(specialist.getByRole('status').filter({ hasText: reason })).toBeVisible();
  await shot(specialist, '2-returned-specialist');
  await expectAccessible(specialist);
  await specialist.getByRole('link', { name: 'Paranda ja saada uuesti' }).click();
  await specialist.waitForURL(/\/paranda$/);
  await expect(specialist.getByLabel('Summa (€)')).toHaveValue('250,00');
  await specialist.getByLabel('Summa (€)').fill('260,00');
  await shot(specialist, '3-correction-form');
  await expectAccessible(specialist);
  await specialist.getByRole('button', { name: 'Saada uuesti kinnitamiseks' }).click();
  await specialist.waitForURL(/\?parandatud=1$/);
  await expect(specialist.getByText('Parandatud makse on uuesti kinnitamiseks saadetud.')).toBeVisible();
  await expect(specialist.getByText('Parandatud ja uuesti saadetud')).toBeVisible();
  await expect(specialist.getByText('Summa: 250,00 € → 260,00 €')).toBeVisible();
  await shot(specialist, '4-resubmitted');

  // The manager approves the corrected payment; the history keeps the return's reason.
  await manager.goto(returnedUrl);
  await manager.getByRole('button', { name: 'Kinnita makse' }).click();
  // The dialog shows what is approved: the decision, recipient, IBAN, amount and the history of changes.
  const confirm = manager.getByRole('dialog', { name: 'Kas kinnitad selle makse?' });
  await expect(confirm.getByText('260,00 €', { exact: true })).toBeVisible();
  await expect(confirm.getByText('Summa: 250,00 € → 260,00 €')).toBeVisible();
  await expect(confirm.getByText(reason)).toBeVisible();
  await shot(manager, '5-approve-dialog');
  await confirm.getByRole('button', { name: 'Kinnitan makse' }).click();
  await manager.waitForURL(/\?kinnitatud=1$/);
  await expect(manager.getByText('Makse on kinnitatud ja läheb järgmisse maksepakki.')).toBeVisible();
  await expect(manager.getByRole('region', { name: 'Ajalugu' }).getByText(reason)).toBeVisible();
  await shot(manager, '5-approved');
  const [approved] = await db()`select status, amount_cents, return_reason from benefit_payments where id = ${returnedUrl.split('/').pop()!}`;
  expect(approved).toMatchObject({ status: 'approved', amount_cents: 26000, return_reason: null });

  // Another payment is rejected for good; it stays in the specialist's list with its reason.
  await manager.goto(rejectedUrl);
  await manager.getByLabel('Põhjus').fill('Taotlejal puudub õigus toetusele.');
  await manager.getByRole('button', { name: 'Lükka tagasi' }).click();
  await manager.waitForURL(/\?tagasi_lykatud=1$/);
  await expect(manager.getByText('tagasi lükatud', { exact: true })).toBeVisible();
  await expect(manager.getByRole('button', { name: 'Kinnita makse' })).toHaveCount(0);
  await shot(manager, '6-rejected');
  await specialist.goto('/maksed');
  const listed = specialist.getByRole('row', { name: new RegExp(`Vello Saar ${suffix}`) });
  await expect(listed.getByText('Põhjus: Taotlejal puudub õigus toetusele.')).toBeVisible();
  await shot(specialist, '7-list');
});
