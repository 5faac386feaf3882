// JavaScript weight of a built page: every script it loads at start (inline, island components, renderers and their
// static imports), gzipped. Dynamic imports (charts) load later and are counted separately.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Kysely } from 'kysely';
import type { Database } from '../../core/schema.ts';

const gz = (text: string) => gzipSync(Buffer.from(text), { level: 9 }).length;

export interface PageWeight {
  page: string;
  initialGzipBytes: number;
  lazyGzipBytes: number;
  files: string[];
}

/**
 * The budgeted pages rendered on demand that need a unit (docs/decisions/054): the address asked for each, of the unit
 * `onDemandFixture` makes. Other on-demand pages (the rankings, the permit times) are asked at `/{page}`.
 */
export const ON_DEMAND: Record<string, string> = {
  nilai: '/nilai/unit-uji',
  'en/nilai': '/en/nilai/unit-uji',
  izin: '/izin/unit-uji',
  unit: '/unit/unit-uji',
};

/**
 * What the on-demand pages are rendered on: a fresh in-memory database with one unit of two services and one permit
 * with a service standard (a page's markup and scripts do not depend on more rows than that).
 */
async function onDemandFixture(db: Kysely<Database>): Promise<void> {
  await db.insertInto('regions').values({ code: '75', name: 'Provinsi Gorontalo', kind: 'provinsi', timezone: 'Asia/Makassar', parent_code: null }).execute();
  await db.insertInto('units').values({ id: 'u-uji', slug: 'unit-uji', name: 'Unit Uji', kind: 'dpmptsp', region_code: '75', address: null, created_at: '2026-01-01T00:00:00.000Z' }).execute();
  await db.insertInto('services').values([
    { id: 's-ktp', unit_id: 'u-uji', slug: 'ktp', name: 'KTP', position: 0, is_permit: 0, sla_value: null, sla_unit: null, sla_starts_at: null, declared_users: null },
    { id: 's-pbg', unit_id: 'u-uji', slug: 'pbg', name: 'PBG', position: 1, is_permit: 1, sla_value: 10, sla_unit: 'working_days', sla_starts_at: 'sejak berkas dinyatakan lengkap', declared_users: null },
  ]).execute();
}

/**
 * A page as the server answers it: a prerendered page is its file in the build's client folder; a page rendered on
 * demand is asked of the build in this process (the real app on `onDemandFixture`'s database).
 */
export async function pageHtml(buildDir: string, pagePath: string): Promise<string> {
  const htmlFile = join(buildDir, 'client', pagePath, 'index.html');
  if (existsSync(htmlFile)) return readFileSync(htmlFile, 'utf8');
  if (!existsSync(join(buildDir, 'server', 'entry.mjs'))) throw new Error(`${htmlFile} is missing: build the site first (npm run build)`);
  const [{ createApp }, { connect, migrateToLatest }] = await Promise.all([import('../../server/app.ts'), import('../../db/connect.ts')]);
  const conn = connect(':memory:');
  try {
    await migrateToLatest(conn.db);
    await onDemandFixture(conn.db);
    const path = ON_DEMAND[pagePath] ?? `/${pagePath}`;
    const res = await createApp({ db: conn.db, now: () => new Date(), distDir: buildDir }).request(path);
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}: build the site first (npm run build)`);
    return await res.text();
  } finally {
    await conn.close();
  }
}

export async function pageWeight(buildDir: string, pagePath: string): Promise<PageWeight> {
  // The browser's files sit in the build's client folder (docs/decisions/054).
  const distDir = join(buildDir, 'client');
  const html = await pageHtml(buildDir, pagePath);
  let initial = 0;
  for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) initial += gz(m[1]!);
  const entries = [...html.matchAll(/(?:component-url|renderer-url|before-hydration-url)="([^"]+)"|<script[^>]*\bsrc="([^"]+)"/g)]
    .map((m) => m[1] ?? m[2]!)
    .filter((u) => u.startsWith('/'));
  const seen = new Set<string>();
  const lazy = new Set<string>();
  const visit = (url: string, into: Set<string>) => {
    if (seen.has(url) || into.has(url)) return;
    into.add(url);
    const code = readFileSync(join(distDir, url), 'utf8');
    for (const m of code.matchAll(/(?:import|export)\s*(?:[\w*{}\s,$]*from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g)) {
      visit(posix.join(posix.dirname(url), m[1]!), into);
    }
    for (const m of code.matchAll(/import\(\s*["'](\.{1,2}\/[^"']+\.js)["']\s*\)/g)) {
      const target = posix.join(posix.dirname(url), m[1]!);
      if (!seen.has(target)) visit(target, lazy);
    }
  };
  for (const e of entries) visit(e, seen);
  for (const f of seen) {
    lazy.delete(f);
    initial += gz(readFileSync(join(distDir, f), 'utf8'));
  }
  let lazyBytes = 0;
  for (const f of lazy) lazyBytes += gz(readFileSync(join(distDir, f), 'utf8'));
  return { page: pagePath, initialGzipBytes: initial, lazyGzipBytes: lazyBytes, files: [...seen].sort() };
}

/** The site's build: `client/` (prerendered pages, the browser's files) and `server/` (on-demand pages). */
export const DIST = join(dirname(new URL(import.meta.url).pathname), '..', '..', 'dist');
/** The prerendered pages, as the server serves them. */
export const SITE = join(DIST, 'client');

/** Budgets per page, in KB gzipped, loaded at start (the test holds them; `npm run bench` prints them). */
export const BUDGETS_KB: Record<string, number> = {
  nilai: 30,
  'en/nilai': 30,
  '': 30,
  unit: 45,
  peringkat: 40,
  izin: 33,
  'waktu-izin': 35,
  metodologi: 5,
  privasi: 5,
};
