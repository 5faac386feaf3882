// A fresh machine (issue 25 item 12): npm 11 runs only the install scripts a project declares in `allowScripts` and
// warns about the rest (npm 12 blocks them), and Astro prints a telemetry notice the first time it builds, on what may
// be a government server. This reads what `npm ci` installed and what the portal runs.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

interface Manifest {
  name?: string;
  scripts?: Record<string, string>;
  allowScripts?: Record<string, boolean>;
}

const root = join(import.meta.dirname, '..', '..');
const project = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Manifest & { scripts: Record<string, string> };

/** Every installed package folder under node_modules, nested ones included. */
function packageDirs(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.name.startsWith('@')) {
      out.push(...packageDirs(path));
      continue;
    }
    if (existsSync(join(path, 'package.json'))) out.push(path, ...packageDirs(join(path, 'node_modules')));
  }
  return out;
}

/** Packages npm would run an install script for: preinstall/install/postinstall, or a binding.gyp (implicit node-gyp). */
function packagesWithInstallScripts(): string[] {
  const names = new Set<string>();
  for (const dir of packageDirs(join(root, 'node_modules'))) {
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
    const s = manifest.scripts ?? {};
    const implicitGyp = existsSync(join(dir, 'binding.gyp')) && !s.install && !s.preinstall;
    if (manifest.name && (s.preinstall || s.install || s.postinstall || implicitGyp)) names.add(manifest.name);
  }
  return [...names].sort();
}

describe('a fresh machine (issue 25 item 12)', () => {
  it('declares every installed package with an install script in allowScripts, and nothing else', () => {
    const withScripts = packagesWithInstallScripts();
    expect(withScripts.length, 'node_modules is installed').toBeGreaterThan(0);
    const declared = Object.keys(project.allowScripts ?? {}).sort();
    expect(declared).toEqual(withScripts);
    // The SQLite binding is compiled by its install script; the portal cannot start without it.
    expect(project.allowScripts?.['better-sqlite3']).toBe(true);
  });

  it('builds the site with Astro telemetry off, from every script and from the first npm start', () => {
    const astroScripts = Object.entries(project.scripts).filter(([, command]) => /\bastro\b/.test(command));
    expect(astroScripts.map(([name]) => name)).toEqual(expect.arrayContaining(['build', 'test', 'typecheck']));
    for (const [name, command] of astroScripts) expect(command, name).toMatch(/ASTRO_TELEMETRY_DISABLED=1 astro /);
    // server/main.ts builds the site on the first start; the benchmarks build it when it is missing.
    for (const file of ['server/main.ts', 'bench/pages.ts', 'bench/js-weight.ts']) {
      const source = readFileSync(join(root, file), 'utf8');
      expect(source, file).toMatch(/'build', '--silent'\][^\n]*ASTRO_TELEMETRY_DISABLED: '1'/);
    }
  });
});
