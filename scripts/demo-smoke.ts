// Smoke test of `npm run demo` after a build: the demo starts on the embedded database
// with a fresh data directory, seeds itself, serves the sign-in page, and its development
// identity provider answers discovery. Exits non-zero on any failure.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

// A free port, so parallel runs (other worktrees, a running demo) cannot answer for us.
const port = await new Promise<number>((resolve) => {
  const probe = net.createServer().listen(0, '127.0.0.1', () => {
    const { port: p } = probe.address() as net.AddressInfo;
    probe.close(() => resolve(p));
  });
});
const dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'toolaud-demo-'));
const child = spawn(path.join('node_modules', '.bin', 'tsx'), ['scripts/demo.ts'], {
  env: { ...process.env, PORT: String(port), DATABASE_URL: '', PGLITE_DATA_DIR: path.join(dataRoot, 'pglite') },
  stdio: ['ignore', 'pipe', 'inherit'],
});
let output = '';
child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));

function check(condition: unknown, message: string) {
  if (!condition) throw new Error(message);
  console.log(`  ok  ${message}`);
}

let failed = false;
try {
  let health: { status?: string; database?: string; migrations?: number } = {};
  for (let i = 0; i < 120 && health.status !== 'ok'; i++) {
    await new Promise((r) => setTimeout(r, 500));
    health = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.json(),
      () => ({}),
    );
  }
  check(health.status === 'ok', 'health says ok');
  check(health.database === 'pglite', 'the demo runs on the embedded database (PGlite)');
  // The demo signs anyone in: it listens on loopback only (HOST unset here).
  const outside = Object.values(os.networkInterfaces())
    .flat()
    .find((a) => a && !a.internal && a.family === 'IPv4')?.address;
  if (outside) {
    const reached = await fetch(`http://${outside}:${port}/api/health/live`).then(
      () => true,
      () => false,
    );
    check(!reached, `the portal does not answer on the machine's address ${outside}`);
  }
  const journal = JSON.parse(fs.readFileSync('db/migrations/meta/_journal.json', 'utf8')) as { entries: unknown[] };
  check(health.migrations === journal.entries.length, `all ${journal.entries.length} migrations applied`);
  const signIn = await fetch(`http://localhost:${port}/sisene`).then((r) => r.text());
  const otherName = await fetch(`http://127.0.0.1:${port}/sisene`);
  check(otherName.headers.get('refresh') === `0;url=http://localhost:${port}/sisene`, 'a page opened as 127.0.0.1 is sent to the printed address');
  check(signIn.includes('Sisene ID-kaardiga'), 'the Estonian sign-in page is served');
  const discovery = (await fetch(`http://127.0.0.1:${port + 1}/.well-known/openid-configuration`).then((r) => r.json())) as { issuer: string };
  check(discovery.issuer === `http://localhost:${port + 1}`, 'the development ID-card provider answers');
  for (let i = 0; i < 20 && !output.includes('Peeter Põder'); i++) await new Promise((r) => setTimeout(r, 250));
  check(output.includes('Peeter Põder') && output.includes('admin'), 'the demo prints who holds which role');
  check(fs.existsSync(path.join(dataRoot, 'pglite.lock')), 'the portal holds a lock on its data directory');
  check(fs.existsSync(path.join(dataRoot, 'dev-seal', 'seal.p12')), 'demo mode made its development e-seal beside the data');
} catch (error) {
  failed = true;
  console.error(`demo smoke test failed: ${(error as Error).message}\n${output}`);
} finally {
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  fs.rmSync(dataRoot, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
