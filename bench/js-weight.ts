// JavaScript shipped per page, gzipped, from the built site (built here if `dist/` is missing). Goal: the rating page
// (/nilai) under 35 KB. The same measure holds every page to its budget in tests/build/js-weight.test.ts.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BUDGETS_KB, DIST, onDemandHtml, pageWeight } from '../tests/support/js-weight.ts';

/** Goals beyond the budgets the build test holds: the rating page under 30 KB (issue 19), for a slow phone. */
const GOALS_KB: Record<string, number> = { nilai: 30, 'en/nilai': 30 };

export async function benchJsWeight(): Promise<void> {
  console.log('\n== JavaScript per page (gzipped; loaded at start, and loaded later on demand)');
  if (!existsSync(join(DIST, 'client', 'index.html'))) {
    const build = spawnSync(join('node_modules', '.bin', 'astro'), ['build', '--silent'], { stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
    if (build.status !== 0) throw new Error('the site build failed');
  }
  for (const [page, budget] of Object.entries(BUDGETS_KB)) {
    const w = pageWeight(DIST, page, await onDemandHtml(page));
    const kb = w.initialGzipBytes / 1024;
    const goal = GOALS_KB[page];
    const beside = goal === undefined ? '' : `; goal < ${goal} KB: ${kb < goal ? 'met' : 'NOT met'}`;
    console.log(`  /${page}: ${kb.toFixed(1)} KB at start (${w.initialGzipBytes.toLocaleString('en')} bytes; budget ${budget} KB, ${(kb / budget * 100).toFixed(0)} %${beside}), ${(w.lazyGzipBytes / 1024).toFixed(1)} KB on demand`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchJsWeight();
