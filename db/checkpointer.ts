// WAL checkpoints off the request thread (docs/decisions/041). SQLite checkpoints from inside a commit once the WAL
// passes 1,000 pages: that commit then copies the pages into the database file and syncs it, holding the request
// thread for tens of milliseconds. The server turns that off on its own connection and lets a worker thread, with its
// own connection to the same file, run passive checkpoints instead: they never block the writer, and the WAL is reset
// by the writer's next transaction once a checkpoint has caught up.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Sqlite from 'better-sqlite3';

/** How often the worker checkpoints, and the WAL size (pages) at which it does so at once. */
export const CHECKPOINT_EVERY_MS = 250;

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
  /** Checkpoints now, and resolves with what the checkpoint reported (tests). */
  now(): Promise<CheckpointReport>;
  stop(): Promise<void>;
}

/** Turns automatic checkpoints off on `sqlite` and starts the worker that checkpoints `file` instead. */
export function checkpointOffThread(sqlite: Sqlite.Database, file: string, everyMs = CHECKPOINT_EVERY_MS): Checkpointer {
  sqlite.pragma('wal_autocheckpoint = 0');
  const worker = new Worker(WORKER, { eval: true, workerData: { file, module: createRequire(import.meta.url).resolve('better-sqlite3'), everyMs } });
  // A failed checkpoint is retried by the next tick; the WAL only grows meanwhile. An ended worker is started never
  // again: the connection then checkpoints itself, as SQLite does by default.
  worker.on('error', (error) => {
    console.error('[rapor] WAL checkpoint worker failed; checkpoints return to the writer:', error.message);
    sqlite.pragma('wal_autocheckpoint = 1000');
  });
  worker.unref();
  return {
    now: () => new Promise((resolve) => {
      worker.once('message', resolve);
      worker.postMessage('now');
    }),
    stop: () => new Promise((resolve) => {
      worker.once('exit', () => resolve());
      worker.postMessage('stop');
    }),
  };
}
