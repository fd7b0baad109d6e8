import { expect, test } from '@playwright/test';
import { db } from '../support/db';
import { expectAccessible, people, signIn, followNav } from '../support/fixtures';

test('an administrator keeps document types and extra days off', async ({ page }) => {
  await signIn(page, people.admin.code);
  await followNav(page, 'Dokumendiliigid', 'Haldus');
  await expect(page).toHaveURL(/\/admin\/dokumendiliigid$/);
  await expect(page.getByRole('heading', { name: 'Dokumendiliigid ja tähtajad' })).toBeVisible();
  await expect(page.getByText('Märgukiri', { exact: true })).toBeVisible();
  await expectAccessible(page);
  // A day far in the future, so no other test's deadline moves.
  await page.getByLabel('Kuupäev').fill('2031-07-01');
  await page.getByLabel('Põhjus').fill('Vabariigi Valitsuse korraldusega puhkepäev');
  await page.getByRole('button', { name: 'Lisa puhkepäev' }).click();
  await expect(page.getByText('Puhkepäev on lisatud.')).toBeVisible();
  await expect(page.getByText('01.07.2031')).toBeVisible();
  const [row] = await db()`select reason from extra_days_off where day = '2031-07-01'`;
  expect(row!.reason).toBe('Vabariigi Valitsuse korraldusega puhkepäev');
});

test('a specialist cannot open the register configuration', async ({ page }) => {
  await signIn(page, people.specialist.code);
  const response = await page.goto('/admin/dokumendiliigid');
  expect(response!.status()).toBe(404);
});
