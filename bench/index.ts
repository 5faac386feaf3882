// `npm run bench`: every benchmark, each printing its figures.
import { benchScores } from './scores.ts';

console.log(`Rapor benchmarks on node ${process.version}, ${(await import('node:os')).cpus().length} cores`);
await benchScores();
