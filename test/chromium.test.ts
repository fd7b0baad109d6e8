import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumExecutable, playwrightDisabledFeatures } from '@/e2e/support/chromium';

// Chromium keeps only the last --disable-features switch: ours replaces Playwright's own.
describe('the tests’ Chromium switches', () => {
  it('repeat every feature the installed Playwright disables', () => {
    const require = createRequire(import.meta.url);
    const bundle = readFileSync(path.join(path.dirname(require.resolve('playwright-core/package.json')), 'lib/coreBundle.js'), 'utf8');
    const list = /disabledFeatures = \[([\s\S]*?)\]/.exec(bundle)?.[1];
    expect(list, 'playwright-core no longer spells its disabled features as before: compare by hand').toBeDefined();
    const theirs = [...list!.replace(/\/\/.*$/gm, '').matchAll(/"([A-Za-z0-9]+)"/g)].map((m) => m[1]);
    expect(theirs.length).toBeGreaterThan(5);
    expect(playwrightDisabledFeatures.toSorted()).toEqual(theirs.toSorted());
  });

  it('start a browser without the omnibox popups’ renderers', async () => {
    const browser = await chromium.launch({ executablePath: chromiumExecutable, args: chromiumArgs });
    try {
      const cdp = await browser.newBrowserCDPSession();
      const page = await (await browser.newContext()).newPage();
      await page.setContent('<p>Tere</p>');
      const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { url: string }[] };
      expect(targetInfos.map((t) => t.url).filter((u) => u.startsWith('chrome://'))).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 30_000);
});
