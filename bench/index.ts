// `npm run bench`: every benchmark, each printing its figures.
import { benchExports } from './exports.ts';
import { benchScores } from './scores.ts';

console.log(`Rapor benchmarks on node ${process.version}, ${(await import('node:os')).cpus().length} cores`);
await benchScores();
await benchExports();
