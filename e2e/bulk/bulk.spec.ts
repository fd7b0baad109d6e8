import { expect, test } from '@playwright/test';
import { makePersonalCode } from '../../lib/personal-code';
import { db } from '../support/db';
import { expectAccessible, followNav, signIn } from '../support/fixtures';

const mari = '47805122004'; // customer service specialist
const HEADER = 'isikukood;nimi;aadress;taotlus;taotluse number;taotlus saabunud;dokumendid;tähtaeg;märkus';

/** Names are letters only (the population register's rule): Aa, Ab, … */
const nameOf = (i: number) => `Klient ${String.fromCharCode(65 + Math.floor(i / 26), 97 + (i % 26))} Õunapuu-Šmidt`;

/** A file of `n` clients with fresh personal codes (the e2e database is shared by parallel tests). */
function clientsCsv(n: number): { csv: string; codes: string[] } {
  const base = Math.floor(Math.random() * 800);
  const codes = Array.from({ length: n }, (_, i) => makePersonalCode(`1961-0${1 + (i % 9)}-1${i % 10}`, i % 2 ? 'male' : 'female', base + i));
  const rows = codes.map(
    (code, i) =>
      `${code};${nameOf(i)};"Jõe tn ${i + 1}-3, 80010 Pärnu";vanaduspensioni taotlus;2-1/${700 + i};12.11.2026;Pangakonto andmed | Töötamist tõendav dokument;14.12.2026;`,
  );
  return { csv: `\uFEFF${HEADER}\r\n${rows.join('\r\n')}\r\n`, codes };
}

test('a specialist uploads a CSV of 50 clients, confirms, and the progress bar reaches 100 % with 50 registered notices', async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  const { csv, codes } = clientsCsv(50);
  const fileName = `teatised-${Date.now()}.csv`;
  await signIn(page, mari);
  await page.goto('/');
  await followNav(page, 'Kliendid');
  await expect(page).toHaveURL(/\/kliendid$/);
  await page.getByRole('link', { name: 'Teatis või tõend mitmele kliendile korraga (CSV)' }).click();
  await expect(page).toHaveURL(/\/valjasta\/hulgi$/);
  await expect(page.getByRole('heading', { name: 'Teatiste ja tõendite hulgiväljastus' })).toBeVisible();
  await expect(page.getByLabel('Mall')).toHaveValue('missing-documents-notice');
  await page.getByLabel('CSV-fail').setInputFiles({ name: fileName, mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: 'Kontrolli faili' }).click();
  await expect(page).toHaveURL(/\/valjasta\/hulgi\/[0-9a-f-]{36}$/);
  await expect(page.getByText('Fail on korras: 50 klienti.')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('bulk-validated.png'), fullPage: true });
  await expectAccessible(page);

  const started = Date.now();
  await page.getByRole('button', { name: 'Väljasta 50 dokumenti' }).click();
  const bar = page.getByRole('progressbar', { name: 'Väljastamise edenemine' });
  await expect(bar).toBeVisible();
  // The progress lives in the database: a reload shows the run where it is.
  await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 120_000 }).toBeGreaterThan(0);
  await page.reload();
  await expect(bar).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('bulk-running.png'), fullPage: true });
  await expect(bar).toHaveAttribute('aria-valuenow', '100', { timeout: 180_000 });
  const seconds = (Date.now() - started) / 1000;
  testInfo.annotations.push({ type: 'bulk-50-seconds', description: seconds.toFixed(1) });
  console.log(`bulk run of 50 notices: ${seconds.toFixed(1)} s from "Väljasta" to 100 %`);
  await expect(page.getByText('Valmis: 50 dokumenti on väljastatud ja registreeritud.')).toBeVisible();
  await expect(page.getByTestId('bulk-progress-text')).toHaveText('50 / 50 (100 %)');
  await expect(page.getByRole('cell', { name: 'Väljastatud' })).toHaveCount(50);
  await page.screenshot({ path: testInfo.outputPath('bulk-completed.png'), fullPage: true });
  await expectAccessible(page);

  // 50 distinct outgoing register documents, one per client, each issued once.
  const issued = await db()`
    select d.number, d.direction, c.personal_code from bulk_rows r
      join bulk_runs b on b.id = r.run_id
      join issued_documents i on i.id = r.issued_document_id and i.submission_id = r.id
      join documents d on d.id = i.document_id
      join clients c on c.id = i.client_id
    where b.file_name = ${fileName}`;
  expect(issued).toHaveLength(50);
  expect(new Set(issued.map((r) => r.number)).size).toBe(50);
  expect(issued.map((r) => r.personal_code).sort()).toEqual([...codes].sort());
  expect(issued.every((r) => r.direction === 'outgoing')).toBe(true);

  // The register shows one of them, and its PDF downloads.
  const first = page.getByRole('row').filter({ hasText: codes[0]! });
  const number = (await first.getByRole('link').first().textContent())!;
  const [download] = await Promise.all([page.waitForEvent('download'), first.getByRole('link', { name: 'PDF (rida 2)' }).click()]);
  expect(await download.failure()).toBeNull();
  await first.getByRole('link', { name: number }).click();
  await expect(page).toHaveURL(/\/dokumendid\/[0-9a-f-]{36}$/);
  await expect(page.getByText(number, { exact: true }).first()).toBeVisible();
  await expect(page.getByText(nameOf(0)).first()).toBeVisible();
});

test('an invalid file shows the per-row report and nothing is stored or issued', async ({ page }, testInfo) => {
  const { csv, codes } = clientsCsv(4);
  const lines = csv.split('\r\n');
  lines[2] = lines[2]!.replace(codes[1]!, codes[1]!.slice(0, 10) + String((Number(codes[1]!.slice(10)) + 1) % 10));
  lines[3] = lines[3]!.replace(nameOf(2), '<script>alert(1)</script>');
  lines[4] = lines[4]!.replace(codes[3]!, codes[0]!);
  const fileName = `vigane-${Date.now()}.csv`;
  await signIn(page, mari);
  await page.goto('/valjasta/hulgi');
  await page.getByLabel('CSV-fail').setInputFiles({ name: fileName, mimeType: 'text/csv', buffer: Buffer.from(lines.join('\r\n')) });
  await page.getByRole('button', { name: 'Kontrolli faili' }).click();
  const report = page.getByTestId('bulk-report');
  await expect(report.getByText('Failis on vigu: midagi ei väljastatud ega salvestatud')).toBeVisible();
  await expect(report.getByText('4 reast 3 on vigased.')).toBeVisible();
  const rows = report.getByRole('row');
  await expect(rows.nth(1)).toContainText('3isikukoodIsikukood ei ole korrektne');
  await expect(rows.nth(2)).toContainText('4nimiVäljal on lubamatuid märke.');
  await expect(rows.nth(3)).toContainText('5isikukoodSama isikukood on juba real 2.');
  await expect(page).toHaveURL(/\/valjasta\/hulgi$/);
  await page.screenshot({ path: testInfo.outputPath('bulk-report.png'), fullPage: true });
  await expectAccessible(page);
  expect(await db()`select id from bulk_runs where file_name = ${fileName}`).toHaveLength(0);
});
