// The import rule (issue 26 item 2, docs/decisions/055-one-bottom-layer.md): core/ at the bottom, db/ on it, server/ and
// site/ on both and never on each other. `npm run lint` (dependency-cruiser, in CI) checks the TypeScript and Svelte
// files; dependency-cruiser cannot read .astro files, so this suite checks their imports with the same rules, and shows
// that the lint really fails on a violation.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = process.cwd();
const require = createRequire(import.meta.url);
interface Rule { name: string; from: { path: string }; to: { path?: string } }
const config = require(join(root, '.dependency-cruiser.cjs')) as { forbidden: Rule[] };
const layerRules = config.forbidden.filter((r) => r.to.path);

/** The rules an import from `from` to `to` (repo-relative paths) breaks. */
function broken(from: string, to: string): string[] {
  return layerRules.filter((r) => new RegExp(r.from.path).test(from) && new RegExp(r.to.path!).test(to)).map((r) => r.name);
}

function astroFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const p = posix.join(dir, e.name);
    return e.isDirectory() ? astroFiles(p) : p.endsWith('.astro') ? [p] : [];
  });
}

/** The relative imports of an .astro file: its frontmatter and its scripts. */
function astroImports(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  return [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(?\s*)(['"])(\.{1,2}\/[^'"]+)\1/g)].map((m) => posix.normalize(posix.join(posix.dirname(file), m[2]!)));
}

describe('the import rule', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  /** Runs the project's lint command on a tree of the given files (path → source). */
  function lint(files: Record<string, string>) {
    const dir = mkdtempSync(join(tmpdir(), 'rapor-imports-'));
    dirs.push(dir);
    copyFileSync(join(root, '.dependency-cruiser.cjs'), join(dir, '.dependency-cruiser.cjs'));
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { allowImportingTsExtensions: true, moduleResolution: 'Bundler', module: 'ESNext', noEmit: true } }));
    for (const [path, source] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), source);
    }
    const bin = join(root, 'node_modules', '.bin', 'depcruise');
    const run = spawnSync(bin, ['core', 'db', 'server', 'site', '--config', '.dependency-cruiser.cjs'], { cwd: dir, encoding: 'utf8' });
    return { status: run.status, output: `${run.stdout}${run.stderr}` };
  }

  const clean = {
    'core/rule.ts': 'export const k = 5;\n',
    'db/query.ts': "import { k } from '../core/rule.ts';\nexport const q = k;\n",
    'server/route.ts': "import { q } from '../db/query.ts';\nimport { k } from '../core/rule.ts';\nexport const r = q + k;\n",
    'site/lib/page.ts': "import { k } from '../../core/rule.ts';\nexport const p = k;\n",
  };

  it('fails on each kind of upward or sideways import, and only on those', () => {
    const run = lint({
      ...clean,
      'core/upward.ts': "import { q } from '../db/query.ts';\nexport const u = q;\n",
      'db/upward.ts': "import { r } from '../server/route.ts';\nexport const u = r;\n",
      'server/sideways.ts': "import { p } from '../site/lib/page.ts';\nexport const s = p;\n",
      'site/lib/sideways.ts': "import { r } from '../../server/route.ts';\nexport const s = r;\n",
    });
    expect(run.status).not.toBe(0);
    expect(run.output).toMatch(/4 dependency violations/);
    for (const line of ['core-imports-nothing-above: core/upward.ts → db/query.ts', 'db-imports-only-core: db/upward.ts → server/route.ts',
      'server-does-not-import-site: server/sideways.ts → site/lib/page.ts', 'site-does-not-import-server: site/lib/sideways.ts → server/route.ts']) {
      expect(run.output).toContain(line);
    }
    // The downward imports of the same tree are not flagged.
    for (const file of Object.keys(clean)) expect(run.output).not.toContain(`: ${file} →`);
  });

  it('holds for the imports of every .astro page and layout (which dependency-cruiser cannot read)', () => {
    const files = astroFiles('site');
    expect(files.length).toBeGreaterThan(10);
    const violations = files.flatMap((file) => astroImports(file).flatMap((to) => broken(file, to).map((rule) => `${rule}: ${file} → ${to}`)));
    expect(violations).toEqual([]);
    // The check itself sees an upward import when there is one.
    expect(broken('site/pages/x.astro', 'server/site.ts')).toEqual(['site-does-not-import-server']);
  });

  it('is what `npm run lint` runs, and CI runs it', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.lint).toMatch(/depcruise core db server site --config \.dependency-cruiser\.cjs/);
    expect(readFileSync(join(root, '.ci/run'), 'utf8')).toMatch(/npm run lint/);
  });
});
