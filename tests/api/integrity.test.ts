// Integrity: throttling per hashed client in the database, held-back ratings kept and counted as excluded, kiosks,
// idempotency under concurrency, and the retention purge.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { purgeAbuseData } from '../../db/queries/integrity.ts';
import { writeSetting } from '../../db/queries/settings.ts';
import { ACCOUNTS, FIXTURE, insertFixtureUsers, signIn, testApp } from '../support/db.ts';

type TestApp = Awaited<ReturnType<typeof testApp>>;
let t: TestApp;
beforeEach(async () => {
  // 10:00 WITA on a Monday.
  t = await testApp(new Date('2026-08-10T02:00:00.000Z'), { trustProxy: true });
  await insertFixtureUsers(t.db);
});
afterEach(async () => {
  await t.close();
});

const A = (v: number[]) => Object.fromEntries(v.map((x, i) => [`U${i + 1}`, x]));

function rate(client: string, answers: number[], extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  return t.app.request(`/api/units/${FIXTURE.gorontaloUnit}/ratings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': client, ...headers },
    body: JSON.stringify({ idempotencyKey: crypto.randomUUID(), service: FIXTURE.ktp, answers: A(answers), ...extra }),
  });
}

async function scores() {
  return (await (await t.app.request(`/api/units/${FIXTURE.gorontaloUnit}/scores?period=2026`)).json()) as any;
}

async function reasons() {
  return (await t.db.selectFrom('responses').select('exclusion_reason').where('exclusion_reason', 'is not', null).execute()).map((r) => r.exclusion_reason);
}

describe('a flood of ratings from one client', () => {
  it('is at least 99 % throttled or excluded, and moves the IKM by less than 0.5', async () => {
    // Three hundred honest residents over the past weeks, each from their own address.
    for (let i = 0; i < 300; i++) {
      t.clock.now = new Date(Date.parse('2026-07-01T02:00:00.000Z') + i * 3 * 3_600_000);
      const base = 3 + (i % 3 === 0 ? 1 : 0) - (i % 7 === 0 ? 1 : 0);
      expect((await rate(`10.1.${Math.floor(i / 250)}.${i % 250}`, [base, base, base - (i % 2), base, base, base, base, base - 1, base])).status).toBe(201);
    }
    const before = await scores();
    t.clock.now = new Date('2026-08-10T02:00:00.000Z');
    const statuses: number[] = [];
    for (let i = 0; i < 1000; i++) {
      t.clock.now = new Date(Date.parse('2026-08-10T02:00:00.000Z') + i * 200);
      statuses.push((await rate('203.0.113.66', [1, 1, 1, 1, 1, 1, 1, 1, 1])).status);
    }
    const after = await scores();
    const accepted = statuses.filter((s) => s === 201).length;
    const throttled = statuses.filter((s) => s === 429).length;
    const excluded = (await reasons()).length;
    const counted = accepted - excluded;
    console.log(`[integrity] 1000 rapid ratings: ${throttled} throttled (429), ${accepted} answered 201 of which ${excluded} held back; ${counted} counted; IKM ${before.ikm} → ${after.ikm}`);
    expect(throttled + accepted).toBe(1000);
    expect((throttled + excluded) / 1000).toBeGreaterThanOrEqual(0.99);
    expect(Math.abs(after.ikm - before.ikm)).toBeLessThan(0.5);
    expect(after.nExcluded).toBe(excluded);
  });

  it('answers 429 with Retry-After, and lets the client rate again after the window', async () => {
    const statuses = [];
    for (let i = 0; i < 11; i++) statuses.push((await rate('198.51.100.7', [3, 3, 3, 3, 3, 3, 3, 2 + (i % 2), 3 + (i % 2)])).status);
    expect(statuses.slice(0, 10).every((s) => s === 201)).toBe(true);
    const blocked = await rate('198.51.100.7', [3, 3, 3, 3, 3, 3, 3, 3, 3]);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await rate('198.51.100.8', [3, 3, 3, 3, 3, 3, 3, 3, 3])).status).toBe(201);
    t.clock.now = new Date(t.clock.now.getTime() + 11 * 60_000);
    expect((await rate('198.51.100.7', [3, 3, 3, 3, 3, 3, 3, 3, 3])).status).toBe(201);
  });

  it('admits no more than the limit when the requests arrive all at once', async () => {
    const statuses = await Promise.all(Array.from({ length: 25 }, async (_, i) =>
      (await rate('198.51.100.9', [3, 3, 3, 3, 3, 3, 1 + (i % 4), 1 + ((i >> 2) % 4), 2])).status));
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
  });
});

describe('sign-in guesses sent all at once', () => {
  it('are all counted: no more than the limit are checked, the rest answered 429', async () => {
    const statuses = await Promise.all(Array.from({ length: 20 }, async () => (await t.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost', 'x-forwarded-for': '198.51.100.10' },
      body: JSON.stringify({ email: ACCOUNTS.admin, password: 'salah-tebak-123' }),
    })).status));
    const checked = statuses.filter((s) => s === 401).length;
    expect(checked).toBeGreaterThan(0);
    expect(checked).toBeLessThanOrEqual(5);
    expect(checked + statuses.filter((s) => s === 429).length).toBe(20);
  });
});

describe('held-back ratings', () => {
  it('keeps a honeypot submission, answers 201 accepted, and counts it as excluded', async () => {
    const res = await rate('192.0.2.1', [4, 4, 4, 4, 4, 4, 4, 4, 4], { website: 'http://spam.example' });
    expect(res.status).toBe(201);
    expect(((await res.json()) as any).status).toBe('accepted');
    expect(await reasons()).toEqual(['honeypot']);
    expect(await scores()).toMatchObject({ n: 0, nExcluded: 1 });
  });

  it('holds back the third identical answer set from one address in ten minutes, even with form tickets', async () => {
    for (let i = 0; i < 3; i++) {
      const ticket = ((await (await t.app.request(`/api/units/${FIXTURE.gorontaloUnit}/form-ticket?purpose=rating`)).json()) as any).ticket;
      t.clock.now = new Date(t.clock.now.getTime() + 60_000);
      await rate('192.0.2.2', [4, 4, 4, 4, 4, 4, 4, 4, 4], { ticket, browserToken: `peramban-${i}-uji` });
    }
    expect(await reasons()).toEqual(['identical_pattern']);
  });

  it('counts one rating without a form ticket per address and unit in ten minutes (a burst), and again after the window', async () => {
    for (let i = 0; i < 3; i++) expect((await rate('192.0.2.3', [3, 3, 3, 3, 2 + (i % 3), 3, 3, 3, 1 + (i % 4)])).status).toBe(201);
    expect(await reasons()).toEqual(['burst_client', 'burst_client']);
    t.clock.now = new Date(t.clock.now.getTime() + 11 * 60_000);
    await rate('192.0.2.3', [3, 3, 3, 3, 3, 3, 3, 3, 2]);
    expect(await reasons()).toHaveLength(2);
  });

  it('holds back a comment repeated word for word within a day, from any client', async () => {
    await rate('192.0.2.4', [2, 2, 2, 2, 2, 2, 2, 2, 2], { comment: 'Petugas lambat sekali!' });
    await rate('192.0.2.5', [2, 2, 2, 2, 2, 2, 2, 2, 2], { comment: 'Petugas lambat sekali!' });
    expect(await reasons()).toEqual(['repeated_comment']);
  });

  it('keeps the IKM of verified ratings beside that of all reportable ones', async () => {
    const cookie = await signIn(t.app, ACCOUNTS.staffGorontalo);
    const codes = ((await (await t.app.request(`/api/staff/units/${FIXTURE.gorontaloUnit}/visit-codes`, { method: 'POST', headers: { cookie, origin: 'http://localhost', 'content-type': 'application/json' }, body: JSON.stringify({ count: 2 }) })).json()) as any).codes;
    // k = 2, the smallest the small-cell rule allows: two verified ratings give a public verified IKM (decision 047).
    await writeSetting(t.db, 'min_public_ratings', '2', new Date());
    await rate('192.0.2.6', [4, 4, 4, 4, 4, 4, 4, 4, 4], { visitCode: codes[0] });
    await rate('192.0.2.8', [4, 4, 4, 4, 4, 4, 4, 4, 4], { visitCode: codes[1] });
    await rate('192.0.2.7', [2, 2, 2, 2, 2, 2, 2, 2, 2]);
    // (36 + 36 + 18) / 27 × 25 = 83.33
    expect(await scores()).toMatchObject({ n: 3, nVerified: 2, ikm: 83.33, ikmVerified: 100 });
  });

  it('shows evaluators the excluded ratings per unit and reason, within their region only', async () => {
    await rate('192.0.2.8', [4, 4, 4, 4, 4, 4, 4, 4, 4], { website: 'x' });
    const inside = await signIn(t.app, ACCOUNTS.evaluatorGorontalo);
    const outside = await signIn(t.app, ACCOUNTS.evaluatorPalembang);
    const get = async (cookie: string) => ((await (await t.app.request('/api/integrity/excluded?period=2026', { headers: { cookie } })).json()) as any).items;
    expect(await get(inside)).toEqual([{ unitSlug: FIXTURE.gorontaloUnit, unitName: 'Dukcapil Uji Gorontalo', reason: 'honeypot', n: 1 }]);
    expect(await get(outside)).toEqual([]);
    expect((await t.app.request('/api/integrity/excluded?period=2026')).status).toBe(401);
  });
});

describe('kiosks', () => {
  async function registerKiosk() {
    const cookie = await signIn(t.app, ACCOUNTS.staffGorontalo);
    const res = await t.app.request(`/api/staff/units/${FIXTURE.gorontaloUnit}/kiosks`, { method: 'POST', headers: { cookie, origin: 'http://localhost', 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Kios lobi' }) });
    const kiosk = ((await res.json()) as any) as { id: string; token: string };
    // A kiosk registered by staff waits for an administrator's approval.
    const admin = await signIn(t.app, ACCOUNTS.admin);
    await t.app.request(`/api/admin/kiosks/${kiosk.id}/approve`, { method: 'POST', headers: { cookie: admin, origin: 'http://localhost' } });
    return kiosk;
  }

  it('records the device of a registered kiosk and holds back ratings less than 20 seconds apart', async () => {
    const kiosk = await registerKiosk();
    const headers = { 'x-kiosk-token': kiosk.token };
    expect((await rate('192.0.2.9', [3, 3, 3, 3, 3, 3, 3, 3, 4], { channel: 'kiosk' }, headers)).status).toBe(201);
    t.clock.now = new Date(t.clock.now.getTime() + 10_000);
    expect((await rate('192.0.2.9', [4, 3, 3, 3, 3, 3, 3, 3, 3], { channel: 'kiosk' }, headers)).status).toBe(201);
    t.clock.now = new Date(t.clock.now.getTime() + 60_000);
    expect((await rate('192.0.2.9', [4, 4, 3, 3, 3, 3, 3, 3, 3], { channel: 'kiosk' }, headers)).status).toBe(201);
    const rows = await t.db.selectFrom('responses').select(['device_id', 'exclusion_reason']).orderBy('created_at').execute();
    expect(rows).toEqual([
      { device_id: kiosk.id, exclusion_reason: null },
      { device_id: kiosk.id, exclusion_reason: 'burst_device' },
      { device_id: kiosk.id, exclusion_reason: null },
    ]);
  });

  it('refuses an unregistered or revoked kiosk token with 403', async () => {
    expect((await rate('192.0.2.10', [3, 3, 3, 3, 3, 3, 3, 3, 3], { channel: 'kiosk' }, { 'x-kiosk-token': 'palsu' })).status).toBe(403);
  });

  it('holds back kiosk ratings outside opening hours (22:00 WITA)', async () => {
    const kiosk = await registerKiosk();
    t.clock.now = new Date('2026-08-10T14:00:00.000Z');
    await rate('192.0.2.11', [4, 4, 4, 4, 4, 4, 4, 4, 4], { channel: 'kiosk' }, { 'x-kiosk-token': kiosk.token });
    expect(await reasons()).toEqual(['outside_hours']);
  });
});

describe('idempotency under concurrency', () => {
  it('stores one rating when the same key is sent ten times at once', async () => {
    const body = JSON.stringify({ idempotencyKey: crypto.randomUUID(), service: FIXTURE.ktp, answers: A([3, 3, 3, 3, 3, 3, 3, 3, 3]) });
    const responses = await Promise.all(Array.from({ length: 10 }, () => t.app.request(`/api/units/${FIXTURE.gorontaloUnit}/ratings`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': '192.0.2.12' }, body,
    })));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    const receipts = new Set(await Promise.all(responses.map(async (r) => ((await r.json()) as any).receipt)));
    expect(receipts.size).toBe(1);
    expect(await scores()).toMatchObject({ n: 1 });
  });
});

describe('retention', () => {
  it('clears address hashes after 30 days and deletes old salts and throttle events', async () => {
    await rate('192.0.2.13', [3, 3, 3, 3, 3, 3, 3, 3, 3]);
    expect((await t.db.selectFrom('responses').select('ip_hash').executeTakeFirstOrThrow()).ip_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await t.db.selectFrom('hash_salts').selectAll().execute()).toHaveLength(1);
    // Ten days on: the day's salt is gone (so the hash can no longer be matched), the hash itself is kept a while.
    const soon = await purgeAbuseData(t.db, new Date('2026-08-20T00:00:00.000Z'));
    expect(soon).toMatchObject({ addressHashesCleared: 0, saltsDeleted: 1 });
    expect(soon.throttleEventsDeleted).toBeGreaterThan(0);
    const later = await purgeAbuseData(t.db, new Date('2026-09-10T00:00:00.000Z'));
    expect(later).toMatchObject({ addressHashesCleared: 1, saltsDeleted: 0 });
    expect((await t.db.selectFrom('responses').select('ip_hash').executeTakeFirstOrThrow()).ip_hash).toBeNull();
  });

  it('never stores the address itself', async () => {
    await rate('192.0.2.14', [3, 3, 3, 3, 3, 3, 3, 3, 3]);
    const dump = JSON.stringify(await t.db.selectFrom('responses').selectAll().execute()) + JSON.stringify(await t.db.selectFrom('throttle_events').selectAll().execute());
    expect(dump).not.toContain('192.0.2.14');
  });
});
