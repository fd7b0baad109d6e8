import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type Page } from '@playwright/test';
import { portalUrl } from './env';

/** Signs in through the development ID-card provider, as a real user would. */
export async function signIn(page: Page, personalCode: string, base = portalUrl) {
  await page.goto(`${base}/sisene`);
  await page.getByRole('button', { name: 'Sisene ID-kaardiga' }).click();
  await page.getByLabel('Isikukood').fill(personalCode);
  await page.getByRole('button', { name: 'Sisene', exact: true }).click();
  await page.waitForURL((url) => url.port === new URL(base).port);
}

/** A page of its own (its own cookies) signed in as the person: flows that pass between people. */
export async function as(browser: Browser, personalCode: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, personalCode);
  return page;
}

/** No serious or critical accessibility violations on the page as it stands. */
export async function expectAccessible(page: Page) {
  // Next streams metadata: after a server action's refresh the old <title> is gone
  // for a moment until the new one arrives. Check the page once it has settled.
  await expect(page).toHaveTitle(/\S/);
  // Legacy mode runs axe in the page itself (our pages have no cross-origin frames): the
  // default opens a blank page per check to merge the frames' results, a renderer each time,
  // which made the checks an eighth slower on the 2-core machine (BENCHMARKS.md).
  const results = await new AxeBuilder({ page }).setLegacyMode().analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

export const people = {
  admin: { code: '37906062915', name: 'Peeter Põder' },
  specialist: { code: '47805122004', name: 'Mari Tamm' },
  outsider: { code: '60001019906', name: 'MARY ÄNN' },
};

/** Follows a link of the main menu; `menu` names the group ("Haldus", "Meeskond") it sits in. */
export async function followNav(page: Page, link: string, menu?: string) {
  const nav = page.getByRole('navigation', { name: 'Põhimenüü' });
  if (menu) await nav.locator('summary', { hasText: menu }).click();
  await nav.getByRole('link', { name: link, exact: true }).click();
}
