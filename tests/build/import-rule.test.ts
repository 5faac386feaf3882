// The import rule (issue 26 item 2, docs/decisions/055-one-bottom-layer.md): core ← db ← server ← site; nothing
// imports upward. `npm run lint` (dependency-cruiser, a step of CI) checks it; this suite shows that the lint really
// fails on each kind of violation and passes the imports that go downward. (dependency-cruiser cannot read .astro files,
// but site/ is the top layer: an .astro file may import anything, and an import of one from below is seen from the
// importing file.)
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = process.cwd();

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
    'site/lib/page.ts': "import { k } from '../../core/rule.ts';\nimport { q } from '../../db/query.ts';\nimport { r } from '../../server/route.ts';\nexport const p = k + q + r;\n",
  };

  it('fails on each kind of upward import, and only on those', () => {
    const run = lint({
      ...clean,
      'core/upward.ts': "import { q } from '../db/query.ts';\nexport const u = q;\n",
      'db/upward.ts': "import { r } from '../server/route.ts';\nexport const u = r;\n",
      'server/upward.ts': "import { p } from '../site/lib/page.ts';\nexport const s = p;\n",
    });
    expect(run.status).not.toBe(0);
    expect(run.output).toMatch(/3 dependency violations/);
    for (const line of ['core-imports-nothing-above: core/upward.ts → db/query.ts', 'db-imports-only-core: db/upward.ts → server/route.ts',
      'server-does-not-import-site: server/upward.ts → site/lib/page.ts']) {
      expect(run.output).toContain(line);
    }
    // The downward imports of the same tree are not flagged.
    for (const file of Object.keys(clean)) expect(run.output).not.toContain(`: ${file} →`);
  });

  it('is what `npm run lint` runs, and CI runs it', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.lint).toMatch(/depcruise core db server site --config \.dependency-cruiser\.cjs/);
    expect(readFileSync(join(root, '.ci/run'), 'utf8')).toMatch(/npm run lint/);
  });
});
