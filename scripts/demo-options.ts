// How `npm run demo` starts its servers. The demo signs anyone in through a development
// identity provider, so it listens on loopback only unless HOST names another address
// (`HOST=0.0.0.0 npm run demo` to show it to another machine on purpose).

export const DEMO_DEFAULT_HOST = '127.0.0.1';

/** The address the demo's portal and identity provider listen on. */
export function demoBindHost(env: Record<string, string | undefined> = process.env): string {
  const host = env.HOST?.trim();
  return host ? host : DEMO_DEFAULT_HOST;
}

/** Arguments of `next start` for the demo's portal: never without an address to bind. */
export function demoNextStartArgs(port: number, env: Record<string, string | undefined> = process.env): string[] {
  return ['start', '-p', String(port), '-H', demoBindHost(env)];
}
