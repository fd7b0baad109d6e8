import { expect, test, type Browser, type Page } from '@playwright/test';
import { makePersonalCode } from '../../lib/personal-code';
import { createStaffMember, db } from '../support/db';
import { portalUrl } from '../support/env';
import { expectAccessible, people, signIn } from '../support/fixtures';

async function signedInPage(browser: Browser, code: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, code);
  return page;
}

const freshCode = () =>
  makePersonalCode(`1990-0${1 + Math.floor(Math.random() * 9)}-1${Math.floor(Math.random() * 9)}`, 'male', Math.floor(Math.random() * 1000));

async function fillNewStaffForm(page: Page, person: { code: string; given: string; family: string; email: string }) {
  await page.goto('/admin/tootajad/uus');
  await page.getByLabel('Isikukood').fill(person.code);
  await page.getByLabel('E-post').fill(person.email);
  await page.getByLabel('Eesnimi').fill(person.given);
  await page.getByLabel('Perekonnanimi').fill(person.family);
  await page.getByLabel('Piirkond').selectOption({ label: 'Lõuna' });
  await page.getByLabel('Esindus').selectOption({ label: 'Tartu klienditeenindus' });
  await page.getByLabel('Otsene juht').selectOption({ label: 'Ülle Kask' });
}

test('an administrator adds a staff member, who can then sign in', async ({ browser }) => {
  const admin = await signedInPage(browser, people.admin.code);
  await admin.goto('/admin/tootajad');
  await expect(admin.getByRole('heading', { name: 'Töötajad' })).toBeVisible();
  await expectAccessible(admin);

  const code = freshCode();
  await fillNewStaffForm(admin, { code, given: 'Õie', family: 'Kübarsepp', email: `oie.${code}@sotsiaalkindlustusamet.ee` });
  await expectAccessible(admin);
  await admin.getByRole('button', { name: 'Salvesta' }).click();
  await expect(admin.getByText('Töötaja on lisatud.')).toBeVisible();
  await expect(admin.getByRole('heading', { name: 'Õie Kübarsepp' })).toBeVisible();
  await expectAccessible(admin);

  const [audit] = await db()`select * from audit_log where action = 'staff.create' and subject_code = ${code}`;
  expect(audit!.actor_code).toBe(people.admin.code);
  expect(audit!.actor_role).toBe('admin');

  const newcomer = await signedInPage(browser, code);
  await expect(newcomer.getByText('Tere, Õie Kübarsepp!')).toBeVisible();
});

test('the form refuses bad input with clear messages and saves nothing', async ({ browser }) => {
  const admin = await signedInPage(browser, people.admin.code);
  await fillNewStaffForm(admin, { code: '38001085719', given: '<script>alert(1)</script>', family: 'Kask', email: 'not-an-email' });
  await admin.getByRole('button', { name: 'Salvesta' }).click();
  await expect(admin.getByText('Isikukood ei ole korrektne')).toBeVisible();
  await expect(admin.getByText('Väljal on lubamatuid märke.')).toBeVisible();
  await expect(admin.getByText('E-posti aadress ei ole korrektne.')).toBeVisible();
  // An existing person's code is caught by the server.
  await admin.getByLabel('Isikukood').fill(people.specialist.code);
  await admin.getByLabel('Eesnimi').fill('Mari');
  const email = `mari.${Date.now()}@sotsiaalkindlustusamet.ee`;
  await admin.getByLabel('E-post').fill(email);
  await admin.getByRole('button', { name: 'Salvesta' }).click();
  await expect(admin.getByText('Selle isikukoodiga töötaja on juba registris.')).toBeVisible();
  // Other tests add staff in parallel, so look for this form's rows rather than counting.
  expect(await db()`select 1 from staff where email in (${email}, 'not-an-email') or given_name like '%script%'`).toHaveLength(0);
  expect(await db()`select 1 from staff where personal_code = '38001085719'`).toHaveLength(0);
});

test('a specialist gets no staff data, and a forged server-action POST writes nothing', async ({ browser }) => {
  // Learn the action id and wire format from a real admin submission.
  const admin = await signedInPage(browser, people.admin.code);
  const code = freshCode();
  await fillNewStaffForm(admin, { code, given: 'Action', family: 'Capture', email: `capture.${code}@sotsiaalkindlustusamet.ee` });
  const [request] = await Promise.all([
    admin.waitForRequest((r) => r.method() === 'POST' && !!r.headers()['next-action']),
    admin.getByRole('button', { name: 'Salvesta' }).click(),
  ]);
  const actionId = request.headers()['next-action']!;
  await expect(admin.getByText('Töötaja on lisatud.')).toBeVisible();

  const specialist = await signedInPage(browser, people.specialist.code);
  const response = await specialist.goto('/admin/tootajad');
  expect(response!.status()).toBe(404);
  await expect(specialist.getByText(people.admin.code)).toHaveCount(0);
  const detail = await specialist.goto(`/admin/tootajad/${(await db()`select id from staff where personal_code = ${people.admin.code}`)[0]!.id}`);
  expect(detail!.status()).toBe(404);

  const forged = freshCode();
  const body = JSON.parse(request.postData()!) as [Record<string, unknown>];
  body[0] = { ...body[0], personalCode: forged, email: `forged.${forged}@sotsiaalkindlustusamet.ee`, roles: ['admin'] };
  const post = (page: Page, origin: string) =>
    page.request.post(`${portalUrl}/admin/tootajad/uus`, {
      headers: { 'next-action': actionId, 'content-type': 'text/plain;charset=UTF-8', accept: 'text/x-component', origin },
      data: JSON.stringify(body),
    });
  const refused = await post(specialist, portalUrl);
  expect(await refused.text()).toContain('errors.forbidden');
  // Even an administrator's session cannot be used from a foreign or null origin.
  for (const origin of ['null', 'https://evil.example']) {
    const csrf = await post(admin, origin);
    expect(csrf.status()).toBeGreaterThanOrEqual(400);
  }
  expect(await db()`select 1 from staff where personal_code = ${forged}`).toHaveLength(0);
  expect(await db()`select 1 from audit_log where subject_code = ${forged} and outcome = 'success'`).toHaveLength(0);
  const denied = await db()`select * from audit_log where action = 'staff.create' and outcome = 'denied' and actor_code = ${people.specialist.code}`;
  expect(denied.length).toBeGreaterThan(0);
});

test('closing a person’s access ends their session at once', async ({ browser }) => {
  const person = await createStaffMember();
  const victim = await signedInPage(browser, person.personalCode);
  await expect(victim.getByText(`Tere, ${person.name}!`)).toBeVisible();

  const admin = await signedInPage(browser, people.admin.code);
  await admin.goto(`/admin/tootajad/${person.id}`);
  await expectAccessible(admin);
  await admin.getByRole('button', { name: 'Sulge ligipääs' }).click();
  await expect(admin.getByText('Ligipääs on suletud ja seansid lõpetatud.')).toBeVisible();
  await expect(admin.getByText('suletud', { exact: true })).toBeVisible();

  await victim.reload();
  await expect(victim).toHaveURL(/\/sisene$/);
  await signIn(victim, person.personalCode);
  await expect(victim).toHaveURL(/\/keelatud/);
});
