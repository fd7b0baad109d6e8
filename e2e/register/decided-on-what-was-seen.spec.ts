import { expect, test } from '@playwright/test';
import { makePersonalCode } from '../../lib/personal-code';
import { db } from '../support/db';
import { as } from '../support/fixtures';

// A decision on a register document is of the document as its card showed it. The manager
// opens a restricted application's card, a specialist takes it into processing meanwhile, and
// the manager's "Sulge" and "Avalikusta" from the card opened before are refused with the
// portal's own words, nothing changed; after a fresh look both go through.

const mari = '47805122004'; // customer service specialist, registers it
const tonu = '36903032213'; // customer service specialist, takes it into processing
const juri = '37509182078'; // customer service manager

const stale = 'Kirjet on vahepeal muudetud, vaata see uuesti üle. Sinu otsust ei salvestatud.';

test('the manager closes and publishes what the card showed, not a document changed since', async ({ browser }) => {
  const clientCode = makePersonalCode(`1958-0${1 + Math.floor(Math.random() * 9)}-1${Math.floor(Math.random() * 9)}`, 'male', Math.floor(Math.random() * 1000));
  const page = await as(browser, mari);
  await page.goto('/dokumendid/uus');
  await page.getByLabel('Liik').selectOption({ label: 'Pensionitaotlus' });
  await page.getByLabel('Edastamise viis').selectOption({ label: 'Post' });
  await page.getByLabel('Kliendi isikukood').fill(clientCode);
  await page.getByLabel('Eesnimi').fill('Ülo');
  await page.getByLabel('Perekonnanimi').fill('Põld');
  await page.getByLabel('Pealkiri / sisu').fill('Töövõimetuspensioni taotlus');
  await page.getByLabel('Osakond').selectOption({ label: 'Klienditeeninduse osakond' });
  await expect(page.getByLabel('Asutusesiseseks kasutamiseks (juurdepääsupiirang)')).toBeChecked();
  await page.getByRole('button', { name: 'Registreeri', exact: true }).click();
  await expect(page.getByText(/Dokument on registreeritud numbriga 2-1\/\d+\./)).toBeVisible();
  const documentUrl = page.url().replace(/\?.*$/, '');
  const id = /\/dokumendid\/([0-9a-f-]{36})/.exec(documentUrl)![1]!;

  // The manager opens the card.
  const manager = await as(browser, juri);
  await manager.goto(documentUrl);
  await expect(manager.getByRole('button', { name: 'Sulge' })).toBeVisible();

  // Meanwhile a specialist takes it into processing.
  const colleague = await as(browser, tonu);
  await colleague.goto(documentUrl);
  await colleague.getByRole('button', { name: 'Võta menetlusse' }).click();
  await expect(colleague.getByText('Olek on muudetud.')).toBeVisible();

  // From the card as it was: refused, nothing changed.
  await manager.getByRole('button', { name: 'Sulge' }).click();
  await expect(manager.getByText(stale)).toBeVisible();
  manager.once('dialog', (dialog) => void dialog.accept());
  await manager.getByRole('button', { name: 'Avalikusta pealkiri avalikus registris' }).click();
  await expect(manager.getByText(stale)).toHaveCount(2);
  const [before] = await db()`select status, public_since from documents where id = ${id}`;
  expect(before).toMatchObject({ status: 'in_progress', public_since: null });

  // Looked at again, the manager's decisions are of what the card now shows.
  await manager.reload();
  await expect(manager.getByText('menetluses').first()).toBeVisible();
  manager.once('dialog', (dialog) => void dialog.accept());
  await manager.getByRole('button', { name: 'Avalikusta pealkiri avalikus registris' }).click();
  // The card says since when the title is public (the button and its message go with the refresh).
  await expect(manager.getByText(/Pealkiri on avalikus dokumendiregistris nähtav alates \d{2}\.\d{2}\.\d{4}\./)).toBeVisible();
  await manager.getByRole('button', { name: 'Sulge' }).click();
  await expect(manager.getByText('Olek on muudetud.')).toBeVisible();
  const [after] = await db()`select status, public_since from documents where id = ${id}`;
  expect(after!.status).toBe('closed');
  expect(after!.public_since).not.toBeNull();
});
