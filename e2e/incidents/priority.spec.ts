import { expect, test } from '@playwright/test';
import { createStaffMember, db } from '../support/db';
import { signIn } from '../support/fixtures';

// One person's broken monitor at the counter stops that counter, not the office: the
// priority comes from impact × urgency (the ITIL matrix), and it is not critical.
test('a single broken monitor with client service blocked gets a normal priority, high at most', async ({ page }) => {
  const reporter = await createStaffMember(['specialist']);
  await signIn(page, reporter.personalCode);
  await page.goto('/intsidendid/uus');
  await page.getByLabel('Kategooria').selectOption({ label: 'monitor' });
  await page.getByLabel('Ruum või koht').fill('Teenindussaal, laud 4');
  await page.getByLabel('Inventarinumber (kui on)').fill('SKA-00913');
  await page.getByRole('radio', { name: 'jah' }).check();
  await page.getByLabel('Mitut inimest probleem puudutab?').fill('1');
  await expect(page.getByText('Prioriteet: tavaline')).toBeVisible();
  await page.getByLabel('Kui kiiresti on lahendust vaja?').selectOption('high');
  await expect(page.getByText('Prioriteet: kõrge')).toBeVisible();
  await page.getByLabel('Kui kiiresti on lahendust vaja?').selectOption('medium');
  await page.getByLabel('Kirjeldus').fill('Monitor ei lähe enam tööle, ekraan jääb mustaks.');
  await page.getByRole('button', { name: 'Saada teade' }).click();
  await expect(page.getByText(/Intsidendi number on IT-\d{4}-\d{6}\./)).toBeVisible();
  const [ticket] = await db()`select priority from incidents where reporter_id = ${reporter.id}`;
  expect(ticket!.priority).toBe('normal');
});
