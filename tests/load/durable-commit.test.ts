// Issue 19, durable commits off the request thread (docs/decisions/041). On an SQLite file the group commit commits a
// batch without SQLite's own WAL sync and then waits for an fdatasync of the WAL on libuv's thread pool before it
// answers anyone; the next batch may commit meanwhile. WAL checkpoints run in a worker thread with its own connection,
// never inside a commit. Nothing here measures time: the tests hold the sync and look at who has been answered.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connect, migrateToLatest, type Connection } from '../../db/connect.ts';
import { GroupCommit } from '../../db/group-commit.ts';

let dir: string;
let conn: Connection;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rapor-durable-'));
  conn = connect(join(dir, 'rapor.db'));
  await migrateToLatest(conn.db);
});
afterEach(async () => {
  await conn.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A stand-in for the WAL sync that the test lets go of by hand. */
function heldSync() {
  const waiting: (() => void)[] = [];
  return {
    calls: () => waiting.length,
    durable: () => new Promise<void>((resolve) => waiting.push(resolve)),
    release: (i: number) => waiting[i]!(),
  };
}

const setting = (key: string) => async (trx: Parameters<Parameters<GroupCommit['run']>[0]>[0]) => {
  await trx.insertInto('settings').values({ key, value: 'x', updated_at: new Date().toISOString() } as never).execute();
  return key;
};
const stored = async (key: string) =>
  (await sql<{ n: number }>`select count(*) as n from settings where key = ${key}`.execute(conn.db)).rows[0]!.n;
/** Lets the writer run until `done()` holds (a bounded number of turns, not a time limit). */
async function until(done: () => boolean) {
  for (let turn = 0; turn < 200 && !done(); turn++) await new Promise((r) => setImmediate(r));
}

describe('group commit on an SQLite file: the WAL sync after the commit, off the request thread', () => {
  it('answers a batch only after its sync returned, and lets the next batch commit meanwhile', async () => {
    const sync = heldSync();
    const writer = new GroupCommit(conn.db, { maxBatch: 64, concurrency: 1, durable: sync.durable });
    const answered: string[] = [];
    const first = writer.run(setting('durable-a')).then((k) => answered.push(k));
    await until(() => sync.calls() === 1);
    expect(sync.calls()).toBe(1);
    // Committed (visible) but not yet known to be on disk: nobody is answered.
    expect(await stored('durable-a')).toBe(1);
    expect(answered).toEqual([]);
    // The writer is free: a second batch commits while the first one's sync is still held.
    const second = writer.run(setting('durable-b')).then((k) => answered.push(k));
    await until(() => sync.calls() === 2);
    expect(sync.calls()).toBe(2);
    expect(await stored('durable-b')).toBe(1);
    expect(answered).toEqual([]);
    sync.release(1);
    await second;
    expect(answered).toEqual(['durable-b']);
    sync.release(0);
    await first;
    expect(answered).toEqual(['durable-b', 'durable-a']);
  });

  it('leaves the connection syncing every other commit itself (synchronous=FULL)', async () => {
    const writer = new GroupCommit(conn.db, { maxBatch: 64, concurrency: 1, durable: () => Promise.resolve() });
    await writer.run(setting('durable-c'));
    const level = await sql<{ synchronous: number }>`pragma synchronous`.execute(conn.db);
    expect(level.rows[0]!.synchronous).toBe(2);
  });

  it('answers nobody "done" when the sync fails, and the work stays for a retry to find', async () => {
    const writer = new GroupCommit(conn.db, { maxBatch: 64, concurrency: 1, durable: () => Promise.reject(new Error('EIO')) });
    await expect(writer.run(setting('durable-d'))).rejects.toThrow('EIO');
    expect(await stored('durable-d')).toBe(1);
    // The writer goes on with the next batch.
    const next = new GroupCommit(conn.db, { maxBatch: 64, concurrency: 1, durable: () => Promise.resolve() });
    await expect(next.run(setting('durable-e'))).resolves.toBe('durable-e');
  });

  it('syncs the WAL file of the connection', async () => {
    expect(conn.syncWal).toBeTypeOf('function');
    await conn.db.insertInto('settings').values({ key: 'durable-f', value: 'x', updated_at: new Date().toISOString() } as never).execute();
    await Promise.all([conn.syncWal!(), conn.syncWal!(), conn.syncWal!()]);
    expect(statSync(join(dir, 'rapor.db-wal')).size).toBeGreaterThan(0);
  });
});

describe('WAL checkpoints in a worker thread while ratings are written', () => {
  it('takes checkpoints out of the writer and copies the WAL into the database file itself', async () => {
    const checkpoints = conn.checkpointOffThread!();
    const autocheckpoint = async () => (await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(conn.db)).rows[0]!.wal_autocheckpoint;
    try {
      // Nothing written yet: no worker, and SQLite checkpoints as it does by default.
      expect(checkpoints.running()).toBe(false);
      expect(await autocheckpoint()).toBe(1000);
      checkpoints.wrote();
      expect(checkpoints.running()).toBe(true);
      expect(await autocheckpoint()).toBe(0);
      // Far past SQLite's own 1,000-page threshold: the writer never checkpoints, so the WAL holds every frame …
      const big = 'x'.repeat(3000);
      for (let i = 0; i < 40; i++) {
        await conn.db.transaction().execute(async (trx) => {
          for (let j = 0; j < 40; j++) await trx.insertInto('settings').values({ key: `bulk-${i}-${j}`, value: big, updated_at: new Date().toISOString() } as never).execute();
        });
      }
      // … until the worker copies them into the database file.
      const report = await checkpoints.now();
      expect(report.log).toBeGreaterThan(1000);
      expect(report.checkpointed).toBe(report.log);
      expect(statSync(join(dir, 'rapor.db')).size).toBeGreaterThan(40 * 40 * 3000);
    } finally {
      await checkpoints.stop();
    }
    // Stopped: the connection checkpoints itself again.
    expect(checkpoints.running()).toBe(false);
    expect(await autocheckpoint()).toBe(1000);
  });

  it('ends the worker after a quiet spell and starts one again with the next write', async () => {
    const checkpoints = conn.checkpointOffThread!({ everyMs: 5, quietMs: 40 });
    try {
      checkpoints.wrote();
      expect(checkpoints.running()).toBe(true);
      for (let turn = 0; turn < 400 && checkpoints.running(); turn++) await new Promise((r) => setTimeout(r, 5));
      expect(checkpoints.running()).toBe(false);
      checkpoints.wrote();
      expect(checkpoints.running()).toBe(true);
    } finally {
      await checkpoints.stop();
    }
  });
});
