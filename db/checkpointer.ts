// WAL checkpoints off the request thread (docs/decisions/041). SQLite checkpoints from inside a commit once the WAL
// passes 1,000 pages: that commit then copies the pages into the database file and syncs it, holding the request
// thread for tens of milliseconds. While ratings are being written, a worker thread with its own connection to the same
// file runs passive checkpoints instead (they never block the writer; the writer resets the WAL on its next transaction
// once a checkpoint has caught up), and the server's connection does not checkpoint itself. The worker starts with the
// first write and ends after a quiet spell, and the connection then checkpoints itself again, as SQLite does by default:
// a server that is only read (an evaluator's export) keeps no second thread and its memory.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Sqlite from 'better-sqlite3';

/** How often the worker checkpoints. */
export const CHECKPOINT_EVERY_MS = 250;
/** After this long without a write the worker ends (its last checkpoint first). */
export const QUIET_MS = 30_000;
/** SQLite's own threshold, restored while no worker runs. */
const SQLITE_AUTOCHECKPOINT = 1000;

// Plain CommonJS run by the worker (eval), so it needs no TypeScript loader.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
db.pragma('synchronous = FULL');
const checkpoint = () => {
  const [row] = db.pragma('wal_checkpoint(PASSIVE)');
  parentPort.postMessage({ busy: row.busy, log: row.log, checkpointed: row.checkpointed });
};
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.on('message', (m) => {
  if (m === 'now') checkpoint();
  if (m === 'stop') { clearInterval(timer); checkpoint(); db.close(); parentPort.close(); }
});
`;

export interface CheckpointReport {
  busy: number;
  /** Frames in the WAL, and how many of them are in the database file. */
  log: number;
  checkpointed: number;
}

export interface Checkpointer {
  /** Called on each write batch: starts the worker if none runs. */
  wrote(): void;
  /** Whether a worker runs (tests). */
  running(): boolean;
  /** Checkpoints now in the worker, and resolves with what it reported (tests). */
  now(): Promise<CheckpointReport>;
  stop(): Promise<void>;
}

export interface CheckpointOptions {
  everyMs?: number;
  quietMs?: number;
}

/** Checkpoints of `file` in a worker thread while `sqlite` is being written (see above). */
export function checkpointOffThread(sqlite: Sqlite.Database, file: string, options: CheckpointOptions = {}): Checkpointer {
  const everyMs = options.everyMs ?? CHECKPOINT_EVERY_MS;
  const quietMs = options.quietMs ?? QUIET_MS;
  const module = createRequire(import.meta.url).resolve('better-sqlite3');
  let worker: Worker | undefined;
  let ended: Promise<void> = Promise.resolve();
  let lastWrite = 0;

  const start = () => {
    sqlite.pragma('wal_autocheckpoint = 0');
    const w = new Worker(WORKER, { eval: true, workerData: { file, module, everyMs } });
    worker = w;
    ended = new Promise((resolve) => w.once('exit', () => {
      // No worker any more: the connection checkpoints itself again.
      if (worker === w) {
        worker = undefined;
        if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${SQLITE_AUTOCHECKPOINT}`);
      }
      resolve();
    }));
    // A worker that fails ends (above); the next write starts another.
    w.on('error', (error) => console.error('[rapor] WAL checkpoint worker failed:', error.message));
    w.unref();
  };
  const stopWorker = () => {
    worker?.postMessage('stop');
    return ended;
  };
  const quiet = setInterval(() => {
    if (worker && Date.now() - lastWrite > quietMs) void stopWorker();
  }, Math.max(10, quietMs / 4));
  quiet.unref();

  return {
    wrote: () => {
      lastWrite = Date.now();
      if (!worker) start();
    },
    running: () => worker !== undefined,
    now: () => new Promise((resolve, reject) => {
      if (!worker) return reject(new Error('no checkpoint worker runs'));
      worker.once('message', resolve);
      worker.postMessage('now');
    }),
    stop: () => {
      clearInterval(quiet);
      return stopWorker();
    },
  };
}
