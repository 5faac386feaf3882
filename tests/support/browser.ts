// Real-browser tests: Debian's Chromium driven by playwright-core, against the real server (server/main.ts)
// started as its own process on a free port. The demo world is seeded once per test run into a template database and
// each server starts on a copy of it; the files that only read share one server and one Chromium for the whole run
// (docs/decisions/051).
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, hasChromium } from './chromium.ts';

export { CHROMIUM, hasChromium };
/** CI sets this so that a missing browser fails the suite instead of skipping it. */
export const browserRequired = process.env.RAPOR_REQUIRE_BROWSER === '1';

export function reportSkip(suite: string): void {
  if (!hasChromium) {
    const message = `[browser] ${suite}: skipped, no Chromium at ${CHROMIUM} (apt-get install chromium).`;
    if (browserRequired) throw new Error(message.replace('skipped', 'required but missing'));
    console.warn(message);
  }
}

/** A Chromium of the file's own (a file that needs what a shared one cannot give, e.g. a download's local path). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
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

/** The test run's own directory (tests/support/run-setup.ts), where the template and the shared processes live. */
// vitest's inject() under vitest; the benchmarks (npm run bench) import these helpers outside it, where importing
// vitest throws: they get a directory of their own per process.
const inject = process.env.VITEST ? (await import('vitest')).inject : null;
let benchDir: string | undefined;

function runDir(): string {
  if (!inject) return (benchDir ??= mkdtempSync(join(tmpdir(), 'rapor-bench-run-')));
  const dir = inject('raporRunDir');
  if (!dir) throw new Error('no run directory: run the tests through vitest.config.ts (its globalSetup tests/support/run-setup.ts)');
  return dir;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Something made once per run by whichever file asks first, the others waiting: the first to create `name.lock` (an
 * atomic mkdir) makes it; everyone reads `file` once it exists, or the error the maker left in `name.error`.
 */
async function oncePerRun<T>(name: string, file: string, make: () => Promise<void>, read: () => T, timeoutMs = 300_000): Promise<T> {
  const dir = runDir();
  const error = join(dir, `${name}.error`);
  let maker = false;
  try {
    mkdirSync(join(dir, `${name}.lock`));
    maker = true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  if (maker) {
    try {
      await make();
    } catch (e) {
      writeFileSync(error, String((e as Error).stack ?? e));
      throw e;
    }
  }
  for (let waited = 0; !existsSync(file); waited += 200) {
    if (existsSync(error)) throw new Error(`${name} failed in another test file:\n${readFileSync(error, 'utf8')}`);
    if (waited > timeoutMs) throw new Error(`${name} not ready after ${timeoutMs / 1000} s`);
    await sleep(200);
  }
  return read();
}

/**
 * The demo world, seeded once per run as `npm start` seeds an empty database (server/startup.ts: migrate, then seedDemo),
 * in one file: every server copies it. A copy holds units, so the server does not seed it again. Under vitest it is the
 * SQLite demo template that `demoDb()` copies too (tests/support/db.ts), seeded once for both; the benchmarks seed one
 * of their own here.
 */
export async function demoTemplate(): Promise<string> {
  if (inject) return (await import('./db.ts')).sqliteDemoTemplate();
  const file = join(runDir(), 'demo-template.db');
  return oncePerRun('demo-template', file, async () => {
    // Loaded here: only the file that makes the template needs the seed.
    const [{ sql }, { connect }, { prepareDatabase }] = await Promise.all([import('kysely'), import('../../db/connect.ts'), import('../../server/startup.ts')]);
    const partial = `${file}.partial`;
    const conn = connect(partial);
    try {
      await prepareDatabase(conn, { production: false, demo: true });
      await sql`pragma wal_checkpoint(TRUNCATE)`.execute(conn.db);
    } finally {
      await conn.close();
    }
    for (const suffix of ['-wal', '-shm']) rmSync(partial + suffix, { force: true });
    renameSync(partial, file);
  }, () => file);
}

export interface RunningServer extends ServerAddress {
  /** The server process's id (its memory is in /proc/PID/status). */
  pid: number;
  /** Whether the process is still running. */
  alive(): boolean;
  /** Ends the process with a signal and waits for it (SIGKILL: a crash; nothing is flushed or closed). */
  kill(signal: NodeJS.Signals): Promise<void>;
  /** What the process printed so far (stdout and stderr). */
  output(): string;
  stop(): Promise<void>;
}

/** Where a server is reached and which SQLite file it writes (a shared server: never stopped by a test file). */
export interface ServerAddress {
  url: string;
  dbFile: string;
}

/** Spawns `server/main.ts` as `npm start` does, with the same memory limit; `log` takes its output instead of a pipe. */
function spawnServer(port: number, dbFile: string, env: Record<string, string>, log?: number): ChildProcess {
  return spawn(process.execPath, ['--max-old-space-size=96', '--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: dbFile, ...env },
    stdio: ['ignore', log ?? 'pipe', log ?? 'pipe'],
  });
}

/**
 * Starts `server/main.ts` as `npm start` does, on a copy of the run's demo template (or on the given `dbFile` as it
 * is, seeded by the server if empty; or on the database that `env.DATABASE_URL` names).
 */
export async function startServer(env: Record<string, string> = {}, options: { dbFile?: string; keepFiles?: boolean } = {}): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'rapor-browser-'));
  let dbFile = options.dbFile;
  if (!dbFile) {
    dbFile = join(dir, 'rapor.db');
    if (!env.DATABASE_URL) copyFileSync(await demoTemplate(), dbFile);
  }
  const port = await freePort();
  // Mail the server writes without SMTP (digests at its first start, decision 062) stays in its own directory.
  const child = spawnServer(port, dbFile, { RAPOR_MAIL_DIR: join(dir, 'mail'), ...env });
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
    output: () => output,
    stop: async () => {
      await kill('SIGTERM');
      if (!options.keepFiles) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Names a process the run's teardown ends (tests/support/run-setup.ts), from the moment it is spawned. */
function registerForTeardown(dir: string, name: string, pid: number): void {
  writeFileSync(join(dir, `${name}.pid`), String(pid));
}

/**
 * The run's one server for the files that only read (docs/decisions/051): default settings, on its own copy of the
 * demo template, started by the first file that asks and ended by the run's teardown. A file that writes anything
 * another file reads (a rating, a setting, a lock, a moderation) starts a server of its own instead.
 */
export async function sharedServer(): Promise<ServerAddress> {
  const dir = runDir();
  const file = join(dir, 'shared-server.json');
  return oncePerRun('shared-server', file, async () => {
    const dbFile = join(dir, 'shared-server.db');
    copyFileSync(await demoTemplate(), dbFile);
    const port = await freePort();
    // Its output goes to a file: it outlives the test file (and the worker) that started it.
    const logFile = join(dir, 'shared-server.log');
    const log = openSync(logFile, 'a');
    const child = spawnServer(port, dbFile, { RAPOR_MAIL_DIR: join(dir, 'shared-server-mail') }, log);
    closeSync(log);
    registerForTeardown(dir, 'shared-server', child.pid!);
    let exited: number | null | undefined;
    child.once('exit', (code) => (exited = code));
    for (let waited = 0; !readFileSync(logFile, 'utf8').includes('running at'); waited += 100) {
      if (exited !== undefined || waited > 90_000) throw new Error(`shared server did not start (exit ${exited}):\n${readFileSync(logFile, 'utf8')}`);
      await sleep(100);
    }
    child.unref();
    writeFileSync(`${file}.partial`, JSON.stringify({ url: `http://127.0.0.1:${port}`, dbFile, pid: child.pid }));
    renameSync(`${file}.partial`, file);
  }, () => {
    const { url, dbFile } = JSON.parse(readFileSync(file, 'utf8')) as ServerAddress;
    return { url, dbFile };
  });
}

/**
 * A connection to the run's one Chromium (tests/support/chromium-server.ts), started by the first file that asks.
 * Closing it closes the file's own contexts and pages only. (A remote browser gives no local path of a download.)
 */
export async function sharedBrowser(): Promise<Browser> {
  const dir = runDir();
  const file = join(dir, 'shared-chromium.json');
  const { wsEndpoint } = await oncePerRun('shared-chromium', file, async () => {
    const logFile = join(dir, 'shared-chromium.log');
    const log = openSync(logFile, 'a');
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/chromium-server.ts', file], { stdio: ['ignore', log, log] });
    closeSync(log);
    registerForTeardown(dir, 'shared-chromium', child.pid!);
    let exited: number | null | undefined;
    child.once('exit', (code) => (exited = code));
    for (let waited = 0; !existsSync(file); waited += 100) {
      if (exited !== undefined || waited > 60_000) throw new Error(`shared Chromium did not start (exit ${exited}):\n${readFileSync(logFile, 'utf8')}`);
      await sleep(100);
    }
    child.unref();
  }, () => JSON.parse(readFileSync(file, 'utf8')) as { wsEndpoint: string });
  return chromium.connect(wsEndpoint);
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

/** Posts the sign-in form's JSON to a running server (demo password by default), as the sign-in page does. */
export async function signInResponse(server: Pick<ServerAddress, 'url'>, email: string, password = 'rapor-demo-2026', headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${server.url}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json', origin: server.url, ...headers },
    body: JSON.stringify({ email, password }),
  });
}

/**
 * Signs in over HTTP against a running server (demo password by default; `headers` e.g. the client's address behind a
 * trusted proxy); answers the cookies it set (name=value; …), the session's first.
 */
export async function signInOverHttp(server: Pick<ServerAddress, 'url'>, email: string, password = 'rapor-demo-2026', headers: Record<string, string> = {}): Promise<string> {
  const res = await signInResponse(server, email, password, headers);
  if (res.status !== 200) throw new Error(`sign-in of ${email} answered ${res.status}: ${await res.text()}`);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]!).join('; ');
}
