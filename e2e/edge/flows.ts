import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { makePersonalCode } from '../../lib/personal-code';
import { db } from '../support/db';
import { signIn } from '../support/fixtures';
import { expectMailTo } from '../support/mail';

// The portal's main flows as one person at the desk does them, reusable on any base URL.
// The edge suite (edge.spec.ts, "sign in, register a document and report an incident…")
// runs them through nginx one after another.

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

/**
 * Issues a pension certificate to a new client from the client card and downloads the PDF;
 * returns its register number and the PDF's text (pdftotext), for the caller to check.
 */
export async function issueCertificate({ page, base }: FlowContext, pdfPath: string): Promise<{ number: string; text: string }> {
  const personalCode = makePersonalCode(
    `1953-0${1 + Math.floor(Math.random() * 9)}-1${Math.floor(Math.random() * 9)}`,
    'female',
    Math.floor(Math.random() * 1000),
  );
  const [client] = await db()`
    insert into clients (personal_code, given_name, family_name, address)
    values (${personalCode}, 'Malle', 'Kõrvits-Žukova', 'Tartu mnt 2-5, 10145 Tallinn') returning id`;
  await page.goto(`${base}/kliendid/${client!.id}`);
  await expect(page.getByRole('heading', { name: 'Malle Kõrvits-Žukova' })).toBeVisible();
  await page.getByRole('link', { name: 'Väljasta tõend/teatis' }).click();
  await expect(page).toHaveURL(/\/valjasta\?klient=/);
  await expect(page.getByLabel('Mall')).toHaveValue('benefit-certificate');
  await expect(page.getByLabel('Isikukood')).toHaveValue(personalCode);
  await page.getByLabel('Pension või toetus').selectOption('old-age-pension');
  await page.getByLabel('Periood alates').fill('2021-03-01');
  await page.getByLabel('Summa kuus (€)').fill('987,65');
  await page.getByLabel('Esitamiseks (kellele)').fill('Tartu Linnavalitsusele');
  // The signer is prefilled from the signed-in person; a test colleague has no job title.
  const signer = page.getByRole('group', { name: 'Allkirjastaja' });
  await signer.getByLabel('Nimi').fill('Malle Testija');
  await signer.getByLabel('Ametinimetus').fill('klienditeenindaja');
  await page.getByRole('button', { name: 'Väljasta', exact: true }).click();
  const issued = page.getByText(/Dokument on väljastatud ja registreeritud numbriga/);
  await expect(issued).toBeVisible();
  const number = /numbriga (\S+)\.$/.exec((await issued.textContent()) ?? '')![1]!;
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Laadi alla PDF' }).click()]);
  await download.saveAs(pdfPath);
  expect(fs.readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');
  const text = execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' });
  return { number, text };
}
