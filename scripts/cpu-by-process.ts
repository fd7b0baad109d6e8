// Runs a command and says where the machine's CPU went meanwhile, by kind of process
// (Chromium's browser, renderers and GPU process, the portal, PostgreSQL, Playwright…).
//   npx tsx scripts/cpu-by-process.ts -- npx playwright test e2e/admin
// Reads /proc twice a second: a process that lives under half a second is missed, so the
// table is a floor, and "machine busy" (from /proc/stat) is the whole.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

const [program, ...args] = process.argv.slice(process.argv.indexOf('--') + 1);
if (!program) {
  console.error('usage: cpu-by-process.ts -- <command> [args…]');
  process.exit(2);
}
const ticks = 100; // USER_HZ on Linux

function kindOf(cmdline: string): string {
  if (cmdline.includes('/chromium')) {
    const type = /--type=([a-z-]+)/.exec(cmdline)?.[1] ?? 'browser';
    return `chromium ${type}${cmdline.includes('top-chrome-webui') ? ' (browser UI)' : ''}`;
  }
  if (/next-server|next start|scripts\/start\.mjs/.test(cmdline)) return 'portal (next)';
  if (cmdline.startsWith('postgres')) return 'postgresql';
  if (cmdline.includes('workerProcessEntry')) return 'playwright workers';
  if (cmdline.includes('playwright')) return 'playwright runner';
  if (cmdline.includes('scripts/worker.ts')) return 'outbox worker';
  if (cmdline.includes('e2e/support/servers.ts')) return 'identity provider, mail catcher';
  if (cmdline.startsWith('nginx')) return 'nginx';
  return 'other';
}

const seen = new Map<string, { kind: string; cpu: number; base: number }>();
function sample() {
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const key = `${pid}/${f[19]}`;
      const cpu = (Number(f[11]) + Number(f[12])) / ticks;
      const known = seen.get(key);
      if (known) known.cpu = cpu;
      else {
        const kind = kindOf(readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' '));
        // A process that was already running counts from now on only.
        seen.set(key, { kind, cpu, base: cpu });
      }
    } catch {
      // gone meanwhile
    }
  }
}
const busy = () => {
  // The first line: "cpu  user nice system idle …" in ticks.
  const [user = 0, nice = 0, system = 0] = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/).slice(1).map(Number);
  return (user + nice + system) / ticks;
};

sample();
for (const s of seen.values()) s.kind = 'before'; // what ran before the command is not its
const busy0 = busy();
const t0 = Date.now();
const timer = setInterval(sample, 500);
const child = spawn(program, args, { stdio: 'inherit' });
child.on('exit', (code) => {
  clearInterval(timer);
  sample();
  const wall = (Date.now() - t0) / 1000;
  const byKind = new Map<string, number>();
  for (const s of seen.values()) if (s.kind !== 'before') byKind.set(s.kind, (byKind.get(s.kind) ?? 0) + s.cpu - s.base);
  console.log(
    `\nwall ${wall.toFixed(0)} s; machine busy ${(busy() - busy0).toFixed(0)} CPU-s (of ${(wall * availableParallelism()).toFixed(0)} on ${availableParallelism()} cores)`,
  );
  for (const [kind, cpu] of [...byKind].sort((a, b) => b[1] - a[1])) if (cpu >= 0.5) console.log(`${cpu.toFixed(1).padStart(8)} s  ${kind}`);
  process.exit(code ?? 1);
});
