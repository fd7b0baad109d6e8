import { expect, type Page } from '@playwright/test';
import { signIn } from '../support/fixtures';
import { expectMailTo } from '../support/mail';

// The portal's main flows as one person at the desk does them, reusable on any base URL.
// The edge suite (edge.spec.ts, "sign in, register a document and report an incident…")
// runs them through nginx one after another. Issuing a certificate is not on this branch
// yet: when the certificate slice lands, its flow goes here as `issueCertificate` and is
// called at the line marked in that test; nothing else changes.

export type FlowContext = { page: Page; base: string };

export async function signInAt({ page, base }: FlowContext, personalCode: string) {
  await signIn(page, personalCode, base);
  await expect(page.getByRole('heading', { name: 'Minu töölaud' })).toBeVisible();
}

/** Registers an incoming letter from an institution; returns its register number. */
export async function registerLetter({ page, base }: FlowContext): Promise<string> {
  await page.goto(`${base}/dokumendid/uus`);
  await page.getByLabel('Liik').selectOption({ label: 'Kiri' });
  await page.getByLabel('Edastamise viis').selectOption({ label: 'Post' });
  await page.getByRole('radio', { name: 'Asutus' }).check();
  await page.getByLabel('Asutuse nimi').fill('Tallinna Linnavalitsus');
  await page.getByLabel('Pealkiri / sisu').fill(`Päring läbi nginxi ${Date.now()}`);
  await page.getByRole('button', { name: 'Registreeri', exact: true }).click();
  const done = page.getByText(/Dokument on registreeritud numbriga 1-1\/\d+\./);
  await expect(done).toBeVisible();
  return /1-1\/\d+/.exec((await done.textContent())!)![0];
}

/** Reports a broken ID-card reader; returns the incident number once its mail is out. */
export async function reportIncident({ page, base }: FlowContext, mailTo: string[]): Promise<string> {
  await page.goto(`${base}/intsidendid/uus`);
  await page.getByLabel('Kategooria').selectOption({ label: 'ID-kaardi lugeja' });
  await page.getByLabel('Ruum või koht').fill('Teenindussaal, laud 3');
  await page.getByRole('radio', { name: 'jah' }).check();
  await page.getByLabel('Mitut inimest probleem puudutab?').fill('1');
  await page.getByLabel('Kirjeldus').fill('Lugeja ei tunne kaarte ära, proovitud läbi nginxi.');
  await page.getByRole('button', { name: 'Saada teade' }).click();
  const created = page.getByText(/Intsidendi number on IT-\d{4}-\d{6}\./);
  await expect(created).toBeVisible();
  const number = /IT-\d{4}-\d{6}/.exec((await created.textContent())!)![0];
  await expectMailTo(mailTo, number);
  return number;
}
