// How the tests (and scripts/screenshots.ts) start Debian's Chromium: headless, with no
// network of its own, and without the browser's own WebUI pages.
//
// Chromium's new headless mode is the whole browser. Each window preloads the WebUI omnibox
// popups (chrome://omnibox-popup.top-chrome/), one renderer per browser context, which the
// tests never see: measured on the e2e admin and task flows, they took 10 % of the run's CPU
// (37 of 384 s) and slowed every flow on the 2-core machine. See BENCHMARKS.md.

/**
 * The features Playwright itself disables (playwright-core's chromiumSwitches). Chromium keeps
 * only the last --disable-features switch, so ours must repeat Playwright's list: a unit test
 * (test/chromium.test.ts) compares it with the installed Playwright's.
 */
export const playwrightDisabledFeatures = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

/** The browser UI's own renderers that a headless test has no use for. */
export const unusedBrowserUi = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'];

export const chromiumExecutable = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  `--disable-features=${[...playwrightDisabledFeatures, ...unusedBrowserUi].join(',')}`,
];
