// After the build, each page's head names every script its islands import at start (<link rel="modulepreload">), so a
// slow phone fetches them alongside the page instead of one import level per round trip (issue 19, decision 040).
// Only what the page loads at start: dynamic imports (charts, the rating form's deferred module) stay on demand.
// A page rendered on demand has no file here to edit: for those the build writes each island's start scripts to
// dist/server/modulepreload.json (island source path → script URLs, the renderer's included), which the server hands
// to the page (`Astro.locals.preload`) and Base.astro turns into the same links for the islands a page names
// (decision 057).
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, posix, relative } from 'node:path';
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

/** The start scripts of some entries in load order: each entry, then what it imports statically, depth first. */
async function closure(distDir, entries, cache) {
  const seen = new Set();
  const visit = async (url) => {
    if (seen.has(url)) return;
    seen.add(url);
    if (!cache.has(url)) cache.set(url, await readFile(join(distDir, url), 'utf8'));
    for (const m of cache.get(url).matchAll(STATIC_IMPORT)) await visit(posix.join(posix.dirname(url), m[1]));
  };
  for (const url of entries) await visit(url);
  return [...seen];
}

/** The page's start scripts: its islands' entries (component, renderer) and their static imports. */
const startScripts = (distDir, html, cache) => closure(distDir, [...html.matchAll(ENTRY)].map((m) => m[1]), cache);

const RENDERER = '@astrojs/svelte/client.js';

export default function modulePreload() {
  let root = '';
  let serverDir = '';
  /** Island source path (relative to the project) → its client entry, from the build's manifest. */
  let islands = new Map();
  return {
    name: 'rapor-modulepreload',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        serverDir = fileURLToPath(config.build.server);
      },
      'astro:build:ssr': ({ manifest }) => {
        islands = new Map();
        for (const [specifier, file] of Object.entries(manifest.entryModules)) {
          if (file && (specifier === RENDERER || (specifier.startsWith(root) && specifier.endsWith('.svelte')))) {
            islands.set(specifier === RENDERER ? RENDERER : relative(root, specifier).split('\\').join('/'), `/${file}`);
          }
        }
      },
      'astro:build:done': async ({ dir }) => {
        const distDir = fileURLToPath(dir);
        const cache = new Map();
        // For the pages rendered on demand: each island's start scripts, the renderer's after its own.
        const renderer = islands.get(RENDERER);
        const preload = {};
        for (const [island, entry] of islands) {
          if (island !== RENDERER) preload[island] = await closure(distDir, renderer ? [entry, renderer] : [entry], cache);
        }
        await writeFile(join(serverDir, 'modulepreload.json'), `${JSON.stringify(preload, null, 1)}\n`);
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
