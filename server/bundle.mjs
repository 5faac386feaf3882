// The server as JavaScript (issue 26 item 5, docs/decisions/053-server-bundle.md): `npm start` runs
// `node server/bundle.mjs` first, which bundles server/main.ts with esbuild into build/server/main.mjs (and its source
// map) unless the bundle there was built from exactly the sources on disk, then runs the bundle with
// `node --enable-source-maps`, so production loads no TypeScript loader and stack traces still name the .ts files.
//
// Plain JavaScript on purpose: it runs before anything is compiled. It is also imported by tests/build/ and bench/.
//
// - Packages that read files relative to their own folder, or load native code, stay in node_modules (EXTERNAL);
//   the build fails if a bundled package file mentions __dirname, __filename or import.meta.url, so a new dependency
//   that does cannot slip into the bundle unnoticed.
// - In our own sources `import.meta.url` is rewritten to the URL of the .ts file it was written in, computed at run time
//   from the bundle's own location, so `new URL('../site/…', import.meta.url)` and createRequire(import.meta.url) resolve
//   as they do under tsx, wherever the bundle sits in the checkout.
// - Fresh or stale: build/server/stamp.json holds the SHA-256 of every source file esbuild read (from its metafile),
//   of package-lock.json and of this file. A pull that changes any of them rebuilds on the next start; nothing else does.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const OUT_DIR = join(ROOT, 'build', 'server');

/** Loaded from node_modules at run time: native code, optional native peers, or data files read beside the package. */
export const EXTERNAL = ['better-sqlite3', 'pg', 'pg-native', 'pg-cursor', 'pdfkit', 'fontkit', 'sharp', '@electric-sql/pglite'];

const sha256 = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** What the bundle depends on besides its inputs: the locked dependencies and this builder. */
const fixedInputs = () => ({ 'package-lock.json': sha256(join(ROOT, 'package-lock.json')), 'server/bundle.mjs': sha256(fileURLToPath(import.meta.url)) });

const outFile = (outDir, entry) => join(outDir, entry.replace(/^.*\//, '').replace(/\.ts$/, '.mjs'));

/** Rewrites `import.meta.url` in our own .ts files to the file's own URL, relative to where the bundle runs. */
function sourceUrlPlugin(outDir) {
  return {
    name: 'source-url',
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, (args) => {
        if (args.path.includes('/node_modules/')) return undefined;
        const text = readFileSync(args.path, 'utf8');
        if (!text.includes('import.meta.url')) return undefined;
        const rel = relative(outDir, args.path).split('\\').join('/');
        return { contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(rel)}, import.meta.url).href`), loader: 'ts' };
      });
    },
  };
}

/**
 * Bundles `entry` (relative to the checkout) into `outDir`: ESM for Node, with a source map and a stamp of its inputs.
 * Returns the bundle's path.
 */
export async function buildServer({ entry = 'server/main.ts', outDir = OUT_DIR } = {}) {
  const { build } = await import('esbuild');
  outDir = resolve(outDir);
  const out = outFile(outDir, entry);
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: [join(ROOT, entry)],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    // Stack traces need the mappings only; Node parses the whole map at start, so the sources stay out of it.
    sourcesContent: false,
    external: EXTERNAL,
    // CommonJS packages inside an ESM bundle still call require() for Node's own modules.
    banner: { js: "import { createRequire as __rapor_createRequire } from 'node:module'; const require = __rapor_createRequire(import.meta.url);" },
    plugins: [sourceUrlPlugin(outDir)],
    metafile: true,
    write: false,
    logLevel: 'warning',
  });
  const inputs = {};
  const located = [];
  for (const input of Object.keys(result.metafile.inputs)) {
    const file = resolve(ROOT, input);
    if (input.includes('node_modules/')) {
      if (/\b(__dirname|__filename|import\.meta\.url)\b/.test(readFileSync(file, 'utf8'))) located.push(input);
      continue;
    }
    inputs[relative(ROOT, file)] = sha256(file);
  }
  if (located.length) {
    throw new Error(`these bundled package files read paths relative to themselves; add their package to EXTERNAL in server/bundle.mjs:\n  ${located.join('\n  ')}`);
  }
  mkdirSync(outDir, { recursive: true });
  // Written beside, then renamed: a start that runs while another builds sees the old bundle or the new one whole.
  for (const f of result.outputFiles) {
    writeFileSync(`${f.path}.${process.pid}`, f.contents);
    renameSync(`${f.path}.${process.pid}`, f.path);
  }
  const stamp = join(outDir, `${entry.replace(/^.*\//, '').replace(/\.ts$/, '')}.stamp.json`);
  writeFileSync(stamp, `${JSON.stringify({ entry, inputs: { ...inputs, ...fixedInputs() } }, null, 1)}\n`);
  return out;
}

/** Why the bundle of `entry` in `outDir` must be built again, or null when every input is as it was built. */
export function staleness({ entry = 'server/main.ts', outDir = OUT_DIR } = {}) {
  outDir = resolve(outDir);
  const stamp = join(outDir, `${entry.replace(/^.*\//, '').replace(/\.ts$/, '')}.stamp.json`);
  if (!existsSync(outFile(outDir, entry)) || !existsSync(stamp)) return 'no bundle yet';
  let recorded;
  try {
    recorded = JSON.parse(readFileSync(stamp, 'utf8')).inputs;
  } catch {
    return 'unreadable stamp';
  }
  for (const [file, hash] of Object.entries(recorded)) {
    const path = join(ROOT, file);
    if (!existsSync(path) || sha256(path) !== hash) return `${file} changed`;
  }
  return null;
}

/** Builds the bundle of `entry` when it is missing or stale; returns its path. */
export async function ensureServer(options = {}) {
  const why = staleness(options);
  if (why !== null) {
    const started = Date.now();
    console.log(`[rapor] Membangun server / building the server (${why})…`);
    await buildServer(options);
    console.log(`[rapor] Server dibangun / server built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  }
  return outFile(resolve(options.outDir ?? OUT_DIR), options.entry ?? 'server/main.ts');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await ensureServer().catch((error) => {
    console.error('[rapor] Gagal membangun server / the server build failed:', error.message ?? error);
    process.exit(1);
  });
}
