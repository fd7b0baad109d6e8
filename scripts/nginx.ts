// Runs Debian's nginx with the reference configuration (deploy/nginx/toolaud.conf.template)
// in front of app instances, for the e2e suite and the load benchmark: a self-signed
// certificate made here, every path in a temporary directory, loopback ports only.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type EdgeOptions = {
  httpsPort: number;
  httpPort: number;
  upstreams: [string, string];
  serverName?: string;
  template?: string;
  /** How long nginx keeps the public register's pages (nginx time, e.g. `5m`). */
  publicCacheDelay?: string;
};
export type Edge = { origin: string; dir: string; stop: () => Promise<void> };

export function nginxBinary(): string {
  for (const candidate of ['/usr/sbin/nginx', '/usr/bin/nginx']) if (fs.existsSync(candidate)) return candidate;
  throw new Error('nginx is not installed (apt-get install nginx; npm test installs it)');
}

/** Fills ${NAME} placeholders; an unknown or missing one is an error, not an empty string. */
export function renderTemplate(template: string, values: Record<string, string>): string {
  return template
    .split('\n')
    .map((line) =>
      line.trimStart().startsWith('#')
        ? line
        : line.replace(/\$\{([A-Z0-9_]+)\}/g, (_, name: string) => {
            if (!(name in values)) throw new Error(`nginx template: no value for \${${name}}`);
            return values[name]!;
          }),
    )
    .join('\n');
}

export const escapeRegex = (s: string) => s.replace(/[.*+?^$()[\]{}|\\]/g, '\\$&');

export async function startEdge(options: EdgeOptions): Promise<Edge> {
  const serverName = options.serverName ?? 'localhost';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'toolaud-nginx-'));
  fs.chmodSync(dir, 0o755);
  for (const sub of ['cache', 'tmp']) fs.mkdirSync(path.join(dir, sub), { mode: 0o777 });
  for (const sub of ['cache', 'tmp']) fs.chmodSync(path.join(dir, sub), 0o777);
  const cert = path.join(dir, 'tls.crt');
  const key = path.join(dir, 'tls.key');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-subj',
      `/CN=${serverName}`,
      '-addext',
      `subjectAltName=DNS:${serverName},IP:127.0.0.1`,
      '-keyout',
      key,
      '-out',
      cert,
    ],
    { stdio: 'ignore' },
  );
  const publicHost = `${serverName}:${options.httpsPort}`;
  const origin = `https://${publicHost}`;
  const template = fs.readFileSync(options.template ?? path.join(process.cwd(), 'deploy', 'nginx', 'toolaud.conf.template'), 'utf8');
  const site = renderTemplate(template, {
    SERVER_NAME: serverName,
    PUBLIC_HOST: publicHost,
    PUBLIC_ORIGIN: origin,
    PUBLIC_ORIGIN_REGEX: escapeRegex(origin),
    LISTEN_HTTP: `127.0.0.1:${options.httpPort}`,
    LISTEN_HTTPS: `127.0.0.1:${options.httpsPort}`,
    TLS_CERT: cert,
    TLS_KEY: key,
    UPSTREAM_1: options.upstreams[0],
    UPSTREAM_2: options.upstreams[1],
    CACHE_DIR: path.join(dir, 'cache'),
    PUBLIC_CACHE_DELAY: options.publicCacheDelay ?? '5m',
  });
  fs.writeFileSync(path.join(dir, 'toolaud.conf'), site);
  const tmp = path.join(dir, 'tmp');
  fs.writeFileSync(
    path.join(dir, 'nginx.conf'),
    `worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 2048; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log ${dir}/access.log;
    client_body_temp_path ${tmp}/body;
    proxy_temp_path ${tmp}/proxy;
    fastcgi_temp_path ${tmp}/fastcgi;
    uwsgi_temp_path ${tmp}/uwsgi;
    scgi_temp_path ${tmp}/scgi;
    include ${dir}/toolaud.conf;
}
`,
  );
  const bin = nginxBinary();
  execFileSync(bin, ['-t', '-q', '-p', dir, '-c', path.join(dir, 'nginx.conf')], { stdio: 'inherit' });
  const child: ChildProcess = spawn(bin, ['-p', dir, '-c', path.join(dir, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'inherit'] });
  // A harness that dies takes its nginx along, never leaving it on the port.
  const orphanGuard = () => child.kill('SIGQUIT');
  process.once('exit', orphanGuard);
  for (let i = 0; ; i++) {
    const up = await fetch(`http://127.0.0.1:${options.httpPort}/`, { redirect: 'manual' }).then(
      (r) => r.status === 301,
      () => false,
    );
    if (up) break;
    if (i > 100 || child.exitCode !== null) throw new Error(`nginx did not start (see ${dir}/error.log)`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    origin,
    dir,
    stop: async () => {
      process.off('exit', orphanGuard);
      if (child.exitCode === null) {
        child.kill('SIGQUIT');
        await new Promise((r) => child.once('exit', r));
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
