import { expect, test, type Page } from '@playwright/test';
import { registerLetter, signInAt } from '../edge/flows';
import { db } from '../support/db';
import { portalUrl } from '../support/env';

// Client components take the message catalogue from the JS bundle (MessagesProvider), so a
// page's HTML and its client-navigation payload carry only the texts it renders. The probe is
// a catalogue string of the audit page, which none of these pages shows: were the catalogue
// serialised as a prop again, it would be inlined in every one of them.
const probe = { et: 'Teavita viivitamata infoturbejuhti', en: 'Tell the information security officer at once' };

const mari = '47805122004'; // specialist: registers and opens documents
const juri = '37509182078'; // manager: gives tasks

const kb = (text: string) => (Buffer.byteLength(text) / 1024).toFixed(1);

/** The page as a browser gets it (HTML) and as client navigation gets it (RSC payload). */
async function sizes(page: Page, path: string, locale: 'et' | 'en') {
  const html = await (await page.request.get(path)).text();
  const rsc = await (await page.request.get(path, { headers: { RSC: '1' } })).text();
  console.log(`[messages] ${locale} ${path.replace(/[0-9a-f-]{36}/, '[id]')}: HTML ${kb(html)} KB, RSC ${kb(rsc)} KB`);
  expect.soft(html.includes(probe[locale]), `${path}: the HTML carries the catalogue`).toBe(false);
  expect.soft(rsc.includes(probe[locale]), `${path}: the RSC payload carries the catalogue`).toBe(false);
}

test('pages do not carry the message catalogue, and client components still follow the language switch', async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await signInAt({ page, base: portalUrl }, mari);
  const number = await registerLetter({ page, base: portalUrl });
  const [doc] = await db()`select id from documents where number = ${number}`;
  const card = `/dokumendid/${doc!.id}`;

  await page.goto(card);
  await expect(page.getByRole('button', { name: 'Võta menetlusse' })).toBeVisible();
  await sizes(page, card, 'et');
  await sizes(page, '/dokumendid/uus', 'et');

  // The switch re-renders the page in place: the document actions (a client component) follow.
  await page.getByRole('button', { name: 'In English' }).click();
  await expect(page.getByRole('button', { name: 'Start processing' })).toBeVisible();
  await expect(page.locator('summary', { hasText: /^Forward$/ })).toBeVisible();
  await sizes(page, card, 'en');
  // The register list's rows are a client component too.
  await page.goto(`/dokumendid?viit=${encodeURIComponent(number)}`);
  await expect(page.getByRole('row', { name: new RegExp(number) })).toContainText('· incoming');
  await page.goto('/dokumendid/uus');
  await expect(page.getByRole('button', { name: 'Register', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Eesti keeles' }).click();
  await expect(page.getByRole('button', { name: 'Registreeri', exact: true })).toBeVisible();
  await page.goto(`/dokumendid?viit=${encodeURIComponent(number)}`);
  await expect(page.getByRole('row', { name: new RegExp(number) })).toContainText('· sissetulev');

  const manager = await (await browser.newContext()).newPage();
  await signInAt({ page: manager, base: portalUrl }, juri);
  await manager.goto('/ulesanded/uus');
  await expect(manager.getByRole('heading', { name: 'Uus ülesanne' })).toBeVisible();
  await sizes(manager, '/ulesanded/uus', 'et');
});
