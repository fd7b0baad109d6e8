import { expect, test, type Browser, type BrowserContext, type Page, type Response } from '@playwright/test';
import { createStaffMember, db } from '../support/db';
import { E2E, edgeUrl } from '../support/env';
import { expectAccessible, people } from '../support/fixtures';
import { issueCertificate, registerLetter, reportIncident, signInAt } from './flows';

// The portal as production runs it: nginx with TLS (deploy/nginx, self-signed here) over
// two `npm start` instances and one outbox worker, all on one PostgreSQL database.

type Seen = { instances: Set<string>; documents: Response[] };

async function edgeContext(browser: Browser): Promise<{ context: BrowserContext; page: Page; seen: Seen }> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true, baseURL: edgeUrl });
  const seen: Seen = { instances: new Set(), documents: [] };
  context.on('response', (response) => {
    if (!response.url().startsWith(edgeUrl)) return;
    const instance = response.headers()['x-toolaud-instance'];
    if (instance) seen.instances.add(instance);
    if (response.request().resourceType() === 'document') seen.documents.push(response);
  });
  // Any CSP violation on any page is recorded and fails the test.
  await context.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return { context, page: await context.newPage(), seen };
}

async function expectNoCspViolations(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
}

/** The headers every page must carry, as the browser received them through nginx. */
async function expectSecurityHeaders(response: Response) {
  const h = await response.allHeaders();
  const where = new URL(response.url()).pathname;
  const csp = h['content-security-policy'] ?? '';
  const scriptSrc =
    csp
      .split(';')
      .map((d) => d.trim())
      .find((d) => d.startsWith('script-src')) ?? '';
  expect(scriptSrc, where).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
  expect(scriptSrc, where).not.toContain('unsafe-inline');
  expect(scriptSrc, where).not.toContain('unsafe-eval');
  expect(csp, where).toContain("frame-ancestors 'none'");
  expect(h['strict-transport-security'], where).toMatch(/max-age=\d{7,}/);
  expect(h['x-content-type-options'], where).toBe('nosniff');
  expect(h['referrer-policy'], where).toBe('same-origin');
  expect(h['cache-control'], where).toContain('no-store');
  expect(h['x-request-id'], where).toBeTruthy();
  expect(h['server'] ?? '', where).not.toMatch(/\d/); // no nginx version
}

test('plain http is sent to https', async ({ request }) => {
  const res = await request.get(`http://127.0.0.1:${E2E.edgeHttpPort}/dokumendid?x=1`, { maxRedirects: 0 });
  expect(res.status()).toBe(301);
  expect(res.headers()['location']).toBe(`${edgeUrl}/dokumendid?x=1`);
});

test('sign in, register a document, issue a certificate and report an incident through nginx, served by both instances', async ({ browser }, testInfo) => {
  const reporter = await createStaffMember(['specialist']);
  const { page, seen } = await edgeContext(browser);
  const flow = { page, base: edgeUrl };
  await signInAt(flow, reporter.personalCode);
  const session = (await page.context().cookies(edgeUrl)).find((c) => c.name === '__Secure-toolaud.session');
  expect(session).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax' });

  const number = await registerLetter(flow);
  const [doc] = await db()`select number, created_by from documents where number = ${number} and year = extract(year from now())`;
  expect(doc!.created_by).toBe(reporter.id);
  await expectAccessible(page);

  // The certificate is rendered, sealed and stored by whichever instance takes the POST, and
  // its PDF downloaded through nginx (possibly from the other instance).
  const certificate = await issueCertificate(flow, testInfo.outputPath('edge-certificate.pdf'));
  expect(certificate.number).toMatch(/^4-1\//);
  expect(certificate.text).toContain(certificate.number);
  expect(certificate.text).toContain('Malle Kõrvits-Žukova');
  const [issued] =
    await db()`select d.created_by from issued_documents i join documents d on d.id = i.document_id where d.number = ${certificate.number} and d.year = extract(year from now())`;
  expect(issued?.created_by).toBe(reporter.id);

  const incident = await reportIncident(flow, ['it-tugi@sotsiaalkindlustusamet.ee', 'ulle.kask@sotsiaalkindlustusamet.ee']);
  // The request id reaches the audit trail and the outbox message of that click.
  const [audit] =
    await db()`select request_id from audit_log where action = 'incident.create' and entity_id in (select id::text from incidents where number = ${incident})`;
  expect(audit?.request_id).toBeTruthy();
  const outbox = await db()`select request_id from outbox_messages where payload->>'subject' like ${'%' + incident + '%'}`;
  expect(outbox.length).toBeGreaterThan(0);
  for (const row of outbox) expect(row.request_id).toBe(audit!.request_id);

  for (let i = 0; i < 6; i++) await page.request.get('/api/health/live');
  expect([...seen.instances].sort()).toEqual(['edge-a', 'edge-b']);
  for (const response of seen.documents) await expectSecurityHeaders(response);
  await expectNoCspViolations(page);
});

test('every page carries the security headers and runs under the nonce CSP', async ({ browser }) => {
  const { page, seen } = await edgeContext(browser);
  const signInPage = await page.goto('/sisene');
  await expectSecurityHeaders(signInPage!);
  await signInAt({ page, base: edgeUrl }, people.admin.code);
  const pages = [
    '/',
    '/dokumendid',
    '/dokumendid/uus',
    '/kliendid',
    '/intsidendid',
    '/intsidendid/uus',
    '/it-tugi',
    '/teavitused',
    '/admin/tootajad',
    '/admin/tootajad/uus',
    '/admin/audit',
    '/admin/dokumendiliigid',
    '/admin/suunamine',
    '/admin/valjuvad',
    '/pole-olemas',
  ];
  for (const path of pages) {
    const response = await page.goto(path);
    await expectSecurityHeaders(response!);
    // Hydration ran, i.e. Next's scripts carried the nonce.
    await expect(page.locator('body')).toBeVisible();
    await expectNoCspViolations(page);
  }
  // nginx compresses pages for the browser (the instances leave it to nginx: next.config.js).
  expect((await page.goto('/dokumendid'))!.headers()['content-encoding']).toBe('gzip');
  const [first] = await db()`select id from documents order by registered_at desc limit 1`;
  if (first) await expectSecurityHeaders((await page.goto(`/dokumendid/${first.id}`))!);
  await expectNoCspViolations(page);
  expect(seen.instances.size).toBe(2);
  // Scripts run: the language switch is a client-side server action.
  await page.goto('/');
  await page.getByRole('button', { name: 'In English' }).click();
  await expect(page.getByRole('heading', { name: 'My desk' })).toBeVisible();
  await page.getByRole('button', { name: 'Eesti keeles' }).click();
  await expect(page.getByRole('heading', { name: 'Minu töölaud' })).toBeVisible();
  await expectNoCspViolations(page);
});

test('a server action from a foreign origin or Origin: null is refused through nginx, and changes nothing', async ({ browser }) => {
  const { page } = await edgeContext(browser);
  await signInAt({ page, base: edgeUrl }, people.specialist.code);
  const [action] = await Promise.all([
    page.waitForRequest((r) => r.method() === 'POST' && !!r.headers()['next-action']),
    page.getByRole('button', { name: 'In English' }).click(),
  ]);
  await expect(page.getByRole('heading', { name: 'My desk' })).toBeVisible();
  await page.getByRole('button', { name: 'Eesti keeles' }).click();
  await expect(page.getByRole('heading', { name: 'Minu töölaud' })).toBeVisible();
  const headers = { ...(await action.allHeaders()) };
  for (const name of Object.keys(headers)) if (name.startsWith(':') || ['cookie', 'content-length', 'host'].includes(name)) delete headers[name];
  const body = action.postDataBuffer()!;
  for (const origin of ['https://evil.example', 'null']) {
    const forged = await page.request.post('/', { headers: { ...headers, origin }, data: body, maxRedirects: 0 });
    expect(forged.status(), origin).toBe(403);
    expect(forged.headers()['set-cookie'] ?? '', origin).not.toContain('locale');
  }
  // The same call without the Next-Action header passes nginx; Next refuses the origin itself.
  const { ['next-action']: actionId, ...plain } = headers;
  expect(actionId).toBeTruthy();
  const direct = await page.request.post(`http://127.0.0.1:${E2E.edgeInstancePorts[0]}/`, {
    headers: { ...plain, 'next-action': actionId!, origin: 'https://evil.example', 'x-forwarded-host': new URL(edgeUrl).host },
    data: body,
    maxRedirects: 0,
  });
  expect(direct.status()).toBeGreaterThanOrEqual(400);
  expect(direct.headers()['set-cookie'] ?? '').not.toContain('locale');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Minu töölaud' })).toBeVisible();
});

test('an instance reached directly refuses a state-changing request without Origin', async ({ playwright }) => {
  const direct = await playwright.request.newContext({ baseURL: `http://127.0.0.1:${E2E.edgeInstancePorts[0]}` });
  const locale = await direct.post('/', {
    headers: { 'next-action': '0'.repeat(42), 'content-type': 'text/plain;charset=UTF-8', accept: 'text/x-component' },
    data: '[]',
    maxRedirects: 0,
  });
  expect(locale.status()).toBe(403);
  expect(await locale.text()).toContain('no-origin');
  expect((await direct.post('/valjasta/eelvaade', { data: {}, maxRedirects: 0 })).status()).toBe(403);
  await direct.dispose();
});

test('a person who reports too many incidents gets a plain Estonian message, and nothing is saved', async ({ browser }) => {
  const reporter = await createStaffMember(['specialist']);
  const { page } = await edgeContext(browser);
  const flow = { page, base: edgeUrl };
  await signInAt(flow, reporter.personalCode);
  for (let i = 0; i < E2E.edgeIncidentLimit; i++) await reportIncident(flow, []);
  await page.goto('/intsidendid/uus');
  await page.getByLabel('Kategooria').selectOption({ label: 'ID-kaardi lugeja' });
  await page.getByLabel('Ruum või koht').fill('Teenindussaal');
  await page.getByRole('radio', { name: 'jah' }).check();
  await page.getByLabel('Mitut inimest probleem puudutab?').fill('1');
  await page.getByLabel('Kirjeldus').fill('Kolmas teade järjest, see peab jääma saatmata.');
  await page.getByRole('button', { name: 'Saada teade' }).click();
  await expect(page.getByText('Liiga palju katseid lühikese aja jooksul.')).toBeVisible();
  expect(await db()`select 1 from incidents where reporter_id = ${reporter.id}`).toHaveLength(E2E.edgeIncidentLimit);
});

test('metrics are closed at the public door and open to a scraper with the token, by route pattern', async ({ playwright }) => {
  const api = await playwright.request.newContext({ ignoreHTTPSErrors: true });
  expect((await api.get(`${edgeUrl}/api/metrics`)).status()).toBe(404);
  const instance = `http://127.0.0.1:${E2E.edgeInstancePorts[0]}/api/metrics`;
  expect((await api.get(instance, { headers: { authorization: 'Bearer wrong-token-0123456789' } })).status()).toBe(401);
  // Round robin, while other tests use the edge too: a few, so the first instance gets one.
  for (let i = 0; i < 6; i++) await api.get(`${edgeUrl}/api/health/live`);
  const res = await api.get(instance, { headers: { authorization: 'Bearer e2e-metrics-token-0123456789' } });
  expect(res.status()).toBe(200);
  const text = await res.text();
  expect(text).toMatch(/toolaud_http_request_duration_seconds_bucket\{[^}]*route="\/api\/health\/[a-z]+"/);
  expect(text).toMatch(/toolaud_outbox_messages\{[^}]*status="pending"/);
  expect(text).toMatch(/toolaud_db_pool_connections\{[^}]*state="max"[^}]*\} 5/);
  expect(text).toContain('toolaud_server_action_errors_total');
  expect(text).toContain('toolaud_pdf_render_seconds');
  // Labels are route patterns, never ids or personal codes from the paths.
  expect(text).not.toMatch(/route="[^"]*(\d{11}|[0-9a-f]{8}-[0-9a-f]{4})/);
  for (const person of Object.values(people)) expect(text).not.toContain(person.code);
  await api.dispose();
});

test('the public register is served from nginx’s cache on the second request, per language, with its ETag', async ({ playwright }) => {
  const api = await playwright.request.newContext({ ignoreHTTPSErrors: true });
  // An address of its own, so no other test has warmed it.
  const address = `${edgeUrl}/avalik?tekst=vahem%C3%A4lu${Date.now()}`;
  const first = await api.get(address, { headers: { 'accept-language': 'et-EE,et;q=0.9' } });
  expect(first.status()).toBe(200);
  expect(first.headers()['x-cache-status']).toBe('MISS');
  expect(first.headers()['cache-control']).toMatch(/^public, max-age=\d+, stale-while-revalidate=\d+$/);
  expect(first.headers()['etag']).toBeTruthy();
  expect(await first.text()).toContain('Avalik dokumendiregister');
  const second = await api.get(address, { headers: { 'accept-language': 'et-EE,et;q=0.9' } });
  expect(second.headers()['x-cache-status']).toBe('HIT');
  expect(await second.text()).toContain('Avalik dokumendiregister');
  // Kept compressed and sent as stored; a client that takes no gzip gets the same hit unpacked.
  expect(second.headers()['content-encoding']).toBe('gzip');
  const plain = await api.get(address, { headers: { 'accept-language': 'et-EE,et;q=0.9', 'accept-encoding': 'identity' } });
  expect(plain.headers()['x-cache-status']).toBe('HIT');
  expect(plain.headers()['content-encoding']).toBeUndefined();
  expect(await plain.text()).toContain('Avalik dokumendiregister');
  // The same address in English is another entry of the cache, never the Estonian page.
  const english = await api.get(address, { headers: { 'accept-language': 'en-GB,en;q=0.9' } });
  expect(english.headers()['x-cache-status']).toBe('MISS');
  expect(await english.text()).toContain('Public document register');
  // Staff pages are never cached.
  const staffPage = await api.get(`${edgeUrl}/dokumendid`, { maxRedirects: 0 });
  expect(staffPage.headers()['x-cache-status']).toBeUndefined();
  expect(staffPage.headers()['cache-control']).toContain('no-store');
  await api.dispose();
});
