// `npm run bench`: every benchmark, each printing its figures beside the ceiling or goal it is measured against.
// `npm run bench -- NAME [NAME …]` runs only the named ones (ingest, scores, exports, pages, weight).
import { cpus, totalmem } from 'node:os';
import { benchExports } from './exports.ts';
import { benchIngest } from './ingest.ts';
import { benchJsWeight } from './js-weight.ts';
import { benchPages } from './pages.ts';
import { benchScores } from './scores.ts';

const BENCHMARKS: Record<string, () => unknown> = {
  weight: benchJsWeight,
  ingest: benchIngest,
  scores: benchScores,
  exports: benchExports,
  pages: benchPages,
};

const asked = process.argv.slice(2).filter((a) => a !== '--');
const unknown = asked.filter((name) => !(name in BENCHMARKS));
if (unknown.length) {
  console.error(`Unknown benchmark ${unknown.map((n) => `"${n}"`).join(', ')}: choose from ${Object.keys(BENCHMARKS).join(', ')}, or none for all.`);
  process.exit(2);
}
const chosen = asked.length ? Object.keys(BENCHMARKS).filter((name) => asked.includes(name)) : Object.keys(BENCHMARKS);

const started = Date.now();
console.log(`Rapor benchmarks (${chosen.join(', ')}) on node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${new Date().toISOString()}`);
for (const name of chosen) {
  const t = Date.now();
  await BENCHMARKS[name]!();
  console.log(`  (${name}: ${((Date.now() - t) / 1000).toFixed(0)} s)`);
}
console.log(`\n${asked.length ? 'The chosen benchmarks' : 'All benchmarks'} ran in ${((Date.now() - started) / 60_000).toFixed(1)} min.`);
