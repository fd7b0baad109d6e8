import { expect, test, type Browser, type Page } from '@playwright/test';
import { createStaffMember, db } from '../support/db';
import { signIn } from '../support/fixtures';

// Taking a ticket is a decision on the ticket as the page showed it: two IT support people
// open the same new ticket, one takes it, and the other's "Võta enda peale" from the page
// opened before is refused with the portal's own words; looked at again, it goes through.

async function signedInPage(browser: Browser, code: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, code);
  return page;
}

test('a ticket taken by a colleague meanwhile is not taken from the old page; after a fresh look it is', async ({ browser }) => {
  const reporter = await createStaffMember(['specialist']);
  const [first, second] = [await createStaffMember(['it_support']), await createStaffMember(['it_support'])];
  const page = await signedInPage(browser, reporter.personalCode);
  await page.goto('/intsidendid/uus');
  await page.getByLabel('Kategooria').selectOption({ label: 'printer' });
  await page.getByLabel('Ruum või koht').fill('Teenindussaal, laud 4');
  await page.getByRole('radio', { name: 'ei', exact: true }).check();
  await page.getByLabel('Mitut inimest probleem puudutab?').fill('1');
  await page.getByLabel('Kirjeldus').fill('Printer ei võta paberit, tuli vilgub oranžilt.');
  await page.getByRole('button', { name: 'Saada teade' }).click();
  const created = page.getByText(/Intsidendi number on IT-\d{4}-\d{6}\./);
  await expect(created).toBeVisible();
  const number = /IT-\d{4}-\d{6}/.exec((await created.textContent())!)![0];

  // Both open the new ticket.
  const a = await signedInPage(browser, first.personalCode);
  const b = await signedInPage(browser, second.personalCode);
  await a.goto(`/intsidendid/${number}`);
  await b.goto(`/intsidendid/${number}`);
  await expect(b.getByRole('button', { name: 'Võta enda peale' })).toBeVisible();

  await a.getByRole('button', { name: 'Võta enda peale' }).click();
  await expect(a.getByText('Intsident on sinu peal.')).toBeVisible();

  // The second one's page still offers it; their click is refused and nothing changes.
  await b.getByRole('button', { name: 'Võta enda peale' }).click();
  await expect(b.getByText('Kirjet on vahepeal muudetud, vaata see uuesti üle. Sinu otsust ei salvestatud.')).toBeVisible();
  const [ticket] = await db()`select assignee_id, status from incidents where number = ${number}`;
  expect(ticket).toMatchObject({ assignee_id: first.id, status: 'in_progress' });
  expect(await db()`select 1 from audit_log where action = 'incident.take' and actor_code = ${second.personalCode}`).toHaveLength(0);

  // Looked at again (the page now names who has it), they may still take it over.
  await b.reload();
  await expect(b.getByText(first.name).first()).toBeVisible();
  await b.getByRole('button', { name: 'Võta enda peale' }).click();
  await expect(b.getByText('Intsident on sinu peal.')).toBeVisible();
  const [after] = await db()`select assignee_id from incidents where number = ${number}`;
  expect(after!.assignee_id).toBe(second.id);
});
