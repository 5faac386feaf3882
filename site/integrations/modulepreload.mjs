// After the build, each page's head names every script its islands import at start (<link rel="modulepreload">), so a
// slow phone fetches them alongside the page instead of one import level per round trip (issue 19, decision 040).
// Only what the page loads at start: dynamic imports (charts, the rating form's deferred module) stay on demand.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';

const ENTRY = /\b(?:component-url|renderer-url|before-hydration-url)="(\/[^"]+\.js)"/g;
const STATIC_IMPORT = /(?:import|export)\s*(?:[\w*{}\s,$]*from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g;

async function htmlFiles(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await htmlFiles(path)));
    else if (entry.name.endsWith('.html')) out.push(path);
  }
  return out;
}

/** The page's start scripts in load order: each entry, then what it imports statically, depth first. */
async function startScripts(distDir, html, cache) {
  const seen = new Set();
  const visit = async (url) => {
    if (seen.has(url)) return;
    seen.add(url);
    if (!cache.has(url)) cache.set(url, await readFile(join(distDir, url), 'utf8'));
    for (const m of cache.get(url).matchAll(STATIC_IMPORT)) await visit(posix.join(posix.dirname(url), m[1]));
  };
  for (const m of html.matchAll(ENTRY)) await visit(m[1]);
  return [...seen];
}

export default function modulePreload() {
  return {
    name: 'rapor-modulepreload',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        const distDir = fileURLToPath(dir);
        const cache = new Map();
        for (const file of await htmlFiles(distDir)) {
          const html = await readFile(file, 'utf8');
          if (html.includes('rel="modulepreload"')) continue;
          const scripts = await startScripts(distDir, html, cache);
          if (!scripts.length) continue;
          const links = scripts.map((url) => `<link rel="modulepreload" href="${url}">`).join('');
          await writeFile(file, html.replace('</head>', `${links}</head>`));
        }
      },
    },
  };
}
