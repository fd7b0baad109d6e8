// One place for the e2e topology: the development identity provider, the portal, and a
// second portal instance on the same database with a short idle limit (for the session
// timeout test; it also proves instances share nothing but the database).
export const E2E = {
  idpPort: Number(process.env.E2E_IDP_PORT ?? 3910),
  portalPort: Number(process.env.E2E_PORTAL_PORT ?? 3911),
  shortPortalPort: Number(process.env.E2E_SHORT_PORTAL_PORT ?? 3912),
  readyPort: Number(process.env.E2E_READY_PORT ?? 3913),
  // The production edge: nginx with TLS (deploy/nginx) over two `npm start` instances.
  edgeHttpsPort: Number(process.env.E2E_EDGE_HTTPS_PORT ?? 3915),
  edgeHttpPort: Number(process.env.E2E_EDGE_HTTP_PORT ?? 3916),
  edgeInstancePorts: [Number(process.env.E2E_EDGE_APP1_PORT ?? 3917), Number(process.env.E2E_EDGE_APP2_PORT ?? 3918)] as const,
  /** Incident reports one person may send through the edge in an hour (the rate-limit test). */
  edgeIncidentLimit: 2,
  shortIdleSeconds: 10,
  clientId: 'toolaud-e2e',
  clientSecret: 'toolaud-e2e-secret-not-for-production',
  authSecret: 'e2e-only-secret-0123456789abcdef0123456789abcdef',
};

export const idpUrl = `http://localhost:${E2E.idpPort}`;
export const portalUrl = `http://localhost:${E2E.portalPort}`;
export const shortPortalUrl = `http://localhost:${E2E.shortPortalPort}`;
export const edgeUrl = `https://localhost:${E2E.edgeHttpsPort}`;

/** The e2e database: its own database on the test cluster, never a shared or remote one. */
export function e2eDatabaseUrl(): string {
  const admin = process.env.TEST_PG_URL;
  if (!admin) throw new Error('e2e needs TEST_PG_URL (a local PostgreSQL server); `npm test` starts one');
  const url = new URL(admin);
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(url.hostname)) {
    throw new Error(`refusing to run e2e against a non-local database (${url.hostname})`);
  }
  url.pathname = '/toolaud_e2e';
  return url.toString();
}
