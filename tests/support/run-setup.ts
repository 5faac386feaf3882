// vitest globalSetup of the SQLite project (docs/decisions/051): one directory per test run, handed to every test file
// (inject('raporRunDir')). tests/support/browser.ts keeps there, created by the first file that needs them, the demo
// world's template database, and the run's one shared server and one Chromium; this ends them when the run is over.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { processAlive } from './process.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    raporRunDir: string;
  }
}

/** A process the run started for all its files: its id is in a `*.pid` file of the run directory, written at spawn. */
const SHARED = /\.pid$/;

export default function setup(project: TestProject): () => Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'rapor-run-'));
  project.provide('raporRunDir', dir);
  return async () => {
    const pids = existsSync(dir)
      ? readdirSync(dir).filter((f) => SHARED.test(f)).map((f) => Number(readFileSync(join(dir, f), 'utf8')))
      : [];
    for (const pid of pids) if (processAlive(pid)) process.kill(pid, 'SIGTERM');
    // The server closes its database and Chromium its profile before the directory goes.
    for (let waited = 0; pids.some(processAlive) && waited < 10_000; waited += 100) await new Promise((r) => setTimeout(r, 100));
    for (const pid of pids) if (processAlive(pid)) process.kill(pid, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
}
