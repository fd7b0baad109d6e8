// What the load benchmarks (bench-load.ts, bench-public.ts) share: readiness, stopping a
// child, percentiles, and the CPU time each part of the machine used.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A percentile of an ascending list (0 for an empty one). */
export const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

export async function waitReady(port: number, pathname = '/api/health/ready') {
  for (let i = 0; i < 240; i++) {
    if (
      await fetch(`http://127.0.0.1:${port}${pathname}`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await sleep(250);
  }
  throw new Error(`127.0.0.1:${port} did not become ready`);
}

export async function stopChild(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill(signal);
  await new Promise((r) => child.once('exit', r));
}

export type CpuParts = Record<'app' | 'postgres' | 'nginx' | 'loadgen', number>;

/**
 * CPU time used by each part (from /proc, in ms): unlike throughput, CPU per request hardly
 * changes when other work shares the machine, so two builds compare even on a busy one.
 */
export function cpuByPart(appPids: number[]): CpuParts {
  const parts = { app: 0, postgres: 0, nginx: 0, loadgen: 0 };
  const tick = 1000 / 100; // USER_HZ
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ms = (Number(fields[11]) + Number(fields[12])) * tick;
    const pid = Number(entry);
    if (appPids.includes(pid)) parts.app += ms;
    else if (pid === process.pid) parts.loadgen += ms;
    else if (comm === 'postgres') parts.postgres += ms;
    else if (comm === 'nginx') parts.nginx += ms;
  }
  return parts;
}

/** CPU ms per request of each part between two readings. */
export function cpuPerRequest(before: CpuParts, after: CpuParts, requests: number): string {
  return (Object.keys(after) as (keyof CpuParts)[]).map((k) => `${k} ${((after[k] - before[k]) / Math.max(1, requests)).toFixed(2)}`).join(', ');
}
