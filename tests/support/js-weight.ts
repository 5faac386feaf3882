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
 * The weight of a built page: the prerendered file's, or, for a page rendered on demand (ON_DEMAND), `html` as the
 * server answered it.
 */
export function pageWeight(buildDir: string, pagePath: string, rendered?: string): PageWeight {
  // The prerendered pages and the browser's files sit in the build's client folder (docs/decisions/054).
  const distDir = join(buildDir, 'client');
  const htmlFile = join(distDir, pagePath, 'index.html');
  if (rendered === undefined && !existsSync(htmlFile)) throw new Error(`${htmlFile} is missing: build the site first (npm run build)`);
  const html = rendered ?? readFileSync(htmlFile, 'utf8');
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

/**
 * The budgeted pages rendered on demand (docs/decisions/054): no file to read, so they are weighed as the server
 * answers this address with the demo data.
 */
export const ON_DEMAND: Record<string, string> = {
  izin: '/izin/dpmptsp-kota-gorontalo',
};

/** The HTML of the budgeted pages rendered on demand, fetched from a running server (the demo data). */
export async function onDemandPages(baseUrl: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [page, path] of Object.entries(ON_DEMAND)) {
    const res = await fetch(baseUrl + path);
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
    out[page] = await res.text();
  }
  return out;
}

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
