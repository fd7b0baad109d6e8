import { expect, test } from '@playwright/test';
import { auditRows, db } from '../support/db';
import { shortPortalUrl, E2E, portalUrl } from '../support/env';
import { expectAccessible, people, signIn } from '../support/fixtures';

test('a specialist signs in with the ID card and sees their desk', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/sisene$/);
  await expect(page.getByRole('heading', { name: 'Sisene Töölauale' })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Sisene ID-kaardiga' }).click();
  await expect(page.getByLabel('Isikukood')).toBeVisible();
  await page.getByRole('button', { name: /Mari Tamm/ }).click();

  await expect(page).toHaveURL(`${portalUrl}/`);
  await expect(page.getByRole('heading', { name: 'Minu töölaud' })).toBeVisible();
  await expect(page.getByText(`Tere, ${people.specialist.name}!`)).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('spetsialist');
  // A specialist's navigation has no staff directory.
  await expect(page.getByRole('navigation', { name: 'Põhimenüü' }).getByRole('link', { name: 'Töötajad' })).toHaveCount(0);
  await expectAccessible(page);

  const cookies = await page.context().cookies(portalUrl);
  const session = cookies.find((c) => c.name === 'toolaud.session');
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe('Lax');
  const [row] = await db()`select count(*)::int as n from sessions s join staff p on p.id = s.staff_id where p.personal_code = ${people.specialist.code}`;
  expect(row!.n).toBeGreaterThan(0);
});

test('the desk switches to English and back', async ({ page }) => {
  await signIn(page, people.specialist.code);
  await page.getByRole('button', { name: 'In English' }).click();
  await expect(page.getByRole('heading', { name: 'My desk' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('button', { name: 'Eesti keeles' }).click();
  await expect(page.getByRole('heading', { name: 'Minu töölaud' })).toBeVisible();
});

test('a valid personal code that is not staff is refused, and the attempt audited', async ({ page }) => {
  await signIn(page, people.outsider.code);
  await expect(page).toHaveURL(/\/keelatud/);
  await expect(page.getByRole('heading', { name: 'Teil puudub ligipääs Töölauale' })).toBeVisible();
  await expectAccessible(page);
  await page.goto('/');
  await expect(page).toHaveURL(/\/sisene$/);
  const rows = await auditRows({ action: 'auth.signin_refused', actorCode: people.outsider.code });
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.at(-1)!.outcome).toBe('denied');
  const [sessions] = await db()`select count(*)::int as n from sessions s join staff p on p.id = s.staff_id where p.personal_code = ${people.outsider.code}`;
  expect(sessions!.n).toBe(0);
});

test('the authentication request, callback and token exchange are logged without secrets', async ({ page }) => {
  const since = new Date();
  await signIn(page, people.specialist.code);
  const rows = await db()`select action, details::text as details from audit_log where at >= ${since} and action like 'auth.%' order by seq`;
  const actions = rows.map((r) => r.action);
  expect(actions).toEqual(expect.arrayContaining(['auth.request', 'auth.callback', 'auth.token', 'auth.signin']));
  for (const r of rows) expect(r.details ?? '').not.toMatch(/eyJ[A-Za-z0-9_-]{10,}|client_secret|toolaud-e2e-secret/);
});

test('signing out ends the session, and the old cookie replayed gets nothing', async ({ page, browser }) => {
  await signIn(page, people.specialist.code);
  const [session] = (await page.context().cookies(portalUrl)).filter((c) => c.name === 'toolaud.session');
  expect(session).toBeDefined();
  await page.getByRole('button', { name: 'Logi välja' }).click();
  await expect(page).toHaveURL(/\/sisene\?valjas=1/);
  await expect(page.getByText('Oled välja logitud')).toBeVisible();

  const replay = await browser.newContext();
  await replay.addCookies([session!]);
  const other = await replay.newPage();
  await other.goto(`${portalUrl}/`);
  await expect(other).toHaveURL(/\/sisene$/);
  const api = await replay.request.get(`${portalUrl}/api/auth/session`);
  expect(await api.json()).toEqual({});
  await replay.close();
});

test('after the idle limit the next request asks to sign in again', async ({ page }) => {
  await signIn(page, people.specialist.code, shortPortalUrl);
  await expect(page.getByRole('heading', { name: 'Minu töölaud' })).toBeVisible();
  // Activity within the limit keeps the session alive, for longer than the limit in all…
  // (steps of a third of it: activity is recorded at most every quarter of a short limit)
  for (let i = 0; i < 4; i++) {
    await page.waitForTimeout((E2E.shortIdleSeconds * 1000) / 3);
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Minu töölaud' })).toBeVisible();
  }
  // …and a pause longer than the limit ends it.
  await page.waitForTimeout((E2E.shortIdleSeconds + 1) * 1000);
  await page.reload();
  await expect(page).toHaveURL(/\/sisene$/);
});

test('cancelling at the identity provider returns to the sign-in page with a message', async ({ page }) => {
  await page.goto('/sisene');
  await page.getByRole('button', { name: 'Sisene ID-kaardiga' }).click();
  await page.getByRole('button', { name: 'Katkesta' }).click();
  await expect(page).toHaveURL(/\/sisene\?error=cancelled/);
  await expect(page.getByRole('alert').filter({ hasText: 'Sisselogimine katkestati.' })).toBeVisible();
  await expectAccessible(page);
});
