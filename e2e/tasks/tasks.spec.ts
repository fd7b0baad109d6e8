import { expect, test } from '@playwright/test';
import { auditRows, db } from '../support/db';
import { portalUrl } from '../support/env';
import { expectAccessible, followNav, as } from '../support/fixtures';
import { expectMailTo } from '../support/mail';
import { createTeam, recordAbsence } from './team';

test('a manager gives a task to two; one completes it and it is accepted; the other is away and the substitute completes it; the overview counts it', async ({
  browser,
}) => {
  test.slow(); // a long flow across several people: three times the timeout
  const { manager, members } = await createTeam(3, 'task');
  const [anne, berit, carmen] = members as [(typeof members)[0], (typeof members)[0], (typeof members)[0]];
  // Berit is on vacation; Carmen substitutes her.
  await recordAbsence(berit, carmen);
  const title = `Ooteala infotahvli kontroll ${Date.now()}`;

  // The manager gives the task to Anne and Berit.
  const boss = await as(browser, manager.personalCode);
  await boss.getByRole('navigation', { name: 'Põhimenüü' }).getByRole('link', { name: 'Ülesanded' }).click();
  await expect(boss).toHaveURL(/\/ulesanded$/);
  await boss.getByRole('link', { name: 'Uus ülesanne' }).click();
  await expect(boss).toHaveURL(/\/ulesanded\/uus$/);
  await boss.getByLabel('Pealkiri').fill(title);
  await boss.getByLabel('Kirjeldus').fill('Vaata üle, et tahvlil on uued lahtiolekuajad ja ooteaja-eesmärk.');
  await boss.getByLabel('Prioriteet').selectOption({ label: 'kõrge' });
  // Nobody chosen: the form says so before anything is sent.
  await boss.getByRole('button', { name: 'Anna ülesanne' }).click();
  await expect(boss.getByText('Vali vähemalt üks täitja.')).toBeVisible();
  await boss.getByRole('checkbox', { name: new RegExp(anne.name) }).check();
  await boss.getByRole('checkbox', { name: new RegExp(berit.name) }).check();
  // The form tells whom Berit's task goes to.
  await expect(boss.getByText(`ülesande saab ${carmen.name}`)).toBeVisible();
  await expectAccessible(boss);
  const [createRequest] = await Promise.all([
    boss.waitForRequest((req) => req.method() === 'POST' && !!req.headers()['next-action']),
    boss.getByRole('button', { name: 'Anna ülesanne' }).click(),
  ]);
  await expect(boss.getByText('Ülesanne on antud 2 inimesele.')).toBeVisible();
  await expect(boss.getByRole('link', { name: anne.name, exact: true })).toBeVisible();
  await expect(boss.getByRole('link', { name: `${carmen.name} (asendamine: ${berit.name} on eemal)` })).toBeVisible();
  await expectAccessible(boss);

  // Both hear of it by e-mail through the outbox worker: Anne, and Carmen for Berit.
  await expectMailTo([anne.email, carmen.email], title);

  // A specialist posting the very same server action is refused, and nothing is written.
  const anneSession = await as(browser, anne.personalCode);
  const replay = await anneSession.request.post(`${portalUrl}/ulesanded/uus`, {
    headers: {
      'next-action': createRequest.headers()['next-action']!,
      'content-type': createRequest.headers()['content-type']!,
      accept: 'text/x-component',
      origin: portalUrl,
    },
    data: createRequest.postDataBuffer()!,
  });
  expect(await replay.text()).toContain('errors.forbidden');
  const [created] = await db()`select count(*)::int as n from tasks where title = ${title}`;
  expect(created!.n).toBe(2);
  expect(await auditRows({ action: 'task.create', actorCode: anne.personalCode })).toEqual([expect.objectContaining({ outcome: 'denied' })]);

  // Anne finds it on her desk, starts it and reports it done; a result is required.
  await anneSession.goto('/');
  await expect(anneSession.getByRole('heading', { name: 'Mind ootab' })).toBeVisible();
  await expectAccessible(anneSession);
  await anneSession.getByRole('link', { name: title }).click();
  await expect(anneSession).toHaveURL(/\/ulesanded\/[0-9a-f-]{36}$/);
  await expect(anneSession.getByRole('heading', { name: title })).toBeVisible();
  await anneSession.getByRole('button', { name: 'Võta töösse' }).click();
  await expect(anneSession.getByText('Ülesanne on töös.')).toBeVisible();
  await anneSession.getByRole('button', { name: 'Märgi tehtuks' }).click();
  await expect(anneSession.getByText('Kirjuta tulemus: mis sai tehtud.')).toBeVisible();
  await anneSession.getByLabel('Tulemus').fill('Tahvel on korras, lahtiolekuajad uuendatud.');
  await anneSession.getByRole('button', { name: 'Märgi tehtuks' }).click();
  await expect(anneSession.getByText('Ülesanne on märgitud tehtuks ja ootab juhi kinnitust.')).toBeVisible();
  await expectAccessible(anneSession);

  // Carmen substitutes Berit: the header says so, Berit's task is in her list, and she completes it.
  const carmenSession = await as(browser, carmen.personalCode);
  await expect(carmenSession.getByRole('link', { name: `Asendad: ${berit.name}` })).toBeVisible();
  const row = carmenSession.getByRole('row', { name: new RegExp(title) });
  await expect(row.getByText(`asendamine (${berit.name} eest)`)).toBeVisible();
  await expectAccessible(carmenSession);
  await row.getByRole('link', { name: title }).click();
  await expect(carmenSession).toHaveURL(/\/ulesanded\/[0-9a-f-]{36}$/);
  await expect(carmenSession.getByText(`asendamine (${berit.name} eest)`)).toBeVisible();
  await carmenSession.getByLabel('Tulemus').fill('Berit on eemal; kontrollisin mina, kõik korras.');
  await carmenSession.getByRole('button', { name: 'Märgi tehtuks' }).click();
  await expect(carmenSession.getByText('Ülesanne on märgitud tehtuks ja ootab juhi kinnitust.')).toBeVisible();

  // The manager accepts Anne's result.
  await boss.goto('/ulesanded/antud?olek=awaiting');
  await expect(boss.getByRole('heading', { name: 'Ülesanded' })).toBeVisible();
  await expectAccessible(boss);
  await boss
    .getByRole('row', { name: new RegExp(anne.name) })
    .getByRole('link', { name: title })
    .click();
  await expect(boss).toHaveURL(/\/ulesanded\/[0-9a-f-]{36}$/);
  await expect(boss.getByText('Tahvel on korras, lahtiolekuajad uuendatud.', { exact: true })).toBeVisible();
  await boss.getByRole('button', { name: 'Kinnita' }).click();
  await expect(boss.getByText('Ülesanne on kinnitatud.')).toBeVisible();
  await expectAccessible(boss);

  // The overview: Anne done on time, Carmen's awaiting acceptance, Berit away with Carmen holding her work.
  await followNav(boss, 'Ülevaade', 'Meeskond');
  await expect(boss).toHaveURL(/\/ulevaade$/);
  await expect(boss.getByRole('heading', { name: 'Meeskonna ülevaade' })).toBeVisible();
  await expect(boss.getByRole('link', { name: `Tehtud õigel ajal: ${anne.name}: 1` })).toBeVisible();
  await expect(boss.getByRole('link', { name: `Ootavad kinnitust: ${carmen.name}: 1` })).toBeVisible();
  await expect(boss.getByRole('link', { name: `Avatud ülesanded: ${berit.name}: 0` })).toBeVisible();
  await expect(boss.getByRole('row', { name: new RegExp(`${berit.name}.*puhkus.*${carmen.name}`) })).toBeVisible();
  await expectAccessible(boss);
  // A number leads to the list it counts.
  await boss.getByRole('link', { name: `Ootavad kinnitust: ${carmen.name}: 1` }).click();
  await expect(boss).toHaveURL(/\/ulesanded\/antud\?taitja=.*olek=awaiting/);
  await expect(boss.getByRole('row', { name: new RegExp(`${title}.*${carmen.name}`) })).toBeVisible();
});

test('recording an absence: a substitute circle is refused with a clear message, then saved without it', async ({ browser }) => {
  const { members } = await createTeam(2, 'abs');
  const [anne, berit] = members as [(typeof members)[0], (typeof members)[0]];
  await recordAbsence(anne, berit);

  const page = await as(browser, berit.personalCode);
  await expect(page.getByRole('link', { name: `Asendad: ${anne.name}` })).toBeVisible();
  await followNav(page, 'Puudumised', 'Veel');
  await expect(page).toHaveURL(/\/puudumised$/);
  await expect(page.getByRole('heading', { name: 'Puudumised ja asendamine' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Keda ma asendan' }).getByText(anne.name)).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Põhjus').selectOption({ label: 'koolitus' });
  await page.getByLabel('Asendaja').selectOption({ label: anne.name });
  await page.getByRole('button', { name: 'Salvesta puudumine' }).click();
  await expect(page.getByText(`Asendamine läheks ringiga tagasi: ${berit.name} → ${anne.name} → ${berit.name}. Vali teine asendaja.`)).toBeVisible();
  await expectAccessible(page);
  const [none] = await db()`select count(*)::int as n from absences where staff_id = ${berit.id}`;
  expect(none!.n).toBe(0);

  await page.getByLabel('Asendaja').selectOption({ value: '' });
  await page.getByRole('button', { name: 'Salvesta puudumine' }).click();
  await expect(page.getByText('Puudumine on salvestatud.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Minu puudumised' }).getByText('koolitus')).toBeVisible();
});

test('an improvement proposal goes to the manager, who answers; the author sees the answer', async ({ browser }) => {
  const { manager, members } = await createTeam(1, 'prop');
  const author = members[0]!;
  const title = `Ooteala ekraan ${Date.now()}`;
  const page = await as(browser, author.personalCode);
  await page.goto('/ettepanekud');
  await expect(page.getByRole('heading', { name: 'Parendusettepanekud' })).toBeVisible();
  await page.getByLabel('Pealkiri').fill(title);
  await page.getByLabel('Ettepanek', { exact: true }).fill('Teise korruse ootealas ei näe kliendid järjekorranumbrit.');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Saada juhile' }).click();
  await expect(page.getByText('Ettepanek on saadetud sinu juhile.')).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(`${title}.*ootab vastust`) })).toBeVisible();

  const boss = await as(browser, manager.personalCode);
  const onDesk = boss.getByRole('row', { name: new RegExp(title) });
  await expect(onDesk.getByText(`esitas ${author.name}`)).toBeVisible();
  await onDesk.getByRole('link', { name: title }).click();
  await expect(boss).toHaveURL(/\/ettepanekud\/[0-9a-f-]{36}$/);
  await boss.getByLabel('Otsus').selectOption({ label: 'tagasi lükatud' });
  await boss.getByRole('button', { name: 'Salvesta vastus' }).click();
  await expect(boss.getByText('Tagasi lükates kirjuta põhjus.')).toBeVisible();
  await boss.getByLabel('Vastus (tagasi lükates kohustuslik)').fill('Ekraan on juba tellitud järgmiseks aastaks.');
  await boss.getByRole('button', { name: 'Salvesta vastus' }).click();
  await expect(boss.getByText('Vastus on salvestatud ja esitajale teatatud.')).toBeVisible();
  await expectAccessible(boss);

  await page.reload();
  await page.getByRole('link', { name: title }).click();
  await expect(page).toHaveURL(/\/ettepanekud\/[0-9a-f-]{36}$/);
  await expect(page.getByText('Ekraan on juba tellitud järgmiseks aastaks.')).toBeVisible();
  await expect(page.getByText('tagasi lükatud')).toBeVisible();
});
