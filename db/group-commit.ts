// Group commit (docs/decisions/035): units of write work that arrive together run in one transaction and share its
// commit (one WAL fsync on SQLite with synchronous=FULL). Each unit runs inside its own savepoint, so one that fails
// is rolled back alone and the others still commit; each caller is answered only once the commit that holds its work
// has returned, so a success still means the work is on disk.
import { CompiledQuery, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../core/schema.ts';
import { isPostgres } from './dialect.ts';
import { RollupBuffer } from './queries/rollups.ts';
import { lockBucket } from './queries/throttle.ts';

/** The most units of work in one transaction: bounds how long a batch holds the writer and what one failed commit refuses. */
export const MAX_BATCH = 64;

export interface GroupCommitOptions {
  /** The most units of work in one transaction (1: each commits alone). */
  maxBatch: number;
  /**
   * Batches in flight at once. SQLite has one connection and one writer: 1. On PostgreSQL a few batches can commit in
   * parallel on the pool's connections while the next one fills.
   */
  concurrency: number;
  /**
   * SQLite only: waits until what the last commit wrote is on disk (an fdatasync of the WAL file on libuv's thread
   * pool). Set, each batch commits without SQLite's own WAL sync (synchronous=NORMAL for its transaction, FULL again
   * after it), the next batch may begin while this one's sync runs, and nobody in the batch is answered before its
   * sync returned. Unset, SQLite's commit syncs (synchronous=FULL) on the request thread.
   */
  durable?: () => Promise<void>;
}

/** What a unit of work gets besides the transaction. */
export interface BatchScope {
  /**
   * Rollup deltas to add: the batch adds those of its successful units together, after them all, one upsert per rollup
   * row in sorted order (fewer statements, and the hot rows of a busy unit are locked once and last).
   */
  rollups: RollupBuffer;
  /**
   * The rollup deltas of the batch's earlier, successful units of work, not yet written (read-only): a check that reads
   * the rollups inside the batch adds them (db/queries/address-share.ts).
   */
  batch: RollupBuffer;
}

interface Pending {
  work: (trx: Transaction<Database>, scope: BatchScope) => Promise<unknown>;
  /** Advisory locks (PostgreSQL) the work takes: the batch takes them all first, sorted. */
  locks: string[];
  attempts: number;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

const RELAXED = CompiledQuery.raw('pragma synchronous = NORMAL');
const FULL = CompiledQuery.raw('pragma synchronous = FULL');
const SAVEPOINT = CompiledQuery.raw('savepoint unit_of_work');
const RELEASE = CompiledQuery.raw('release savepoint unit_of_work');
const ROLLBACK_TO = CompiledQuery.raw('rollback to savepoint unit_of_work');

function isDeadlock(error: unknown): boolean {
  return (error as { code?: string })?.code === '40P01';
}

export interface CommittedBatch {
  /** Units of work in the transaction (failed ones included: they were rolled back to their savepoint). */
  size: number;
  failed: number;
}

export class GroupCommit {
  readonly #db: Kysely<Database>;
  readonly #queue: Pending[] = [];
  #inFlight = 0;
  readonly #options: GroupCommitOptions;
  #scheduled = false;
  #held = 0;
  #failNext: Error | undefined;
  readonly #observers = new Set<(batch: CommittedBatch) => void>();

  constructor(db: Kysely<Database>, options: Partial<GroupCommitOptions> = {}) {
    this.#db = db;
    this.#options = { maxBatch: MAX_BATCH, concurrency: 1, ...options };
  }

  /**
   * Runs `work` in the next batch's transaction and resolves with its result after that transaction committed. Work
   * that throws is rolled back to its savepoint (nothing of it stays) and rejects with its error, after the same commit.
   */
  run<T>(work: (trx: Transaction<Database>, scope: BatchScope) => Promise<T>, locks: string[] = []): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ work, locks, attempts: 0, resolve: resolve as (value: unknown) => void, reject });
      this.#schedule();
    });
  }

  /** Units of work waiting for a batch (tests). */
  waiting(): number {
    return this.#queue.length;
  }

  /** Holds every batch back until the returned function is called (tests: to make requests meet in one batch). */
  hold(): () => void {
    this.#held++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#held--;
      this.#schedule();
    };
  }

  /** Makes the next batch fail as a commit would fail (tests). */
  failNextCommit(error: Error): void {
    this.#failNext = error;
  }

  /** Calls `listener` after each commit, before anyone in it is answered (tests observe the order). */
  observe(listener: (batch: CommittedBatch) => void): () => void {
    this.#observers.add(listener);
    return () => this.#observers.delete(listener);
  }

  #schedule(): void {
    if (this.#scheduled || this.#inFlight >= this.#options.concurrency || this.#held > 0 || this.#queue.length === 0) return;
    this.#scheduled = true;
    // After the I/O phase: every request whose body arrived with this one has queued its work by then.
    setImmediate(() => {
      this.#scheduled = false;
      void this.#flush();
    });
  }

  async #flush(): Promise<void> {
    if (this.#inFlight >= this.#options.concurrency || this.#held > 0 || this.#queue.length === 0) return;
    this.#inFlight++;
    const batch = this.#queue.splice(0, this.#options.maxBatch);
    // More waiting than one batch takes, and room for another batch in flight: schedule it now.
    this.#schedule();
    const outcomes: Outcome[] = [];
    const durable = this.#options.durable;
    let committed = false;
    try {
      await this.#inTransaction(async (trx) => {
        // Every lock a batch needs is taken in one global order (advisory locks first, sorted; the rollup rows last,
        // sorted), so batches of several processes, or several batches of one, never wait for each other in a cycle.
        if (isPostgres(trx)) {
          for (const key of [...new Set(batch.flatMap((item) => item.locks))].sort()) await lockBucket(trx, key);
        }
        const rollups = new RollupBuffer();
        const alone = batch.length === 1;
        for (const item of batch) {
          const scope = { rollups: new RollupBuffer(), batch: rollups };
          if (!alone) await trx.executeQuery(SAVEPOINT);
          try {
            const value = await item.work(trx, scope);
            if (!alone) await trx.executeQuery(RELEASE);
            rollups.merge(scope.rollups);
            outcomes.push({ ok: true, value });
          } catch (error) {
            outcomes.push({ ok: false, error });
            // Alone in its transaction, a failure rolls the whole of it back: no savepoint needed.
            if (alone) throw new SoleFailure();
            await trx.executeQuery(ROLLBACK_TO);
            await trx.executeQuery(RELEASE);
          }
        }
        await rollups.apply(trx);
        const injected = this.#failNext;
        if (injected) {
          this.#failNext = undefined;
          throw injected;
        }
      });
      committed = true;
      // The writer is free for the next batch while this one's sync runs; its callers still wait for the sync.
      if (durable) {
        this.#finish();
        await durable();
      }
    } catch (error) {
      if (durable && committed) {
        // Committed but not known to be on disk: nobody hears "done"; a retry with the same key finds the row.
        for (const item of batch) item.reject(error);
        return;
      }
      if (!(error instanceof SoleFailure)) {
        // The commit failed (or the transaction could not begin): nothing of the batch is stored, so nobody hears "done".
        this.#finish();
        for (const item of batch) item.reject(error);
        return;
      }
    }
    const batchInfo = { size: batch.length, failed: outcomes.filter((o) => !o.ok).length };
    for (const listener of this.#observers) listener(batchInfo);
    const retry: Pending[] = [];
    batch.forEach((item, i) => {
      const o = outcomes[i]!;
      if (o.ok) item.resolve(o.value);
      // A deadlock victim (PostgreSQL: two transactions that waited for each other, which the lock order above leaves
      // only to a retried idempotency key) was rolled back to its savepoint: it runs again in a later batch.
      else if (isDeadlock(o.error) && item.attempts < 3) retry.push({ ...item, attempts: item.attempts + 1 });
      else item.reject(o.error);
    });
    this.#queue.unshift(...retry);
    if (!durable || !committed) this.#finish();
    else this.#schedule();
  }

  /** The batch's transaction; with `durable` set, one whose commit leaves the sync to it (see GroupCommitOptions). */
  async #inTransaction(body: (trx: Transaction<Database>) => Promise<void>): Promise<void> {
    if (!this.#options.durable) return this.#db.transaction().execute(body);
    await this.#db.connection().execute(async (conn) => {
      await conn.executeQuery(RELAXED);
      try {
        await conn.transaction().execute(body);
      } finally {
        await conn.executeQuery(FULL);
      }
    });
  }

  #finish(): void {
    this.#inFlight--;
    this.#schedule();
  }
}

/** The only unit of a batch failed: its transaction is rolled back, and it rejects with its own error. */
class SoleFailure extends Error {
  constructor() {
    super('the only unit of work in the batch failed');
  }
}

const writers = new WeakMap<Kysely<Database>, GroupCommit>();

/** The group-commit writer of this database connection (one per Kysely instance, so one per process). */
export function groupCommit(db: Kysely<Database>): GroupCommit {
  let writer = writers.get(db);
  if (!writer) {
    writer = new GroupCommit(db);
    writers.set(db, writer);
  }
  return writer;
}

/** Sets how the connection's writer batches (server/main.ts, at start, before any rating). */
export function configureGroupCommit(db: Kysely<Database>, options: Partial<GroupCommitOptions>): void {
  writers.set(db, new GroupCommit(db, options));
}
