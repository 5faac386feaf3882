// Slow and idle clients over raw sockets, for the fuzz suite over real HTTP and the slow-body benchmark (issue 24 F1):
// bodies that declare a length and trickle or stop, headers that never end, connections that say nothing; and a watch
// on /api/health and on the server process's resident memory while they hold.
import { readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';

/** The resident memory of a process, in MiB, from /proc/PID/status (NaN when the process is gone). */
export function rssMiB(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
  } catch {
    return Number.NaN;
  }
}

/** The soft limit on open files of this process (`ulimit -n`), from /proc/self/limits. */
export function openFileLimit(): string {
  return /Max open files\s+(\S+)/.exec(readFileSync('/proc/self/limits', 'utf8'))?.[1] ?? 'unknown';
}

export type SlowKind = 'stalled-body' | 'trickled-body' | 'slow-headers' | 'idle';

export interface SlowClients {
  /** The HTTP status of the answers received so far, counted (one per connection). */
  statuses: Map<number, number>;
  /** Connections closed (by either side). */
  closed(): number;
  close(): void;
}

/**
 * Opens `count` connections of one kind. Bodies declare `declared` bytes of JSON for a rating and send one byte (stalled)
 * or one byte a second (trickled); each claims an address of its own in X-Forwarded-For (the server trusts one proxy),
 * or all the same one (`oneAddress`).
 */
export async function openSlowClients(baseUrl: string, kind: SlowKind, count: number, options: { declared?: number; path?: string; firstAddress?: number; oneAddress?: boolean } = {}): Promise<SlowClients> {
  const url = new URL(baseUrl);
  const path = options.path ?? '/api/units/samsat-palembang-1/ratings';
  const statuses = new Map<number, number>();
  const sockets: Socket[] = [];
  const timers: NodeJS.Timeout[] = [];
  let closed = 0;
  for (let i = 0; i < count; i++) {
    const n = (options.firstAddress ?? 0) + (options.oneAddress ? 0 : i);
    const address = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
    const socket = connect(Number(url.port), url.hostname);
    socket.on('error', () => {});
    socket.on('close', () => closed++);
    // Each connection gets one answer at most (the server closes it after a refusal): its status line is counted.
    let seen: string | null = '';
    socket.on('data', (chunk: Buffer) => {
      if (seen === null) return;
      seen += chunk.toString('latin1');
      const m = /^HTTP\/1\.1 (\d{3})/.exec(seen);
      if (m) {
        statuses.set(Number(m[1]), (statuses.get(Number(m[1])) ?? 0) + 1);
        seen = null;
      }
    });
    socket.once('connect', () => {
      const head = `POST ${path} HTTP/1.1\r\nHost: ${url.host}\r\nX-Forwarded-For: ${address}\r\nContent-Type: application/json\r\nContent-Length: ${options.declared ?? 16_000}\r\n`;
      if (kind === 'idle') return;
      if (kind === 'slow-headers') {
        socket.write(head);
        const timer = setInterval(() => socket.writable && socket.write(`X-Slow-${i}: x\r\n`), 1000);
        timers.push(timer);
        return;
      }
      socket.write(`${head}\r\n{`);
      if (kind === 'trickled-body') timers.push(setInterval(() => socket.writable && socket.write(' '), 1000));
    });
    sockets.push(socket);
    // A few hundred at a time, as an attacker's loop would open them, without flooding the listen queue.
    if (i % 200 === 199) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    statuses,
    closed: () => closed,
    close: () => {
      for (const timer of timers) clearInterval(timer);
      for (const socket of sockets) socket.destroy();
    },
  };
}

export interface HealthWatch {
  /** Ends the watch: how many checks, how many failed (no 200 within 5 s), the slowest answer, and the peak RSS seen. */
  stop(): Promise<{ checks: number; failures: number; worstMs: number; peakRssMiB: number }>;
}

/** Asks /api/health one request after another (a pause of `gapMs` between), and samples the server's RSS meanwhile. */
export function watchHealth(baseUrl: string, pid: number, gapMs = 100): HealthWatch {
  let running = true;
  let checks = 0;
  let failures = 0;
  let worstMs = 0;
  let peakRssMiB = 0;
  const loop = (async () => {
    while (running) {
      peakRssMiB = Math.max(peakRssMiB, rssMiB(pid) || 0);
      const started = performance.now();
      try {
        const res = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5000) });
        await res.arrayBuffer();
        if (res.status !== 200) failures++;
      } catch {
        failures++;
      }
      worstMs = Math.max(worstMs, performance.now() - started);
      checks++;
      await new Promise((resolve) => setTimeout(resolve, gapMs));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return { checks, failures, worstMs, peakRssMiB };
    },
  };
}
