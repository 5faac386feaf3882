// Small helpers for benchmarks: they print figures, they never assert (performance is measured, not tested).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function tempFile(name: string): string {
  return join(mkdtempSync(join(tmpdir(), 'rapor-bench-')), name);
}

export interface Timing {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  /** This process's CPU time per request (user + system), where measured: a busy machine stretches wall time, not this. */
  cpuMean?: number;
}

export async function timeIt(count: number, fn: () => Promise<unknown>, warmup = 20): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
  return { count, p50: at(0.5), p95: at(0.95), p99: at(0.99), mean: samples.reduce((a, b) => a + b, 0) / count };
}

export const ms = (x: number) => `${x.toFixed(2)} ms`;

/**
 * Like timeIt, for requests that may take seconds: at most `count` samples, stopping once `budgetMs` is spent (after
 * at least `min` samples), so a slow peer at 10 M responses costs a bounded time.
 */
export async function timeWithin(count: number, budgetMs: number, fn: () => Promise<unknown>, warmup = 2, min = 3): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  const started = performance.now();
  while (samples.length < count && (samples.length < min || performance.now() - started < budgetMs)) {
    const start = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
  return { count: samples.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), mean: samples.reduce((a, b) => a + b, 0) / samples.length };
}

/**
 * Times several alternatives of one request in turns (`blocks` rounds, each running every alternative count/blocks
 * times), so that a busy machine's slow moments fall on all of them alike and their ratios stay fair.
 */
export async function timeInterleaved(count: number, fns: (() => Promise<unknown>)[], blocks = 10, warmup = 20): Promise<Timing[]> {
  for (const fn of fns) for (let i = 0; i < warmup; i++) await fn();
  const samples: number[][] = fns.map(() => []);
  const cpu = fns.map(() => 0);
  for (let b = 0; b < blocks; b++) {
    for (const [k, fn] of fns.entries()) {
      for (let i = 0; i < Math.ceil(count / blocks); i++) {
        const cpuStart = process.cpuUsage();
        const start = process.hrtime.bigint();
        await fn();
        samples[k]!.push(Number(process.hrtime.bigint() - start) / 1e6);
        const used = process.cpuUsage(cpuStart);
        cpu[k]! += (used.user + used.system) / 1000;
      }
    }
  }
  return samples.map((s, k) => {
    s.sort((a, b) => a - b);
    const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
    return { count: s.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), mean: s.reduce((a, b) => a + b, 0) / s.length, cpuMean: cpu[k]! / s.length };
  });
}
