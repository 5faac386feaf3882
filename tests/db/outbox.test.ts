// The mail outbox's queries (issue 27 item 1, docs/decisions/060): a mail exists exactly when the transaction that
// queued it committed; a due row is claimed by one worker only, even when several claim at once; a failed try comes
// back after its backoff and, after the last try, stays failed and visible. On every engine.
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_MAIL_ATTEMPTS, retryDelayMs } from '../../core/domain/outbox.ts';
import type { Connection } from '../../db/connect.ts';
import { claimNextMail, enqueueMail, markMailSent, outboxCounts, recordMailFailure, type ClaimedMail } from '../../db/queries/outbox.ts';
import { migratedDb } from '../support/db.ts';

const T0 = new Date('2026-12-07T08:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const mail = (n: number) => ({ kind: 'test', recipient: `staf${n}@example.go.id`, subject: `Uji ${n}`, text: `Teks ${n}`, html: `<p>Teks ${n}</p>` });
const options = { now: T0, domain: 'rapor.example.go.id' };
const LEASE = 60_000;

let conn: Connection | undefined;
afterEach(async () => {
  await conn?.close();
  conn = undefined;
});

describe('outbox queries', () => {
  it('keeps a mail only when the transaction that queued it commits, with its own Message-ID', async () => {
    conn = await migratedDb();
    const { db } = conn;
    await expect(db.transaction().execute(async (trx) => {
      await enqueueMail(trx, mail(1), options);
      throw new Error('what caused the mail failed');
    })).rejects.toThrow('what caused the mail failed');
    expect(await db.selectFrom('outbox').selectAll().execute()).toEqual([]);
    const queued = await db.transaction().execute((trx) => enqueueMail(trx, { ...mail(2), language: 'en', headers: { 'X-Rapor': 'uji' } }, options));
    expect(queued.messageId).toBe(`<${queued.id}@rapor.example.go.id>`);
    const rows = await db.selectFrom('outbox').selectAll().execute();
    expect(rows.map((r) => [r.recipient, r.message_id, r.language, JSON.parse(r.headers), Number(r.attempts), r.next_attempt_at, r.sent_at]))
      .toEqual([['staf2@example.go.id', queued.messageId, 'en', { 'X-Rapor': 'uji' }, 0, T0.toISOString(), null]]);
    expect((await enqueueMail(db, mail(3), options)).messageId).not.toBe(queued.messageId);
  });

  it('gives each due row to one claimer only, also when they claim at the same moment', async () => {
    conn = await migratedDb();
    const { db } = conn;
    for (let n = 0; n < 20; n++) await enqueueMail(db, mail(n), options);
    const claimed: string[] = [];
    const claimer = async () => {
      for (let row = await claimNextMail(db, at(1), LEASE); row; row = await claimNextMail(db, at(1), LEASE)) claimed.push(row.id);
    };
    await Promise.all([claimer(), claimer(), claimer(), claimer()]);
    expect(claimed).toHaveLength(20);
    expect(new Set(claimed).size).toBe(20);
    // Held: nobody claims them again until the lease runs out; then each may be claimed again (its sender died).
    expect(await claimNextMail(db, at(LEASE), LEASE)).toBeUndefined();
    const again = await claimNextMail(db, at(LEASE + 1), LEASE);
    expect(again && Number(again.attempts)).toBe(2);
  });

  it('marks a row sent only for the claim that holds it; a sent row is never claimed again', async () => {
    conn = await migratedDb();
    const { db } = conn;
    await enqueueMail(db, mail(1), options);
    const first = (await claimNextMail(db, at(0), LEASE))!;
    // The first sender stalls past its lease and another takes the row over.
    const second = (await claimNextMail(db, at(LEASE + 1), LEASE))!;
    expect(second.id).toBe(first.id);
    expect(await markMailSent(db, first, at(LEASE + 2))).toBe(false);
    expect(await markMailSent(db, second, at(LEASE + 2))).toBe(true);
    expect(await claimNextMail(db, at(10 * LEASE), LEASE)).toBeUndefined();
    expect(await outboxCounts(db)).toEqual({ pending: 0, failed: 0, sent: 1 });
  });

  it('retries a failed mail after its backoff, and leaves it failed and visible after the last try', async () => {
    conn = await migratedDb();
    const { db } = conn;
    await enqueueMail(db, mail(1), options);
    let now = T0;
    let row: ClaimedMail | undefined;
    for (let attempt = 1; attempt <= MAX_MAIL_ATTEMPTS; attempt++) {
      row = await claimNextMail(db, now, LEASE);
      expect(row && Number(row.attempts)).toBe(attempt);
      const next = await recordMailFailure(db, row!, now, `451 try ${attempt}`);
      const delay = retryDelayMs(attempt);
      if (delay === null) {
        expect(next).toBeNull();
        break;
      }
      expect(next!.getTime() - now.getTime()).toBe(delay);
      // Not before its time.
      expect(await claimNextMail(db, new Date(next!.getTime() - 1), LEASE)).toBeUndefined();
      now = next!;
    }
    const stored = await db.selectFrom('outbox').selectAll().executeTakeFirstOrThrow();
    expect([Number(stored.attempts), stored.next_attempt_at, stored.failed_at, stored.last_error, stored.sent_at])
      .toEqual([MAX_MAIL_ATTEMPTS, null, now.toISOString(), `451 try ${MAX_MAIL_ATTEMPTS}`, null]);
    expect(await claimNextMail(db, at(365 * 24 * 3600_000), LEASE)).toBeUndefined();
    expect(await outboxCounts(db)).toEqual({ pending: 0, failed: 1, sent: 0 });
  });
});

describe('the retry schedule', () => {
  it('waits 1 min, 5 min, 30 min, 2 h, then 6 h, and stops after the last try', () => {
    const minutes = Array.from({ length: MAX_MAIL_ATTEMPTS }, (_, i) => retryDelayMs(i + 1)).map((ms) => ms && ms / 60_000);
    expect(minutes.slice(0, 6)).toEqual([1, 5, 30, 120, 360, 360]);
    expect(minutes[MAX_MAIL_ATTEMPTS - 1]).toBeNull();
    expect(retryDelayMs(2, 100)).toBe(500);
  });
});
