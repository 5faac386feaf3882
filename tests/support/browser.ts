// Real-browser tests: Debian's Chromium driven by playwright-core, against the real server (server/main.ts)
// started as its own process on a free port with a fresh database.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
/** CI sets this so that a missing browser fails the suite instead of skipping it. */
export const browserRequired = process.env.RAPOR_REQUIRE_BROWSER === '1';

export function reportSkip(suite: string): void {
  if (!hasChromium) {
    const message = `[browser] ${suite}: skipped, no Chromium at ${CHROMIUM} (apt-get install chromium).`;
    if (browserRequired) throw new Error(message.replace('skipped', 'required but missing'));
    console.warn(message);
  }
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface RunningServer {
  url: string;
  dbFile: string;
  /** The server process's id (its memory is in /proc/PID/status). */
  pid: number;
  /** Whether the process is still running. */
  alive(): boolean;
  /** Ends the process with a signal and waits for it (SIGKILL: a crash; nothing is flushed or closed). */
  kill(signal: NodeJS.Signals): Promise<void>;
  stop(): Promise<void>;
}

/** Starts `server/main.ts` as `npm start` does (demo data seeded into a fresh database, or the given one reopened). */
export async function startServer(env: Record<string, string> = {}, options: { dbFile?: string; keepFiles?: boolean } = {}): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'rapor-browser-'));
  const dbFile = options.dbFile ?? join(dir, 'rapor.db');
  const port = await freePort();
  // Started as `npm start` starts it, with the same memory limit.
  const child: ChildProcess = spawn(process.execPath, ['--max-old-space-size=96', '--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: dbFile, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 90 s:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('running at')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  const kill = async (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
  };
  return {
    url: `http://127.0.0.1:${port}`,
    dbFile,
    pid: child.pid!,
    alive: () => child.exitCode === null && child.signalCode === null,
    kill,
    stop: async () => {
      await kill('SIGTERM');
      if (!options.keepFiles) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Waits until every island on the page has started (Astro drops the island's `ssr` attribute then). Before that, the
 * server's plain HTML of the page shows (docs/decisions/030): a click on it would submit the plain form natively.
 */
export async function islandsStarted(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('astro-island[ssr]') === null);
}

/**
 * Signs in through the sign-in page as a person would, once its island has hydrated: Astro drops the island's `ssr`
 * attribute then; a click before that would submit the form natively and stay on /masuk (a busy machine shows it).
 */
export async function signInOnPage(page: Page, baseUrl: string, email: string, password = 'rapor-demo-2026'): Promise<void> {
  await page.goto(`${baseUrl}/masuk`);
  await page.locator('astro-island:not([ssr])', { has: page.locator('form.login') }).waitFor();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk' }).click();
}

/** Signs in over HTTP against a running server (demo password by default); answers the session cookie (name=value). */
export async function signInOverHttp(server: RunningServer, email: string, password = 'rapor-demo-2026'): Promise<string> {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${email} answered ${res.status}: ${await res.text()}`);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}
