// Look at what we built: signs in to a running portal (e.g. `npm run demo`) through the
// development ID-card provider and saves full-page PNGs of the given paths.
//   npx tsx scripts/screenshots.ts http://localhost:3000 37509182078 out-dir /ulesanded /intsidendid …
// A path ending in `>first` opens the first row's link of that page's table (e.g. `/dokumendid>first`).
// SCREENSHOT_LANG=en takes them in English (the language switch's cookie).
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from '../e2e/support/chromium';

const [base, personalCode, outDir, ...paths] = process.argv.slice(2);
if (!base || !personalCode || !outDir || paths.length === 0) {
  console.error('usage: screenshots.ts <portal-url> <personal-code> <out-dir> <path>...');
  process.exit(2);
}
fs.mkdirSync(outDir, { recursive: true });
const browser = await chromium.launch({ executablePath: chromiumExecutable, args: chromiumArgs });
const page = await browser.newPage({ locale: 'et-EE', timezoneId: 'Europe/Tallinn', viewport: { width: 1280, height: 900 } });
await page.goto(`${base}/sisene`);
await page.getByRole('button', { name: 'Sisene ID-kaardiga' }).click();
await page.getByLabel('Isikukood').fill(personalCode);
await page.getByRole('button', { name: 'Sisene', exact: true }).click();
await page.waitForURL((url) => url.origin === new URL(base).origin);
if (process.env.SCREENSHOT_LANG === 'en') await page.context().addCookies([{ name: 'toolaud.lang', value: 'en', url: base }]);
for (const p of paths) {
  const [pathname, then] = p.split('>');
  await page.goto(`${base}${pathname}`);
  if (then === 'first') {
    await page.locator('table tbody tr a').first().click();
    await page.waitForLoadState('networkidle');
  }
  const file = path.join(outDir, `${p.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'home'}.png`);
  await page.screenshot({ path: file, fullPage: true });
  console.log(file);
}
await browser.close();
