// `npm run bench`: every benchmark, each printing its figures beside the ceiling or goal it is measured against.
import { cpus, totalmem } from 'node:os';
import { benchExports } from './exports.ts';
import { benchIngest } from './ingest.ts';
import { benchJsWeight } from './js-weight.ts';
import { benchScores } from './scores.ts';

const started = Date.now();
console.log(`Rapor benchmarks on node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${new Date().toISOString()}`);
benchJsWeight();
await benchIngest();
await benchScores();
await benchExports();
console.log(`\nAll benchmarks ran in ${((Date.now() - started) / 60_000).toFixed(1)} min.`);
