import { expect, test } from '@playwright/test';
import { E2E, portalUrl } from '../support/env';
import { people } from '../support/fixtures';

// The portal is configured as http://localhost:<port>. Opened as 127.0.0.1 the session
// cookie and the sign-in's callback would belong to another host, and the sign-in failed
// with no reason; now the page goes to the configured address first.
test('a page opened on 127.0.0.1 goes to the configured address, and the sign-in works there', async ({ page }) => {
  await page.goto(`http://127.0.0.1:${E2E.portalPort}/dokumendid?otsing=1`);
  await expect(page).toHaveURL((url) => url.hostname === 'localhost' && url.port === String(E2E.portalPort));
  await page.getByRole('button', { name: 'Sisene ID-kaardiga' }).click();
  await page.getByLabel('Isikukood').fill(people.specialist.code);
  await page.getByRole('button', { name: 'Sisene', exact: true }).click();
  await expect(page.getByText(people.specialist.name).first()).toBeVisible();
  expect(new URL(page.url()).origin).toBe(portalUrl);
});
