// Issue 19, group commit (docs/decisions/035): ratings that arrive together share one transaction and one commit; each
// is answered only after the commit that holds it; a bad or throttled rating fails alone; a retry inside the same batch
// counts once; the rollups always equal a recount of the stored responses.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { groupCommit } from '../../db/group-commit.ts';
import { FIXTURE, testApp } from '../support/db.ts';

type TestApp = Awaited<ReturnType<typeof testApp>>;
let t: TestApp;
beforeEach(async () => {
  // 10:00 WITA on Monday 2 November 2026.
  t = await testApp(new Date('2026-11-02T02:00:00.000Z'), { trustProxy: true });
});
afterEach(async () => {
  await t.close();
});

const UNIT = FIXTURE.gorontaloUnit;
const ANSWERS = { U1: 3, U2: 3, U3: 4, U4: 3, U5: 3, U6: 4, U7: 3, U8: 3, U9: 2 };

async function rate(client: string, extra: Record<string, unknown> = {}): Promise<Response> {
  return t.app.request(`/api/units/${UNIT}/ratings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': client },
    body: JSON.stringify({ idempotencyKey: crypto.randomUUID(), service: FIXTURE.ktp, answers: ANSWERS, ...extra }),
  });
}

/** Holds the writer's commits, fires the requests, waits until all of them wait in one batch, then lets it go. */
async function inOneBatch(expected: number, requests: () => Promise<Response>[]) {
  const events: string[] = [];
  const writer = groupCommit(t.db);
  const stopObserving = writer.observe((batch) => events.push(`commit ${batch.size}`));
  const release = writer.hold();
  const pending = requests().map((p, i) => p.then(async (res) => {
    events.push(`answer ${i}`);
    return { status: res.status, body: (await res.json()) as { id?: string; error?: { code: string } } };
  }));
  // Not a timing assertion: the requests are in flight until they all queue behind the held commit.
  while (writer.waiting() < expected) await new Promise((r) => setImmediate(r));
  expect(events).toEqual([]);
  release();
  const replies = await Promise.all(pending);
  stopObserving();
  return { replies, events };
}

async function recount() {
  const stored = await sql<{ n: number; u1: number }>`select count(*) as n, coalesce(sum(u1), 0) as u1 from responses where exclusion_reason is null`.execute(t.db);
  const all = await sql<{ n: number }>`select count(*) as n from responses`.execute(t.db);
  const daily = await sql<{ n: number; x: number; u1: number }>`select coalesce(sum(n), 0) as n, coalesce(sum(n_excluded), 0) as x, coalesce(sum(sum_u1), 0) as u1 from score_daily`.execute(t.db);
  const monthly = await sql<{ n: number; x: number; u1: number }>`select coalesce(sum(n), 0) as n, coalesce(sum(n_excluded), 0) as x, coalesce(sum(sum_u1), 0) as u1 from score_monthly`.execute(t.db);
  const num = (v: unknown) => Number(v);
  return {
    counted: num(stored.rows[0]!.n), stored: num(all.rows[0]!.n), u1: num(stored.rows[0]!.u1),
    daily: { counted: num(daily.rows[0]!.n), stored: num(daily.rows[0]!.n) + num(daily.rows[0]!.x), u1: num(daily.rows[0]!.u1) },
    monthly: { counted: num(monthly.rows[0]!.n), stored: num(monthly.rows[0]!.n) + num(monthly.rows[0]!.x), u1: num(monthly.rows[0]!.u1) },
  };
}

describe('group commit of ratings', () => {
  it('commits ratings arriving together once, and answers each only after that commit', async () => {
    const { replies, events } = await inOneBatch(12, () => Array.from({ length: 12 }, (_, i) => rate(`203.0.113.${i + 1}`)));
    expect(replies.map((r) => r.status)).toEqual(Array(12).fill(201));
    expect(events[0]).toBe('commit 12');
    expect(events.slice(1).sort()).toEqual(Array.from({ length: 12 }, (_, i) => `answer ${i}`).sort());
    const c = await recount();
    expect(c.stored).toBe(12);
    expect(c.daily).toEqual({ counted: c.counted, stored: c.stored, u1: c.u1 });
    expect(c.monthly).toEqual({ counted: c.counted, stored: c.stored, u1: c.u1 });
  });

  it('fails a throttled or refused rating alone: the others in its batch are stored and answered 201', async () => {
    // One address over its limit of 10 ratings per unit (429), an unknown visit code (422), and honest residents.
    const { replies, events } = await inOneBatch(20, () => [
      ...Array.from({ length: 12 }, () => rate('198.51.100.7')),
      rate('203.0.113.99', { visitCode: 'K7Q2-MX4D' }),
      ...Array.from({ length: 7 }, (_, i) => rate(`203.0.113.${i + 1}`)),
    ]);
    expect(events[0]).toBe('commit 20');
    const burst = replies.slice(0, 12).map((r) => r.status);
    expect(burst.filter((s) => s === 201)).toHaveLength(10);
    expect(burst.filter((s) => s === 429)).toHaveLength(2);
    expect(replies[12]!.body.error?.code).toBe('visit_code_unknown');
    expect(replies.slice(13).map((r) => r.status)).toEqual(Array(7).fill(201));
    const c = await recount();
    // Every 201 is stored (the burst's extra ratings held back by the integrity checks, still stored and counted as excluded).
    expect(c.stored).toBe(17);
    expect(c.daily).toEqual({ counted: c.counted, stored: c.stored, u1: c.u1 });
    expect(c.monthly).toEqual({ counted: c.counted, stored: c.stored, u1: c.u1 });
    // The throttled ones left no slot behind (the refused visit code keeps its own: guessing codes is throttled too).
    const slots = await sql<{ n: number }>`select count(*) as n from throttle_events where bucket like 'rating:client:%' group by bucket order by n desc`.execute(t.db);
    expect(slots.rows.map((r) => Number(r.n))).toEqual([10, 1, 1, 1, 1, 1, 1, 1, 1]);
  });

  it('counts a retry inside the same batch once', async () => {
    const key = crypto.randomUUID();
    const { replies } = await inOneBatch(6, () => [
      ...Array.from({ length: 4 }, () => rate('203.0.113.50', { idempotencyKey: key })),
      rate('203.0.113.51'),
      rate('203.0.113.52'),
    ]);
    const same = replies.slice(0, 4);
    expect(same.filter((r) => r.status === 201)).toHaveLength(1);
    expect(same.filter((r) => r.status === 200)).toHaveLength(3);
    expect(new Set(same.map((r) => r.body.id)).size).toBe(1);
    expect(replies.slice(4).map((r) => r.status)).toEqual([201, 201]);
    const c = await recount();
    expect(c.stored).toBe(3);
    expect(c.daily).toEqual({ counted: c.counted, stored: c.stored, u1: c.u1 });
  });

  it('answers a rating whose batch fails to commit with an error, never 201', async () => {
    const writer = groupCommit(t.db);
    const release = writer.hold();
    const pending = Array.from({ length: 3 }, (_, i) => rate(`203.0.113.${i + 1}`));
    while (writer.waiting() < 3) await new Promise((r) => setImmediate(r));
    writer.failNextCommit(new Error('disk full (test)'));
    release();
    const statuses = await Promise.all(pending.map(async (p) => (await p).status));
    expect(statuses).toEqual([500, 500, 500]);
    expect((await recount()).stored).toBe(0);
    // The writer carries on with the next batch.
    expect((await rate('203.0.113.9')).status).toBe(201);
    expect((await recount()).stored).toBe(1);
  });
});
