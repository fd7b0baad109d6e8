import { expect, test } from '@playwright/test';
import { makePersonalCode } from '../../lib/personal-code';
import { db } from '../support/db';
import { expectAccessible, signIn } from '../support/fixtures';

const mari = '47805122004'; // customer service, Tallinn

/** A one-page PDF with `lines` of text in Helvetica, as a scanner's OCR layer would carry them. */
function textPdf(lines: string[]): Buffer {
  const content = ['BT', '/F1 14 Tf', '72 760 Td', '18 TL', ...lines.map((l) => `(${l.replace(/[()\\]/g, '\\$&')}) '`), 'ET'].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(content)} >>\nstream\n${content}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf);
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

test('a registered scan is read in the page: its text, its pages and zoom, without downloading it', async ({ page }) => {
  test.setTimeout(180_000);
  const token = `Avaldus ${Date.now().toString(36).toUpperCase()}`;
  const clientCode = makePersonalCode(`1961-0${1 + Math.floor(Math.random() * 9)}-1${Math.floor(Math.random() * 9)}`, 'male', Math.floor(Math.random() * 1000));
  const scan = { name: 'avaldus.pdf', mimeType: 'application/pdf', buffer: textPdf([token, 'Palun maarata mulle toetus.', 'Lugupidamisega, Kalev Kask']) };

  await signIn(page, mari);
  await page.goto('/dokumendid/uus');
  await page.getByLabel('Liik').selectOption({ label: 'Avaldus' });
  await page.getByLabel('Edastamise viis').selectOption({ label: 'E-post' });
  await page.getByLabel('Kliendi isikukood').fill(clientCode);
  await page.getByLabel('Eesnimi').fill('Kalev');
  await page.getByLabel('Perekonnanimi').fill('Kask');
  await page.getByLabel('Pealkiri / sisu').fill(token);
  await page.getByLabel('Osakond').selectOption({ label: 'Klienditeeninduse osakond' });
  await page.getByLabel('Vastutav täitja').selectOption({ label: 'Mari Tamm' });
  await page.getByLabel(/Skaneeringud/).setInputFiles(scan);
  await page.getByRole('button', { name: 'Registreeri', exact: true }).click();
  await expect(page).not.toHaveURL(/\/dokumendid\/uus$/);
  const [doc] = await db()`select id from documents where title = ${token}`;
  expect(doc).toBeTruthy();

  await page.goto(`/dokumendid/${doc!.id}`);
  const view = page.getByRole('button', { name: 'Vaata faili avaldus.pdf' });
  await expect(view).toHaveAttribute('aria-expanded', 'false');
  await view.click();
  await expect(view).toHaveAttribute('aria-expanded', 'true');
  const viewer = page.getByRole('region', { name: 'Dokument: avaldus.pdf' });
  // The scan's own text, drawn by pdf.js into the page's text layer (not a frame, not a plugin).
  await expect(viewer.locator('.textLayer')).toContainText(token);
  await expect(viewer.locator('.textLayer')).toContainText('Lugupidamisega, Kalev Kask');
  await expect(page.getByText('Lehekülg 1 / 1')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Järgmine lehekülg' })).toBeDisabled();

  // Zoom with the keyboard from inside the document, and back to the width.
  const zoom = page.getByText(/^Suurendus \d+%$/);
  const fitted = await zoom.textContent();
  await viewer.focus();
  await page.keyboard.press('+');
  await expect(zoom).not.toHaveText(fitted!);
  await page.getByRole('button', { name: 'Mahuta laiusesse' }).click();
  await expect(zoom).toHaveText(fitted!);
  await expect(viewer.locator('.textLayer')).toContainText(token);

  // The download stays.
  await expect(page.getByRole('link', { name: 'avaldus.pdf' })).toHaveAttribute('href', /\/failid\//);
  await expectAccessible(page);
});
