import { expect, test } from '@playwright/test';
import { makePersonalCode } from '../../lib/personal-code';
import { createStaffMember, db } from '../support/db';
import { expectAccessible, as } from '../support/fixtures';
import { expectMailTo } from '../support/mail';

test('forwarding a document to a colleague: the colleague sees who handed over what in the bell, and gets the e-mail', async ({ browser }) => {
  const sender = await createStaffMember(['specialist']);
  const colleague = await createStaffMember(['specialist']);
  const [{ email }] = (await db()`select email from staff where id = ${colleague.id}`) as unknown as [{ email: string }];
  const clientCode = makePersonalCode(`1961-0${1 + Math.floor(Math.random() * 9)}-1${Math.floor(Math.random() * 9)}`, 'male', Math.floor(Math.random() * 1000));

  const page = await as(browser, sender.personalCode);
  await page.goto('/dokumendid/uus');
  await page.getByLabel('Liik').selectOption({ label: 'Kiri' });
  await page.getByLabel('Edastamise viis').selectOption({ label: 'E-post' });
  await page.getByLabel('Kliendi isikukood').fill(clientCode);
  await page.getByLabel('Eesnimi').fill('Ants');
  await page.getByLabel('Perekonnanimi').fill('Kübar');
  await page.getByLabel('Pealkiri / sisu').fill('Küsimus hooldajatoetuse kohta');
  await page.getByLabel('Osakond').selectOption({ label: 'Klienditeeninduse osakond' });
  await page.getByRole('button', { name: 'Registreeri', exact: true }).click();
  const registered = page.getByText(/Dokument on registreeritud numbriga \S+\./);
  await expect(registered).toBeVisible();
  const number = /numbriga (\S+)\./.exec((await registered.textContent()) ?? '')![1]!;

  await page
    .locator('summary')
    .filter({ hasText: /^Edasta$/ })
    .click();
  await page.getByLabel('Osakond', { exact: true }).selectOption({ label: 'Klienditeeninduse osakond' });
  await page.getByLabel('Vastutav täitja').selectOption({ label: colleague.name });
  await page.getByLabel('Märkus').first().fill('Palun vasta kliendile');
  await page.getByRole('button', { name: 'Edasta' }).click();
  // The registrar keeps the document (same unit), so the card says it plainly.
  await expect(page.getByText(/^Dokument (\S+ )?on edastatud\.$/)).toBeVisible();

  // The colleague: the bell says who handed over what, with a link to the document.
  const other = await as(browser, colleague.personalCode);
  await other.getByRole('link', { name: /Teavitused, 1 lugemata/ }).click();
  const notice = other.getByRole('listitem').filter({ hasText: number });
  await expect(
    notice.getByRole('heading', { name: new RegExp(`${sender.name} andis sulle üle: edastatud dokument ${number.replace('/', '\\/')}`) }),
  ).toBeVisible();
  await expect(notice.getByText('Märkus: Palun vasta kliendile')).toBeVisible();
  await expectAccessible(other);
  await notice.getByRole('link', { name: 'Ava' }).click();
  await expect(other.getByText(number).first()).toBeVisible();
  // … and the e-mail, through the outbox to the SMTP server.
  await expectMailTo([email], `${sender.name} andis sulle üle`);

  // The settings page: e-mail per kind, and the language.
  await other.goto('/teavitused/seaded');
  await other.getByLabel('Dokumendid (edastamine, jaotamine, asendamine)').selectOption('digest');
  await other.getByRole('button', { name: 'Salvesta seaded' }).click();
  await expect(other.getByText('Seaded on salvestatud.')).toBeVisible();
  await expectAccessible(other);
  const [pref] = await db()`select email from notification_preferences where staff_id = ${colleague.id} and kind = 'document'`;
  expect(pref!.email).toBe('digest');
});
