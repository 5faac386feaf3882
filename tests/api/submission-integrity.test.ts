// Issue "Scores that cannot be bought": the attacks on ratings and permit reports as an outsider, a bot and a unit's
// own staff, each reproduced, and the simulation of honest residents sharing one address with a bot.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOLIDAYS } from '../../db/seed-data.ts';
import { ACCOUNTS, FIXTURE, insertFixtureUsers, signIn, testApp } from '../support/db.ts';

type TestApp = Awaited<ReturnType<typeof testApp>>;
let t: TestApp;
beforeEach(async () => {
  // 10:00 WITA on Monday 2 November 2026.
  t = await testApp(new Date('2026-11-02T02:00:00.000Z'), { trustProxy: true });
  await insertFixtureUsers(t.db);
  await t.db.insertInto('holidays').values(HOLIDAYS.flatMap((h) => h.days.map(([date, name]) => ({ date, name, kind: h.kind })))).execute();
});
afterEach(async () => {
  await t.close();
});

const UNIT = FIXTURE.gorontaloUnit;
const A = (v: number[]) => Object.fromEntries(v.map((x, i) => [`U${i + 1}`, x]));
const json = { 'content-type': 'application/json' };
const later = (ms: number) => { t.clock.now = new Date(t.clock.now.getTime() + ms); };

/** A small seeded generator, so every run of the simulation is the same run. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

function rate(client: string, answers: number[], extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  return t.app.request(`/api/units/${UNIT}/ratings`, {
    method: 'POST',
    headers: { ...json, 'x-forwarded-for': client, ...headers },
    body: JSON.stringify({ idempotencyKey: crypto.randomUUID(), service: FIXTURE.ktp, answers: A(answers), ...extra }),
  });
}

function report(client: string, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return t.app.request(`/api/units/${UNIT}/permit-reports`, {
    method: 'POST',
    headers: { ...json, 'x-forwarded-for': client, ...headers },
    body: JSON.stringify({ idempotencyKey: crypto.randomUUID(), service: FIXTURE.kk, ...body }),
  });
}

async function ticket(client: string, purpose: 'rating' | 'permit'): Promise<string | undefined> {
  const res = await t.app.request(`/api/units/${UNIT}/form-ticket?purpose=${purpose}`, { headers: { 'x-forwarded-for': client } });
  return res.status === 200 ? ((await res.json()) as { ticket: string }).ticket : undefined;
}

async function scores(period = '2026-Q4') {
  return (await (await t.app.request(`/api/units/${UNIT}/scores?period=${period}`)).json()) as { ikm: number; n: number; nExcluded: number };
}

async function permitTimes(period = '2026-10') {
  const body = (await (await t.app.request(`/api/units/${UNIT}/permit-times?period=${period}`)).json()) as { services: { slug: string; n: number; medianDays: number | null }[] };
  return body.services.find((s) => s.slug === FIXTURE.kk)!;
}

async function staffCookie() {
  return signIn(t.app, ACCOUNTS.staffGorontalo);
}

function send(cookie: string, method: string, path: string, body?: unknown) {
  return t.app.request(path, { method, headers: { cookie, origin: 'http://localhost', ...json }, body: body === undefined ? undefined : JSON.stringify(body) });
}

/** Working-day spans of October 2026 (Kartu Keluarga): submitted on a date, completed `days` working days later. */
function octoberSpan(i: number, days: number): { submittedOn: string; completedOn: string } {
  // Start on a Monday of September so every span ends in October.
  const start = new Date(Date.UTC(2026, 8, 28 + (i % 3)));
  let d = new Date(start);
  let n = 0;
  while (n < days) {
    d = new Date(d.getTime() + 86_400_000);
    const dow = d.getUTCDay();
    const iso = d.toISOString().slice(0, 10);
    if (dow !== 0 && dow !== 6 && !HOLIDAYS.some((h) => h.days.some(([date]) => date === iso))) n++;
  }
  return { submittedOn: start.toISOString().slice(0, 10), completedOn: d.toISOString().slice(0, 10) };
}

describe('finding 1: permit reports from one address', () => {
  it('150 identical reports in 0.4 s do not move the monthly median; they are held back and shown to evaluators', async () => {
    // Twenty-one residents, each from their own address, waited 10 working days.
    for (let i = 0; i < 21; i++) expect((await report(`10.9.0.${i + 1}`, octoberSpan(i, 10))).status).toBe(201);
    const before = await permitTimes();
    expect(before.medianDays).toBe(10);
    const statuses: number[] = [];
    for (let i = 0; i < 150; i++) {
      later(2);
      statuses.push((await report('203.0.113.50', octoberSpan(0, 20))).status);
    }
    const after = await permitTimes();
    console.log(`[permits] 150 reports from one address: ${statuses.filter((s) => s === 201).length} answered 201, ${statuses.filter((s) => s === 429).length} 429; median ${before.medianDays} → ${after.medianDays}, n ${before.n} → ${after.n}`);
    expect(after.medianDays).toBe(10);
    expect(after.n - before.n).toBeLessThanOrEqual(1);
    const held = await t.db.selectFrom('permit_reports').select('exclusion_reason').where('exclusion_reason', 'is not', null).execute();
    expect(held.length).toBeGreaterThanOrEqual(statuses.filter((s) => s === 201).length - 1);
    for (const r of held) expect(['burst_client', 'identical_pattern']).toContain(r.exclusion_reason);
    expect((await t.db.selectFrom('permit_reports').select('ip_hash').where('ip_hash', 'is', null).execute())).toHaveLength(0);
    const evaluator = await signIn(t.app, ACCOUNTS.evaluatorGorontalo);
    const excluded = (await (await t.app.request('/api/integrity/excluded?period=2026', { headers: { cookie: evaluator } })).json()) as { permitItems: { unitSlug: string; reason: string; n: number }[] };
    expect(excluded.permitItems.filter((r) => r.unitSlug === UNIT).reduce((s, r) => s + r.n, 0)).toBe(held.length);
  });

  it('marks a report carrying a valid visit code as verified, and lets an administrator count only verified reports for ASN', async () => {
    const staff = await staffCookie();
    const codes = ((await (await send(staff, 'POST', `/api/staff/units/${UNIT}/visit-codes`, { count: 1 })).json()) as { codes: string[] }).codes;
    const res = await report('10.9.1.1', { ...octoberSpan(0, 3), visitCode: codes[0] });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { verified: boolean }).verified).toBe(true);
    expect((await t.db.selectFrom('permit_reports').select('verified').executeTakeFirstOrThrow()).verified).toBe(1);
    // The same code cannot verify a second report.
    const again = await report('10.9.1.2', { ...octoberSpan(1, 3), visitCode: codes[0] });
    expect(again.status).toBe(409);
    const admin = await signIn(t.app, ACCOUNTS.admin);
    expect((await send(admin, 'PUT', '/api/admin/settings', { asnPermitVerifiedOnly: true })).status).toBe(200);
    expect(((await (await t.app.request('/api/admin/settings', { headers: { cookie: admin } })).json()) as { asnPermitVerifiedOnly: boolean }).asnPermitVerifiedOnly).toBe(true);
    expect((await send(staff, 'PUT', '/api/admin/settings', { asnPermitVerifiedOnly: false })).status).toBe(403);
  });
});

describe('finding 4: kiosks registered by staff', () => {
  it('a kiosk registered by staff waits for an administrator; its ratings are refused until approved', async () => {
    const staff = await staffCookie();
    const kiosk = (await (await send(staff, 'POST', `/api/staff/units/${UNIT}/kiosks`, { name: 'Kios kedua' })).json()) as { id: string; token: string; status: string };
    expect(kiosk.status).toBe('pending');
    const refused = await rate('192.0.2.20', [4, 4, 4, 4, 4, 4, 4, 4, 4], { channel: 'kiosk' }, { 'x-kiosk-token': kiosk.token });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('kiosk_not_approved');
    const admin = await signIn(t.app, ACCOUNTS.admin);
    expect((await send(staff, 'POST', `/api/admin/kiosks/${kiosk.id}/approve`)).status).toBe(403);
    expect((await send(admin, 'POST', `/api/admin/kiosks/${kiosk.id}/approve`)).status).toBe(200);
    expect((await rate('192.0.2.20', [4, 4, 4, 4, 4, 4, 4, 3, 4], { channel: 'kiosk' }, { 'x-kiosk-token': kiosk.token })).status).toBe(201);
    // A cap raised by an administrator lets staff register that many kiosks without waiting.
    expect((await send(admin, 'PUT', `/api/admin/units/${UNIT}/kiosk-cap`, { kioskCap: 2 })).status).toBe(200);
    const second = (await (await send(staff, 'POST', `/api/staff/units/${UNIT}/kiosks`, { name: 'Kios ketiga' })).json()) as { status: string };
    expect(second.status).toBe('approved');
    const third = (await (await send(staff, 'POST', `/api/staff/units/${UNIT}/kiosks`, { name: 'Kios keempat' })).json()) as { status: string };
    expect(third.status).toBe('pending');
  });

  it('40 ratings with capture times stepping back 25 s each do not move the IKM', async () => {
    for (let i = 0; i < 30; i++) {
      later(60_000);
      await rate(`10.8.0.${i + 1}`, [3, 3, 2 + (i % 2), 3, 3, 3, 2 + (i % 3 === 0 ? 1 : 0), 3, 3]);
    }
    const before = await scores();
    const admin = await signIn(t.app, ACCOUNTS.admin);
    const staff = await staffCookie();
    const kiosk = (await (await send(staff, 'POST', `/api/staff/units/${UNIT}/kiosks`, { name: 'Kios titipan' })).json()) as { id: string; token: string };
    await send(admin, 'POST', `/api/admin/kiosks/${kiosk.id}/approve`);
    later(60_000);
    const arrived = t.clock.now.getTime();
    for (let i = 0; i < 40; i++) {
      const res = await rate('192.0.2.21', [4, 4, 4, 4, 4, 4, 4, 4, 4 - (i % 2)], { channel: 'kiosk', capturedAt: new Date(arrived - i * 25_000).toISOString() }, { 'x-kiosk-token': kiosk.token });
      expect(res.status).toBe(201);
    }
    const after = await scores();
    console.log(`[kiosk] 40 back-dated kiosk ratings: IKM ${before.ikm} → ${after.ikm}, n ${before.n} → ${after.n}`);
    expect(after.n - before.n).toBeLessThanOrEqual(1);
    expect(Math.abs(after.ikm - before.ikm)).toBeLessThan(1);
  });

  it('judges device bursts on arrival too: capture times must increase and stay after the approval', async () => {
    const admin = await signIn(t.app, ACCOUNTS.admin);
    const staff = await staffCookie();
    const kiosk = (await (await send(staff, 'POST', `/api/staff/units/${UNIT}/kiosks`, { name: 'Kios lobi' })).json()) as { id: string; token: string };
    await send(admin, 'POST', `/api/admin/kiosks/${kiosk.id}/approve`);
    const approvedAt = t.clock.now.getTime();
    later(30 * 60_000);
    // Captured before the kiosk was approved: impossible for an honest device.
    await rate('192.0.2.22', [4, 4, 4, 4, 4, 4, 4, 4, 3], { channel: 'kiosk', capturedAt: new Date(approvedAt - 3_600_000).toISOString() }, { 'x-kiosk-token': kiosk.token });
    // Forward-stepping capture times 25 s apart are what an offline kiosk sends when it comes back.
    for (let i = 0; i < 5; i++) {
      await rate('192.0.2.22', [3, 4, 3, 4, 3, 4, 3, 4, 3 + (i % 2)], { channel: 'kiosk', capturedAt: new Date(approvedAt + 60_000 + i * 25_000).toISOString() }, { 'x-kiosk-token': kiosk.token });
    }
    // A capture time earlier than one already sent.
    await rate('192.0.2.22', [2, 2, 2, 2, 2, 2, 2, 2, 2], { channel: 'kiosk', capturedAt: new Date(approvedAt + 70_000).toISOString() }, { 'x-kiosk-token': kiosk.token });
    const rows = await t.db.selectFrom('responses').select(['exclusion_reason']).where('device_id', '=', kiosk.id).orderBy('id').execute();
    expect(rows.map((r) => r.exclusion_reason).sort()).toEqual(['device_clock', 'device_clock', null, null, null, null, null].sort());
  });

  it('never lands a kiosk rating in a closed quarter', async () => {
    const admin = await signIn(t.app, ACCOUNTS.admin);
    const staff = await staffCookie();
    const kiosk = (await (await send(staff, 'POST', `/api/staff/units/${UNIT}/kiosks`, { name: 'Kios offline' })).json()) as { id: string; token: string };
    t.clock.now = new Date('2026-09-20T02:00:00.000Z');
    await send(admin, 'POST', `/api/admin/kiosks/${kiosk.id}/approve`);
    // Captured at 15:00 WITA on 30 September, sent at 08:30 WITA on 4 October: Q3 closed that morning, and the capture
    // is older than the 72 hours a kiosk may hold a rating. It is kept, dated by its arrival, and held back.
    t.clock.now = new Date('2026-10-04T00:30:00.000Z');
    const q3 = await scores('2026-Q3');
    const res = await rate('192.0.2.23', [1, 1, 1, 1, 1, 1, 1, 1, 1], { channel: 'kiosk', capturedAt: '2026-09-30T07:00:00.000Z' }, { 'x-kiosk-token': kiosk.token });
    expect(res.status).toBe(201);
    expect(await scores('2026-Q3')).toEqual(q3);
    const row = await t.db.selectFrom('responses').select(['exclusion_reason', 'local_date']).executeTakeFirstOrThrow();
    expect(row).toEqual({ exclusion_reason: 'device_clock', local_date: '2026-10-04' });
  });

  it('shows evaluators each unit\'s share of kiosk ratings', async () => {
    const admin = await signIn(t.app, ACCOUNTS.admin);
    const staff = await staffCookie();
    const kiosk = (await (await send(staff, 'POST', `/api/staff/units/${UNIT}/kiosks`, { name: 'Kios' })).json()) as { id: string; token: string };
    await send(admin, 'POST', `/api/admin/kiosks/${kiosk.id}/approve`);
    for (let i = 0; i < 3; i++) {
      later(60_000);
      await rate('192.0.2.24', [3, 3, 3, 3, 3, 4, 3, 3, 3 + (i % 2)], { channel: 'kiosk' }, { 'x-kiosk-token': kiosk.token });
    }
    await rate('10.7.0.1', [3, 3, 3, 3, 3, 3, 3, 3, 3]);
    const evaluator = await signIn(t.app, ACCOUNTS.evaluatorGorontalo);
    const body = (await (await t.app.request('/api/integrity/excluded?period=2026', { headers: { cookie: evaluator } })).json()) as { kioskShare: { unitSlug: string; n: number; nKiosk: number; share: number }[] };
    expect(body.kioskShare.find((k) => k.unitSlug === UNIT)).toMatchObject({ n: 4, nKiosk: 3, share: 0.75 });
  });
});

describe('finding 5: the kiosk channel without a kiosk token', () => {
  it('is judged like the web channel', async () => {
    const counted = async (client: string, channel: string) => {
      for (let i = 0; i < 10; i++) await rate(client, [3, 3, 3, 3, 3, 3, 1 + (i % 4), 1 + ((i >> 2) % 4), 2], { channel });
      return (await t.db.selectFrom('responses').select('id').where('exclusion_reason', 'is', null).where('channel', '=', 'web').execute()).length;
    };
    const web = await counted('198.51.100.40', 'web');
    const kiosk = (await counted('198.51.100.41', 'kiosk')) - web;
    expect(kiosk).toBe(web);
    expect(await t.db.selectFrom('responses').select('id').where('channel', '=', 'kiosk').execute()).toHaveLength(0);
  });
});

describe('finding 12: no oracle for bots', () => {
  it('answers a held-back rating with a valid visit code exactly as a counted one', async () => {
    const staff = await staffCookie();
    const codes = ((await (await send(staff, 'POST', `/api/staff/units/${UNIT}/visit-codes`, { count: 2 })).json()) as { codes: string[] }).codes;
    const clean = (await (await rate('198.51.100.50', [3, 3, 3, 3, 3, 3, 3, 3, 4], { visitCode: codes[0] })).json()) as { status: string };
    const held = await rate('198.51.100.51', [3, 3, 3, 3, 3, 3, 3, 4, 3], { visitCode: codes[1], website: 'http://bot.example' });
    expect((await t.db.selectFrom('responses').select('exclusion_reason').where('exclusion_reason', 'is not', null).execute())).toHaveLength(1);
    const body = (await held.json()) as { status: string };
    expect(body.status).toBe(clean.status);
    expect(Object.keys(body).sort()).toEqual(Object.keys(clean).sort());
  });
});

describe('finding 15: residents on one connection', () => {
  it('receipt words say the rating was received, not that it counted', async () => {
    const { ratingStrings } = await import('../../core/i18n/i18n-rating.ts');
    for (const lang of ['id', 'en'] as const) {
      expect(JSON.stringify(ratingStrings(lang))).not.toMatch(/dihitung dalam Indeks|counts in this unit|counted in the/i);
    }
    expect(ratingStrings('id').thanksBody).toMatch(/kami terima/);
    expect(ratingStrings('en').thanksBody).toMatch(/received/);
  });

  it('forty residents on one shared address count; a bot from that address rotating everything moves the IKM by less than 0.5', async () => {
    const random = prng(20261201);
    const start = t.clock.now.getTime();
    const historyIds = new Set<string>();
    // The unit's quarter so far: 150 residents from their own addresses over the past weeks.
    for (let i = 0; i < 150; i++) {
      t.clock.now = new Date(Date.parse('2026-10-01T01:00:00.000Z') + i * 3 * 3_600_000);
      const a = Array.from({ length: 9 }, () => (random() < 0.6 ? 3 : random() < 0.7 ? 4 : 2));
      const res = await rate(`10.6.${i >> 8}.${i & 255}`, a);
      expect(res.status).toBe(201);
      historyIds.add(((await res.json()) as { id: string }).id);
    }
    const shared = '203.0.113.77';
    type Event = { at: number; run: () => Promise<void> };
    const events: Event[] = [];
    const residentsCounted: string[] = [];
    // Forty residents, each with their own browser: they open the form (a ticket), answer for one to four minutes, send.
    for (let r = 0; r < 40; r++) {
      const opened = start + Math.floor(random() * 26 * 60_000);
      const sent = opened + 60_000 + Math.floor(random() * 180_000);
      const browser = crypto.randomUUID();
      const answers = Array.from({ length: 9 }, () => (random() < 0.55 ? 3 : random() < 0.75 ? 4 : 2));
      let form: string | undefined;
      events.push({ at: opened, run: async () => { form = await ticket(shared, 'rating'); } });
      events.push({ at: sent, run: async () => {
        const res = await rate(shared, answers, { browserToken: browser, ticket: form, channel: random() < 0.5 ? 'qr' : 'web' }, { 'user-agent': `Mozilla/5.0 (Linux; Android 1${r % 4}) resident ${r}` });
        expect(res.status).toBe(201);
        residentsCounted.push(((await res.json()) as { id: string }).id);
      } });
    }
    // The bot: 1,000 ratings over the same 30 minutes, each with a new key, browser token, user agent, a forged
    // forwarded chain, a channel, a capture time and a made-up ticket, all answers 1 or 2.
    for (let b = 0; b < 1000; b++) {
      const at = start + Math.floor((b * 30 * 60_000) / 1000);
      events.push({ at, run: async () => {
        const forged = `${10 + (b % 200)}.${b % 250}.${(b * 7) % 250}.${(b * 13) % 250}`;
        const answers = Array.from({ length: 9 }, () => (random() < 0.7 ? 1 : 2));
        const channels = ['web', 'qr', 'kiosk'];
        await rate(`${forged}, ${shared}`, answers, {
          browserToken: crypto.randomUUID(), ticket: b % 2 ? `t1.${crypto.randomUUID()}` : undefined, channel: channels[b % 3],
          capturedAt: new Date(at - (b % 50) * 60_000).toISOString(),
        }, { 'user-agent': `bot/${b}` });
      } });
    }
    events.sort((a, b) => a.at - b.at);
    for (const e of events) {
      t.clock.now = new Date(e.at);
      await e.run();
    }
    const rows = await t.db.selectFrom('responses').select(['id', 'exclusion_reason', 'u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9']).execute();
    const residentIds = new Set(residentsCounted);
    const counted = rows.filter((r) => r.exclusion_reason === null);
    const residentsIn = counted.filter((r) => residentIds.has(r.id)).length;
    const botIn = counted.filter((r) => !residentIds.has(r.id) && !historyIds.has(r.id)).length;
    // The IKM of the honest ratings alone (the quarter's history and the residents who counted), by the regulation's formula.
    const honest = counted.filter((r) => residentIds.has(r.id) || historyIds.has(r.id));
    const sums = [0, 0, 0, 0, 0, 0, 0, 0, 0];
    for (const r of honest) [r.u1, r.u2, r.u3, r.u4, r.u5, r.u6, r.u7, r.u8, r.u9].forEach((v, i) => { sums[i]! += v; });
    const honestIkm = sums.reduce((s, x) => s + x / honest.length / 9, 0) * 25;
    const after = await scores();
    console.log(`[simulation] residents counted ${residentsIn}/40; bot ratings counted ${botIn}/1000; IKM honest ${honestIkm.toFixed(2)} vs published ${after.ikm}`);
    expect(residentsIn).toBeGreaterThanOrEqual(38);
    expect(Math.abs(after.ikm - honestIkm)).toBeLessThan(0.5);
  }, 300_000);

  it('the same for permit reports: forty residents count, a rotating bot leaves the median where it was', async () => {
    const random = prng(7);
    const historyIds = new Set<string>();
    for (let i = 0; i < 60; i++) {
      const res = await report(`10.5.0.${i + 1}`, octoberSpan(i, 5 + (i % 7)));
      expect(res.status).toBe(201);
      historyIds.add(((await res.json()) as { id: string }).id);
    }
    const start = t.clock.now.getTime();
    const shared = '203.0.113.78';
    type Event = { at: number; run: () => Promise<void> };
    const events: Event[] = [];
    const residentIds = new Set<string>();
    for (let r = 0; r < 40; r++) {
      const opened = start + Math.floor(random() * 26 * 60_000);
      const sent = opened + 45_000 + Math.floor(random() * 120_000);
      const span = octoberSpan(r, 5 + (r % 7));
      let form: string | undefined;
      events.push({ at: opened, run: async () => { form = await ticket(shared, 'permit'); } });
      events.push({ at: sent, run: async () => {
        const res = await report(shared, { ...span, browserToken: crypto.randomUUID(), ticket: form }, { 'user-agent': `resident ${r}` });
        expect(res.status).toBe(201);
        residentIds.add(((await res.json()) as { id: string }).id);
      } });
    }
    for (let b = 0; b < 1000; b++) {
      const at = start + Math.floor((b * 30 * 60_000) / 1000);
      events.push({ at, run: async () => {
        await report(`${10 + (b % 200)}.${b % 250}.1.1, ${shared}`, { ...octoberSpan(b, 15 + (b % 6)), browserToken: crypto.randomUUID(), ticket: b % 2 ? `t1.${crypto.randomUUID()}` : undefined }, { 'user-agent': `bot/${b}` });
      } });
    }
    events.sort((a, b) => a.at - b.at);
    for (const e of events) {
      t.clock.now = new Date(e.at);
      await e.run();
    }
    const rows = await t.db.selectFrom('permit_reports').select(['id', 'exclusion_reason', 'working_days']).execute();
    const residentsIn = rows.filter((r) => residentIds.has(r.id) && r.exclusion_reason === null).length;
    const honest = rows.filter((r) => r.exclusion_reason === null && (residentIds.has(r.id) || historyIds.has(r.id))).map((r) => r.working_days!).sort((a, b) => a - b);
    const honestMedian = honest.length % 2 ? honest[(honest.length - 1) / 2]! : (honest[honest.length / 2 - 1]! + honest[honest.length / 2]!) / 2;
    const published = await permitTimes();
    console.log(`[simulation] permit residents counted ${residentsIn}/40; bot reports counted ${published.n - 60 - residentsIn}/1000; median honest ${honestMedian} vs published ${published.medianDays}`);
    expect(residentsIn).toBeGreaterThanOrEqual(38);
    expect(Math.abs(published.medianDays! - honestMedian)).toBeLessThan(0.5);
  }, 300_000);
});
