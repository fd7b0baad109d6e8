// Starts the development identity provider: npx tsx dev-idp/cli.ts
import { startDevIdp } from './server.ts';

const env = process.env;
const port = Number(env.DEV_IDP_PORT ?? 3001);
const host = env.DEV_IDP_HOST ?? '127.0.0.1';
// The issuer says localhost (what the browser and the portal use) while the server binds
// 127.0.0.1; if localhost resolves to ::1 on a machine, set DEV_IDP_HOST=::1 or DEV_IDP_ISSUER.
const issuer = env.DEV_IDP_ISSUER ?? `http://localhost:${port}`;
const redirectUris = (env.DEV_IDP_REDIRECT_URIS ?? 'http://localhost:3000/api/auth/callback/oidc')
  .split(',')
  .map((uri) => uri.trim())
  .filter(Boolean);

try {
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`DEV_IDP_PORT is not a valid port: ${env.DEV_IDP_PORT}`);
  const idp = await startDevIdp({
    port,
    host,
    issuer,
    clients: [
      {
        client_id: env.DEV_IDP_CLIENT_ID ?? 'toolaud-dev',
        client_secret: env.DEV_IDP_CLIENT_SECRET ?? 'toolaud-dev-secret',
        redirect_uris: redirectUris,
      },
    ],
  });
  console.log(`dev-idp: listening on ${host}:${port}, issuer ${idp.issuer}`);

  const stop = () => {
    idp.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
} catch (err) {
  console.error(`dev-idp: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
