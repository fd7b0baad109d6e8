import { expect, test } from '@playwright/test';
import { createStaffMember, db } from '../support/db';
import { expectAccessible, people, as } from '../support/fixtures';
import { mailTextTo } from '../support/mail';
import { createTeam } from '../tasks/team';

// The words of a notification changed by the people who own them: one administrator adds the
// info line to the "new task" notice, a second reviews and publishes it, and the next task a
// manager gives reaches the bell and the e-mail with it: in Estonian, and in English for the
// colleague who reads English.

test('an administrator adds a phone line to the new-task notice, a second publishes it, and the next task’s bell and e-mails carry it', async ({ browser }) => {
  test.slow();
  const phone = `612 ${1000 + Math.floor(Math.random() * 9000)}`;
  const { manager, members } = await createTeam(2, 'ntext');
  const [anne, berit] = members as [(typeof members)[0], (typeof members)[0]];
  await db()`update staff set language = 'en' where id = ${berit.id}`;
  const reviewer = await createStaffMember(['admin']);

  // The author finds the task notices among the notification texts.
  const author = await as(browser, people.admin.code);
  await author.goto('/admin/mallid');
  const tasks = author.getByRole('region', { name: 'Teavituste tekstid' }).getByRole('listitem').filter({ hasText: 'Teavitused: ülesanded' });
  await tasks.getByRole('link', { name: 'Muuda tekste' }).click();
  await expect(author.getByRole('heading', { level: 1, name: 'Tekstid: Teavitused: ülesanded' })).toBeVisible();
  const et = author.getByLabel('Uus ülesanne: tekst: Eesti keeles');
  const en = author.getByLabel('Uus ülesanne: tekst: Inglise keeles');
  // A block offers only its own event's facts: the result of a task done is not one of them.
  await expect(author.getByRole('group', { name: 'Uus ülesanne: tekst' })).toContainText('Kohatäitjad: {manager}');
  await et.fill('{manager} andis sulle ülesande.\n\nTulemus: {result}');
  await author.getByRole('button', { name: 'Salvesta mustand' }).click();
  await expect(author.getByRole('alert').filter({ hasText: 'Teksti ei salvestatud' })).toContainText(
    'Uus ülesanne: tekst (Eesti keeles), rida 3: tundmatu kohatäitja {result}',
  );

  await et.fill(`{manager} andis sulle ülesande.\nKüsimuste korral helista ${phone}.`);
  await en.fill(`{manager} gave you a task.\nIf you have questions, call ${phone}.`);
  await author.getByRole('button', { name: 'Esita ülevaatamiseks' }).click();
  await expect(author.getByText('Mustand on esitatud ülevaatamiseks. Selle avaldab teine administraator.')).toBeVisible();
  await expect(author.getByRole('button', { name: 'Avalda' })).toHaveCount(0);

  // The reviewer sees the difference and the preview in both languages, then publishes.
  const second = await as(browser, reviewer.personalCode);
  await second.goto('/admin/mallid/notice-task/tekstid');
  await expect(second.locator('ins').filter({ hasText: `Küsimuste korral helista ${phone}.` })).toBeVisible();
  await expect(second.getByRole('region', { name: 'Eelvaade näidisandmetega: Inglise keeles' })).toContainText(`Mari Tamm gave you a task.`);
  await expect(second.getByRole('region', { name: 'Eelvaade näidisandmetega: Inglise keeles' })).toContainText(`call ${phone}`);
  // A notice set has no PDF to preview.
  await expect(second.getByRole('link', { name: /Eelvaade \(PDF\)/ })).toHaveCount(0);
  await expectAccessible(second);
  await second.getByRole('button', { name: 'Avalda' }).click();
  await expect(second.getByRole('status').filter({ hasText: /^Versioon \d+ on avaldatud\.$/ })).toBeVisible();

  // The manager gives a task to both.
  const title = `Infoletid ooteruumis ${Date.now()}`;
  const boss = await as(browser, manager.personalCode);
  await boss.goto('/ulesanded/uus');
  await boss.getByLabel('Pealkiri').fill(title);
  await boss.getByLabel('Kirjeldus').fill('Pane ooteruumi uued infoletid.');
  await boss.getByRole('checkbox', { name: new RegExp(anne.name) }).check();
  await boss.getByRole('checkbox', { name: new RegExp(berit.name) }).check();
  await boss.getByRole('button', { name: 'Anna ülesanne' }).click();
  await expect(boss.getByText('Ülesanne on antud 2 inimesele.')).toBeVisible();

  // Anne's bell and e-mail, in Estonian, with the new line.
  const anneSession = await as(browser, anne.personalCode);
  await anneSession.goto('/teavitused');
  const notice = anneSession.getByRole('listitem').filter({ hasText: title });
  await expect(notice).toContainText(`${manager.name} andis sulle ülesande.`);
  await expect(notice).toContainText(`Küsimuste korral helista ${phone}.`);
  const anneMail = await mailTextTo(anne.email, title);
  expect(anneMail).toContain(`${manager.name} andis sulle ülesande.\nKüsimuste korral helista ${phone}.`);
  expect(anneMail).toContain('Pane ooteruumi uued infoletid.');

  // Berit reads English: her e-mail says the same in English.
  const beritMail = await mailTextTo(berit.email, title);
  expect(beritMail).toContain(`${manager.name} gave you a task.\nIf you have questions, call ${phone}.`);
  expect(beritMail).toContain('Open in Töölaud');
});
