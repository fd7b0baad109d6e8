import { expect, test } from '@playwright/test';
import { pdfText } from '../../test/pdf';
import { expectAccessible, people, signIn, followNav } from '../support/fixtures';

// The templates page and its sample PDFs, rendered by the PDF worker inside `next start`.

const titles = [
  'Tõend pensioni või toetuse saamise kohta',
  'Teatis riikliku pensionikindlustuse registri andmete kohta',
  'Puuduvate dokumentide teatis',
  'Vastuskiri',
  'Koopia kinnitamise leht („Koopia õige”)',
];

test('an administrator sees every template with its version and opens a sample PDF', async ({ page }) => {
  await signIn(page, people.admin.code);
  await followNav(page, 'Dokumendipõhjad', 'Haldus');
  await expect(page.getByRole('heading', { level: 1, name: 'Dokumendipõhjad' })).toBeVisible();
  for (const title of titles) {
    const card = page.getByRole('region', { name: title });
    await expect(card).toBeVisible();
    // The texts' version in force: other tests publish new versions of some templates.
    await expect(card.getByText(/^Versioon \d+$/)).toBeVisible();
  }
  await expectAccessible(page);

  const certificate = page.getByRole('region', { name: titles[0] });
  await expect(certificate.getByRole('link', { name: 'Näidis: inglise keeles' })).toHaveAttribute('href', '/admin/mallid/benefit-certificate/naidis?keel=en');
  const href = await certificate.getByRole('link', { name: 'Näidis: eesti keeles' }).getAttribute('href');
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/pdf');
  const text = pdfText(await response.body());
  expect(text).toContain('NÄIDIS');
  expect(text).toContain('Jüri Õunapuu-Šmidt');
  expect(text).toContain('1 234,56 €');

  const english = pdfText(await (await page.request.get('/admin/mallid/benefit-certificate/naidis?keel=en')).body());
  expect(english).toContain('CERTIFICATE');
  for (const id of ['insurance-register-notice', 'missing-documents-notice', 'reply-letter', 'certified-copy']) {
    const sample = await page.request.get(`/admin/mallid/${id}/naidis`);
    expect(sample.status(), id).toBe(200);
    expect(pdfText(await sample.body()), id).toContain('2-1/1534-1');
  }
  expect((await page.request.get('/admin/mallid/no-such-template/naidis')).status()).toBe(404);
  expect((await page.request.get('/admin/mallid/reply-letter/naidis?keel=en')).status()).toBe(404);
});

test('a specialist can open neither the templates page nor a sample', async ({ page }) => {
  await signIn(page, people.specialist.code);
  await expect(page.getByRole('navigation', { name: 'Põhimenüü' }).getByRole('link', { name: 'Dokumendipõhjad' })).toHaveCount(0);
  expect((await page.goto('/admin/mallid'))!.status()).toBe(404);
  expect((await page.request.get('/admin/mallid/benefit-certificate/naidis')).status()).toBe(404);
});

test('signed out, a sample sends to the sign-in page', async ({ request }) => {
  const response = await request.get('/admin/mallid/benefit-certificate/naidis', { maxRedirects: 0 });
  expect(response.status()).toBe(303);
  expect(response.headers().location).toMatch(/\/sisene$/);
});
