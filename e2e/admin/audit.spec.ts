import { expect, test } from '@playwright/test';
import { expectAccessible, people, signIn, followNav } from '../support/fixtures';

test('an administrator reads the audit trail of a person and verifies the chain', async ({ page }) => {
  await signIn(page, people.specialist.code);
  await page.getByRole('button', { name: 'Logi välja' }).click();
  await signIn(page, people.admin.code);
  await followNav(page, 'Auditilogi', 'Haldus');
  await expect(page).toHaveURL(/\/admin\/audit$/);
  await expect(page.getByRole('heading', { name: 'Auditilogi' })).toBeVisible();
  await page.getByLabel('Isikukood (töötaja või klient)').fill(people.specialist.code);
  await page.getByRole('button', { name: 'Otsi' }).click();
  await expect(page.getByRole('cell', { name: 'auth.signout' }).first()).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Kontrolli ahelat' }).click();
  await expect(page.getByText(/Ahel on terve: \d+ rida kontrollitud\./)).toBeVisible();
});

test('a specialist cannot open the audit trail', async ({ page }) => {
  await signIn(page, people.specialist.code);
  const response = await page.goto('/admin/audit');
  expect(response!.status()).toBe(404);
  await expectAccessible(page);
});
