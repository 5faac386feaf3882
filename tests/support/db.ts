// A fresh, migrated database per test, with a small world of its own (tests never depend on the demo seed unless they
// say so). RAPOR_TEST_DATABASE picks the engine: unset or "sqlite" → SQLite in memory; "pglite" → PostgreSQL in this
// process (PGlite); a postgres:// address → a new database (or, unmigrated, a new schema) on that PostgreSQL server,
// dropped when the test closes it. Migrated databases and the demo world are copies of templates built once per run
// and engine (docs/decisions/052).
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Kysely, sql } from 'kysely';
import pg from 'pg';
import { inject } from 'vitest';
import { connect, connectSqliteImage, migrateToLatest, type Connection } from '../../db/connect.ts';
import type { Database } from '../../core/schema.ts';
import { createApp } from '../../server/app.ts';
import { parseProxyTrust } from '../../server/auth/client.ts';
import { newPglite, ownPgliteDialect, pgliteDialect } from './pglite.ts';
import { processAlive } from './process.ts';

export const TEST_DATABASE = process.env.RAPOR_TEST_DATABASE?.trim() || 'sqlite';
if (!/^(sqlite|pglite|postgres(ql)?:\/\/.+)$/.test(TEST_DATABASE)) {
  throw new Error(`RAPOR_TEST_DATABASE must be "sqlite", "pglite" or a postgres:// address, not "${TEST_DATABASE}"`);
}
/** Whether the tests run on a PostgreSQL engine (PGlite or a server) rather than SQLite. */
export const ON_POSTGRES = TEST_DATABASE !== 'sqlite';

/** An empty database on the engine under test (not migrated). */
export async function freshDb(): Promise<Connection> {
  if (TEST_DATABASE === 'sqlite') return connect(':memory:');
  if (TEST_DATABASE === 'pglite') {
    const db = new Kysely<Database>({ dialect: await pgliteDialect() });
    return { db, dialect: 'postgres', location: 'pglite (memory)', close: () => db.destroy() };
  }
  const target = await freshServerSchema();
  const conn = connect(`${target.url}&pool=4`);
  return { ...conn, location: `${conn.location} ${target.schema}`, close: async () => {
    await conn.close();
    await target.drop();
  } };
}

/**
 * A DATABASE_URL for server processes started by a test: a new SQLite file in `dir`, or a new schema on the
 * PostgreSQL server under test (PGlite lives inside one process, so it cannot be shared between processes).
 */
export async function freshDatabaseUrl(dir: string): Promise<{ url: string; drop(): Promise<void> }> {
  if (TEST_DATABASE === 'pglite') throw new Error('PGlite cannot be shared between processes; run this suite on SQLite or a PostgreSQL server');
  if (TEST_DATABASE === 'sqlite') return { url: join(dir, 'rapor.db'), drop: async () => {} };
  return freshServerSchema();
}

async function freshServerSchema(): Promise<{ url: string; schema: string; drop(): Promise<void> }> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  await onServer(`create schema ${schema}`);
  const url = new URL(TEST_DATABASE);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return { url: url.toString(), schema, drop: () => onServer(`drop schema if exists ${schema} cascade`) };
}

async function onServer(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A migrated database with no rows of its own: a copy of the run's migrated template. */
export function migratedDb(): Promise<Connection> {
  return copyOf('migrated');
}

/** A copy of the seeded demo world (db/seed.ts), the suite's own: it may change it freely. */
export function demoDb(): Promise<Connection> {
  return copyOf('demo');
}

// Templates. The run's directory comes from tests/support/templates-setup.ts (vitest's globalSetup); the first process
// that needs a template builds it under a lock file while the others wait, so it is built once per run and engine.
type Template = 'migrated' | 'demo';
const run = inject('raporTemplates') ?? privateRun();

function privateRun(): { dir: string; id: string } {
  const id = randomBytes(4).toString('hex');
  const dir = join(tmpdir(), `rapor-templates-${id}`);
  mkdirSync(dir, { recursive: true });
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  return { dir, id };
}

/**
 * The demo world's SQLite template file: the one `demoDb()` copies on SQLite, and the one every real server a test starts
 * copies (tests/support/browser.ts demoTemplate()), so the run seeds the demo world once, not once per kind of copy.
 */
export function sqliteDemoTemplate(): Promise<string> {
  return template('demo', 'sqlite');
}

/** The template's file (SQLite: the database; PGlite: its data directory; a server: a marker), built if missing. */
async function template(name: Template, engine: Engine = engineName()): Promise<string> {
  const file = join(run.dir, `${engine}-${name}`);
  const lock = `${file}.lock`;
  for (;;) {
    if (existsSync(file)) return file;
    let fd: number;
    try {
      fd = openSync(lock, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holder = 0; // the builder's pid (0 while it is being written, or when the lock has just gone)
      try {
        holder = Number(readFileSync(lock, 'utf8'));
      } catch {}
      if (holder && !processAlive(holder)) rmSync(lock, { force: true });
      await new Promise((resolve) => setTimeout(resolve, 200));
      continue;
    }
    try {
      writeFileSync(fd, String(process.pid));
      const tmp = `${file}.${process.pid}`;
      await buildTemplate(name, tmp, engine);
      renameSync(tmp, file);
      return file;
    } finally {
      closeSync(fd);
      rmSync(lock, { force: true });
    }
  }
}

type Engine = 'sqlite' | 'pglite' | 'postgres';
function engineName(): Engine {
  return TEST_DATABASE === 'sqlite' || TEST_DATABASE === 'pglite' ? TEST_DATABASE : 'postgres';
}

async function buildTemplate(name: Template, file: string, engine: Engine): Promise<void> {
  const seed = async (db: Kysely<Database>) => {
    await migrateToLatest(db);
    if (name === 'demo') await (await import('../../db/seed.ts')).seedDemo(db);
  };
  if (engine === 'sqlite') {
    const conn = connect(':memory:');
    try {
      await seed(conn.db);
      await sql`vacuum into ${file}`.execute(conn.db);
    } finally {
      await conn.close();
    }
  } else if (engine === 'pglite') {
    const client = await newPglite();
    const db = new Kysely<Database>({ dialect: ownPgliteDialect(client) });
    try {
      await seed(db);
      writeFileSync(file, Buffer.from(await (await client.dumpDataDir('none')).arrayBuffer()));
    } finally {
      await db.destroy();
    }
  } else {
    const database = serverTemplateName(name);
    await onServer(`drop database if exists "${database}" with (force)`); // left by a builder that died
    await onServer(`create database "${database}"`);
    const conn = connect(databaseUrl(database));
    try {
      await seed(conn.db);
    } finally {
      await conn.close();
    }
    writeFileSync(file, database);
  }
}

/** The server's template databases are named after the run, so the run's teardown can drop them. */
function serverTemplateName(name: Template): string {
  return `tpl_${run.id}_${name}`;
}

function databaseUrl(database: string, pool?: number): string {
  const url = new URL(TEST_DATABASE);
  url.pathname = `/${database}`;
  if (pool) url.searchParams.set('pool', String(pool));
  return url.toString();
}

const images = new Map<string, Buffer>();
const dataDirs = new Map<string, Blob>();

async function copyOf(name: Template): Promise<Connection> {
  if (TEST_DATABASE === 'pglite' && name === 'migrated') {
    // A PGlite of its own takes seconds to start, several times what migrating a new schema on the shared one takes.
    const conn = await freshDb();
    await migrateToLatest(conn.db);
    return conn;
  }
  const file = await template(name);
  if (TEST_DATABASE === 'sqlite') {
    let image = images.get(file);
    if (!image) images.set(file, (image = readFileSync(file)));
    return connectSqliteImage(image);
  }
  if (TEST_DATABASE === 'pglite') {
    let dataDir = dataDirs.get(file);
    if (!dataDir) dataDirs.set(file, (dataDir = new Blob([readFileSync(file)])));
    const db = new Kysely<Database>({ dialect: ownPgliteDialect(await newPglite(dataDir)) });
    return { db, dialect: 'postgres', location: `pglite (memory, a copy of the ${name} template)`, close: () => db.destroy() };
  }
  const database = `t_${randomBytes(6).toString('hex')}`;
  await onServer(`create database "${database}" template "${readFileSync(file, 'utf8')}"`);
  const conn = connect(databaseUrl(database, 4));
  return { ...conn, close: async () => {
    await conn.close();
    await onServer(`drop database if exists "${database}" with (force)`);
  } };
}

export const FIXTURE = {
  gorontaloUnit: 'dukcapil-uji-gorontalo',
  palembangUnit: 'kecamatan-uji-plaju',
  ktp: 'perekaman-ktp-el',
  kk: 'kartu-keluarga',
};

/** Two regions' worth of units: one in WITA with two services, one in WIB with a single service. */
export async function insertFixture(db: Kysely<Database>): Promise<{ gorontaloId: string; palembangId: string }> {
  await db.insertInto('regions').values([
    { code: '75', name: 'Provinsi Gorontalo', kind: 'provinsi', timezone: 'Asia/Makassar', parent_code: null },
    { code: '7571', name: 'Kota Gorontalo', kind: 'kota', timezone: 'Asia/Makassar', parent_code: '75' },
    { code: '1671', name: 'Kota Palembang', kind: 'kota', timezone: 'Asia/Jakarta', parent_code: null },
    { code: '1671050', name: 'Kecamatan Plaju', kind: 'kecamatan', timezone: 'Asia/Jakarta', parent_code: '1671' },
  ]).execute();
  const created = '2026-01-01T00:00:00.000Z';
  await db.insertInto('units').values([
    { id: 'u-gtlo', slug: FIXTURE.gorontaloUnit, name: 'Dukcapil Uji Gorontalo', kind: 'dukcapil', region_code: '7571', address: 'Jl. Uji 1', created_at: created },
    { id: 'u-plaju', slug: FIXTURE.palembangUnit, name: 'Kecamatan Uji Plaju', kind: 'kecamatan', region_code: '1671050', address: null, created_at: created },
  ]).execute();
  await db.insertInto('services').values([
    { id: 's-ktp', unit_id: 'u-gtlo', slug: FIXTURE.ktp, name: 'Perekaman KTP-el', position: 0, is_permit: 0, sla_value: 30, sla_unit: 'minutes', sla_starts_at: 'sejak dipanggil', declared_users: 1000 },
    { id: 's-kk', unit_id: 'u-gtlo', slug: FIXTURE.kk, name: 'Kartu Keluarga', position: 1, is_permit: 1, sla_value: 1, sla_unit: 'working_days', sla_starts_at: 'sejak berkas lengkap', declared_users: 500 },
    { id: 's-leg', unit_id: 'u-plaju', slug: 'legalisasi', name: 'Legalisasi', position: 0, is_permit: 0, sla_value: null, sla_unit: null, sla_starts_at: null, declared_users: null },
  ]).execute();
  return { gorontaloId: 'u-gtlo', palembangId: 'u-plaju' };
}

export interface TestAppOptions {
  /**
   * RAPOR_TRUST_PROXY as written ("1", "loopback, 10.0.0.0/8"), or true for "loopback": requests then come from a proxy
   * at 127.0.0.1, so a test's `x-forwarded-for: <client>` makes <client> the client.
   */
  trustProxy?: boolean | string;
  /** The socket peer of every request. Default: 127.0.0.1 behind a trusted proxy, else a new address per request. */
  peer?: string;
  /**
   * Serve the real build (dist/, npx astro build first) beside the API: for the pages rendered on demand (the evidence
   * verification page, the publication kit's pages; docs/decisions/054).
   */
  site?: boolean;
}

/** The real build of the site (npx astro build). */
export const BUILT_SITE = join(dirname(new URL(import.meta.url).pathname), '..', '..', 'dist');

let residents = 0;
/** A new address for each call (198.18.0.0/15, the benchmarking range): each request its own resident. */
function newResidentAddress(): string {
  const n = residents++ % 131_072;
  return `198.${18 + (n >> 16)}.${(n >> 8) & 255}.${n & 255}`;
}

/**
 * The app on a fresh fixture database with a settable clock. `app.request` (which has no socket) is given the peer
 * address a Node server would see; pass an env of your own as its third argument to choose it.
 */
export async function testApp(now = new Date('2026-08-10T03:00:00.000Z'), options: TestAppOptions = {}) {
  const conn = await migratedDb();
  const ids = await insertFixture(conn.db);
  const clock = { now };
  const trustProxy = options.trustProxy === true ? parseProxyTrust('loopback') : options.trustProxy ? parseProxyTrust(options.trustProxy) : undefined;
  const app = createApp({ db: conn.db, now: () => clock.now, trustProxy, distDir: options.site ? BUILT_SITE : undefined });
  const peer = options.peer ?? (trustProxy ? '127.0.0.1' : undefined);
  const request = app.request;
  app.request = (input, init, env, executionCtx) =>
    request(input, init, env ?? { incoming: { socket: { remoteAddress: peer ?? newResidentAddress() } } }, executionCtx);
  return { app, db: conn.db, clock, ids, close: () => conn.close() };
}

export const TEST_PASSWORD = 'kata-sandi-uji-123';
let testHash: Promise<string> | undefined;

/** Accounts for every role and scope of the fixture world. */
export const ACCOUNTS = {
  admin: 'admin@uji.rapor.id',
  staffGorontalo: 'staff.gtlo@uji.rapor.id',
  staffPlaju: 'staff.plaju@uji.rapor.id',
  evaluatorGorontalo: 'evaluator.75@uji.rapor.id',
  evaluatorPalembang: 'evaluator.1671@uji.rapor.id',
  evaluatorNational: 'evaluator@uji.rapor.id',
} as const;

export async function insertFixtureUsers(db: Kysely<Database>): Promise<void> {
  const { hashPassword } = await import('../../core/domain/passwords.ts');
  testHash ??= hashPassword(TEST_PASSWORD);
  const password_hash = await testHash;
  const base = { password_hash, created_at: '2026-01-01T00:00:00.000Z', disabled_at: null };
  await db.insertInto('users').values([
    { ...base, id: 'usr-admin', email: ACCOUNTS.admin, name: 'Admin', role: 'admin', unit_id: null, region_code: null },
    { ...base, id: 'usr-staff-gtlo', email: ACCOUNTS.staffGorontalo, name: 'Petugas Gorontalo', role: 'staff', unit_id: 'u-gtlo', region_code: null },
    { ...base, id: 'usr-staff-plaju', email: ACCOUNTS.staffPlaju, name: 'Petugas Plaju', role: 'staff', unit_id: 'u-plaju', region_code: null },
    { ...base, id: 'usr-eval-75', email: ACCOUNTS.evaluatorGorontalo, name: 'Evaluator Gorontalo', role: 'evaluator', unit_id: null, region_code: '75' },
    { ...base, id: 'usr-eval-1671', email: ACCOUNTS.evaluatorPalembang, name: 'Evaluator Palembang', role: 'evaluator', unit_id: null, region_code: '1671' },
    { ...base, id: 'usr-eval-all', email: ACCOUNTS.evaluatorNational, name: 'Evaluator Nasional', role: 'evaluator', unit_id: null, region_code: null },
  ]).execute();
}

/** Signs in through the API and returns the Cookie header value for later requests. */
export async function signIn(app: { request: (path: string, init?: RequestInit) => Response | Promise<Response> }, email: string, password = TEST_PASSWORD): Promise<string> {
  const res = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'http://localhost' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${email} failed: ${res.status} ${await res.text()}`);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

/** The seeded demo world (deterministic) on the engine under test, with the app at a fixed clock. */
export async function demoWorld(now = new Date('2026-11-23T03:00:00Z'), options: Pick<TestAppOptions, 'site'> = {}) {
  const conn = await demoDb();
  return { conn, app: createApp({ db: conn.db, now: () => now, distDir: options.site ? BUILT_SITE : undefined }) };
}
