// JavaScript weight of a built page: every script it loads at start (inline, island components, renderers and their
// static imports), gzipped. Dynamic imports (charts) load later and are counted separately.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

const gz = (text: string) => gzipSync(Buffer.from(text), { level: 9 }).length;

export interface PageWeight {
  page: string;
  initialGzipBytes: number;
  lazyGzipBytes: number;
  files: string[];
}

/**
 * A page as the server answers it: a prerendered page is its file in the build's client folder; a page rendered on
 * demand (docs/decisions/054: the rankings, the permit times) is asked of the build in this process, on an empty
 * migrated database (its markup and scripts do not depend on the rows).
 */
export async function pageHtml(buildDir: string, pagePath: string): Promise<string> {
  const htmlFile = join(buildDir, 'client', pagePath, 'index.html');
  if (existsSync(htmlFile)) return readFileSync(htmlFile, 'utf8');
  if (!existsSync(join(buildDir, 'server', 'entry.mjs'))) throw new Error(`${htmlFile} is missing: build the site first (npm run build)`);
  const [{ createApp }, { connect, migrateToLatest }] = await Promise.all([import('../../server/app.ts'), import('../../db/connect.ts')]);
  const conn = connect(':memory:');
  try {
    await migrateToLatest(conn.db);
    const res = await createApp({ db: conn.db, now: () => new Date(), distDir: buildDir }).request(`/${pagePath}`);
    if (res.status !== 200) throw new Error(`/${pagePath} answered ${res.status}: build the site first (npm run build)`);
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
