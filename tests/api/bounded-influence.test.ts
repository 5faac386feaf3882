// Issue 24, "bounded influence" (docs/decisions/045): 24 simulated hours on the demo world. One address — and,
// separately, 64 IPv6 /64 networks inside one /48 — runs the full browser protocol (a form ticket per submission, 10 s
// to fill it in, a browser token of its own, varied answers) against samsat-palembang-1's ratings and against
// dpmptsp-kota-gorontalo's PBG permit reports, while forty residents on one other address rate samsat-palembang-1 in
// half an hour. The 2026-Q4 IKM must move by less than a point without changing grade, the PBG median by at most a
// working day, and at least 38 of the residents must count. The figures are printed for the closing note.
import { afterEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../db/connect.ts';
import { createApp } from '../../server/app.ts';
import { parseProxyTrust } from '../../server/auth/client.ts';
import { demoDb } from '../support/db.ts';

const START = Date.parse('2026-11-23T01:00:00.000Z'); // Monday, 08:00 in Palembang, 09:00 in Gorontalo
const HOUR = 3_600_000;
const RATING_UNIT = 'samsat-palembang-1';
const PERMIT_UNIT = 'dpmptsp-kota-gorontalo';
const PBG = 'penerbitan-pbg';
/** What the bot sends per target and 10 minutes: all of it would have counted under the old 30-per-10-minutes rule. */
const PER_10_MIN = 4;

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

let conn: Connection | undefined;
afterEach(async () => {
  await conn?.close();
  conn = undefined;
});

async function demo() {
  conn = await demoDb();
  const clock = { now: new Date(START) };
  const app = createApp({ db: conn.db, now: () => clock.now, trustProxy: parseProxyTrust('loopback') });
  // Every request arrives from our proxy on the loopback; X-Forwarded-For names the client (docs/decisions/017).
  const request = (path: string, init: RequestInit = {}) => app.request(path, init, { incoming: { socket: { remoteAddress: '127.0.0.1' } } });
  return { db: conn.db, clock, request };
}

type World = Awaited<ReturnType<typeof demo>>;
const json = { 'content-type': 'application/json' };

async function figures(w: World) {
  const s = (await (await w.request(`/api/units/${RATING_UNIT}/scores?period=2026-Q4`)).json()) as { ikm: number; mutu: string; n: number };
  const p = (await (await w.request(`/api/units/${PERMIT_UNIT}/permit-times?period=2026-Q4`)).json()) as { services: { slug: string; n: number; medianDays: number; withinSlaShare: number }[] };
  const pbg = p.services.find((x) => x.slug === PBG)!;
  return { ikm: s.ikm, mutu: s.mutu, n: s.n, median: pbg.medianDays, within: pbg.withinSlaShare, permitN: pbg.n };
}

async function ticket(w: World, unit: string, purpose: 'rating' | 'permit', client: string): Promise<string> {
  const res = await w.request(`/api/units/${unit}/form-ticket?purpose=${purpose}`, { headers: { 'x-forwarded-for': client } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { ticket: string }).ticket;
}

async function post(w: World, path: string, client: string, body: Record<string, unknown>): Promise<string> {
  const res = await w.request(path, { method: 'POST', headers: { ...json, 'x-forwarded-for': client }, body: JSON.stringify({ idempotencyKey: crypto.randomUUID(), ...body }) });
  // Held back or counted, the answer is the same (decision 022): the bot cannot tell.
  const answer = (await res.json()) as { id: string };
  expect(res.status, JSON.stringify(answer)).toBe(201);
  return answer.id;
}

/** Adds `days` working days (Monday to Friday; the bot does not care about holidays) to an ISO date. */
function plusWorkingDays(iso: string, days: number): string {
  let d = Date.parse(`${iso}T00:00:00Z`);
  for (let n = 0; n < days;) {
    d += 86_400_000;
    const dow = new Date(d).getUTCDay();
    if (dow !== 0 && dow !== 6) n++;
  }
  return new Date(d).toISOString().slice(0, 10);
}

async function simulate(label: string, botAddress: (i: number) => string) {
  const w = await demo();
  const random = prng(20261207);
  const before = await figures(w);
  // What residents of samsat-palembang-1 answer: its own counted ratings of the quarter, drawn at random.
  const usual = await w.db.selectFrom('responses').innerJoin('units', 'units.id', 'responses.unit_id')
    .select(['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9'])
    .where('units.slug', '=', RATING_UNIT).where('local_date', '>=', '2026-10-01').where('exclusion_reason', 'is', null).execute();

  type Event = { at: number; run: () => Promise<void> };
  const events: Event[] = [];
  const bot = { ratings: new Set<string>(), permits: new Set<string>() };
  const residents = new Set<string>();
  let sent = 0;
  // The bot: every 10 minutes for 24 hours, PER_10_MIN ratings and PER_10_MIN permit reports, each through a form of
  // its own: ticket, 12 s, then the submission with a new browser token and answers that vary.
  for (let slot = 0; slot < 24 * 6; slot++) {
    for (let k = 0; k < PER_10_MIN; k++) {
      const opened = START + slot * 600_000 + Math.floor((k * 600_000) / PER_10_MIN);
      const client = botAddress(sent++);
      const answers = Object.fromEntries(Array.from({ length: 9 }, (_, e) => [`U${e + 1}`, random() < 0.8 ? 4 : 3]));
      let form = '';
      events.push({ at: opened, run: async () => { form = await ticket(w, RATING_UNIT, 'rating', client); } });
      events.push({ at: opened + 12_000, run: async () => {
        bot.ratings.add(await post(w, `/api/units/${RATING_UNIT}/ratings`, client, { answers, ticket: form, browserToken: crypto.randomUUID(), channel: random() < 0.5 ? 'qr' : 'web' }));
      } });
      // A PBG "finished" 45–60 working days after the file was complete, between August and mid-November.
      const submittedOn = new Date(Date.parse('2026-08-03T00:00:00Z') + Math.floor(random() * 25) * 86_400_000).toISOString().slice(0, 10);
      const completedOn = plusWorkingDays(submittedOn, 45 + Math.floor(random() * 16));
      const permitClient = botAddress(sent++);
      let permitForm = '';
      events.push({ at: opened + 1_000, run: async () => { permitForm = await ticket(w, PERMIT_UNIT, 'permit', permitClient); } });
      events.push({ at: opened + 14_000, run: async () => {
        bot.permits.add(await post(w, `/api/units/${PERMIT_UNIT}/permit-reports`, permitClient, { service: PBG, submittedOn, completedOn, ticket: permitForm, browserToken: crypto.randomUUID() }));
      } });
    }
  }
  // Forty residents on one other shared address, in half an hour at midday: each opens the form, answers in one to
  // four minutes, sends — answering like the unit's other residents.
  const shared = '203.0.113.200';
  for (let r = 0; r < 40; r++) {
    const opened = START + 12 * HOUR + Math.floor(random() * 26 * 60_000);
    const row = usual[Math.floor(random() * usual.length)]!;
    const answers = { U1: row.u1, U2: row.u2, U3: row.u3, U4: row.u4, U5: row.u5, U6: row.u6, U7: row.u7, U8: row.u8, U9: row.u9 };
    let form = '';
    events.push({ at: opened, run: async () => { form = await ticket(w, RATING_UNIT, 'rating', shared); } });
    events.push({ at: opened + 60_000 + Math.floor(random() * 180_000), run: async () => {
      residents.add(await post(w, `/api/units/${RATING_UNIT}/ratings`, shared, { answers, ticket: form, browserToken: crypto.randomUUID() }));
    } });
  }
  events.sort((a, b) => a.at - b.at);
  for (const e of events) {
    w.clock.now = new Date(e.at);
    await e.run();
  }
  const after = await figures(w);
  const ratingRows = await w.db.selectFrom('responses').select(['id', 'exclusion_reason']).where('created_at', '>=', new Date(START).toISOString()).execute();
  const permitRows = await w.db.selectFrom('permit_reports').select(['id', 'exclusion_reason']).where('created_at', '>=', new Date(START).toISOString()).execute();
  const counted = (rows: { id: string; exclusion_reason: string | null }[], ids: Set<string>) => rows.filter((r) => ids.has(r.id) && r.exclusion_reason === null).length;
  // The IKM without the bot (the quarter's counted ratings, residents included), by the regulation's formula.
  const honest = (await w.db.selectFrom('responses').innerJoin('units', 'units.id', 'responses.unit_id')
    .select(['responses.id', 'u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9'])
    .where('units.slug', '=', RATING_UNIT).where('local_date', '>=', '2026-10-01').where('exclusion_reason', 'is', null).execute())
    .filter((r) => !bot.ratings.has(r.id));
  const honestIkm = Math.round((2500 * honest.reduce((s, r) => s + r.u1 + r.u2 + r.u3 + r.u4 + r.u5 + r.u6 + r.u7 + r.u8 + r.u9, 0)) / (9 * honest.length)) / 100;
  const botRatingsCounted = counted(ratingRows, bot.ratings);
  const botPermitsCounted = counted(permitRows, bot.permits);
  const residentsCounted = counted(ratingRows, residents);
  console.log(
    `[bounded influence, ${label}] 24 h, ${bot.ratings.size} bot ratings: ${botRatingsCounted} counted, ${bot.ratings.size - botRatingsCounted} held; ` +
      `${bot.permits.size} bot PBG reports: ${botPermitsCounted} counted, ${bot.permits.size - botPermitsCounted} held; residents counted ${residentsCounted}/40\n` +
      `  ${RATING_UNIT} 2026-Q4: IKM ${before.ikm} → ${after.ikm} (grade ${before.mutu} → ${after.mutu}), n ${before.n} → ${after.n}; without the bot ${honestIkm}\n` +
      `  ${PERMIT_UNIT} PBG 2026-Q4: median ${before.median} → ${after.median} working days, within standard ${Math.round(before.within * 1000) / 10} % → ${Math.round(after.within * 1000) / 10} %, n ${before.permitN} → ${after.permitN}`,
  );
  expect(Math.abs(after.ikm - before.ikm)).toBeLessThan(1);
  expect(after.mutu).toBe(before.mutu);
  expect(Math.abs(after.median - before.median)).toBeLessThanOrEqual(1);
  expect(residentsCounted).toBeGreaterThanOrEqual(38);
  // Everything the bot sent beyond its share waits for an evaluator, stored with its reason.
  expect(ratingRows.filter((r) => bot.ratings.has(r.id) && r.exclusion_reason === 'address_share').length).toBeGreaterThan(0);
}

describe('bounded influence over 24 simulated hours on the demo world', () => {
  it('one IPv4 address running the browser protocol moves neither the IKM a point nor the PBG median a day; forty residents on another count', async () => {
    await simulate('one IPv4 address', () => '198.51.100.77');
  }, 480_000);

  it('the same from 64 IPv6 /64 networks inside one /48', async () => {
    await simulate('64 /64s in one /48', (i) => `2001:db8:77:${(i % 64).toString(16)}::${(i % 997) + 1}`);
  }, 480_000);
});

describe('what waits for the evaluator', () => {
  it('lists what was held back beyond an address\'s share, with each unit\'s busiest address; accepting makes it count, audited', async () => {
    const { ACCOUNTS, FIXTURE, insertFixtureUsers, signIn, testApp } = await import('../support/db.ts');
    const t = await testApp(new Date('2026-11-02T02:00:00.000Z'), { trustProxy: true });
    try {
      await insertFixtureUsers(t.db);
      const unit = FIXTURE.gorontaloUnit;
      const send = (client: string, path: string, body: Record<string, unknown>) => t.app.request(path, {
        method: 'POST', headers: { ...json, 'x-forwarded-for': client }, body: JSON.stringify({ idempotencyKey: crypto.randomUUID(), ...body }),
      });
      // The quarter so far: forty residents from addresses of their own, answering 3 and sometimes 2.
      for (let i = 0; i < 40; i++) {
        const answers = Object.fromEntries(Array.from({ length: 9 }, (_, k) => [`U${k + 1}`, (i + k) % 4 === 0 ? 2 : 3]));
        expect((await send(`10.7.0.${i + 1}`, `/api/units/${unit}/ratings`, { answers, service: FIXTURE.ktp })).status).toBe(201);
      }
      // One address, through the form protocol, answering a little above the others (3 everywhere, 4 in two elements).
      const bot = '198.51.100.9';
      for (let i = 0; i < 12; i++) {
        const res = await t.app.request(`/api/units/${unit}/form-ticket?purpose=rating`, { headers: { 'x-forwarded-for': bot } });
        const { ticket } = (await res.json()) as { ticket: string };
        t.clock.now = new Date(t.clock.now.getTime() + 15_000);
        const answers = Object.fromEntries(Array.from({ length: 9 }, (_, k) => [`U${k + 1}`, k === i % 9 || k === (i + 4) % 9 ? 4 : 3]));
        expect((await send(bot, `/api/units/${unit}/ratings`, { answers, service: FIXTURE.ktp, ticket, browserToken: crypto.randomUUID() })).status).toBe(201);
      }
      const held = await t.db.selectFrom('responses').select('id').where('exclusion_reason', '=', 'address_share').execute();
      expect(held.length).toBeGreaterThan(0);
      const evaluator = await signIn(t.app, ACCOUNTS.evaluatorGorontalo);
      const list = (await (await t.app.request('/api/evaluation/held-back?period=2026-Q4', { headers: { cookie: evaluator } })).json()) as {
        ratings: { id: string; unitSlug: string }[]; addressShare: { unitSlug: string; n: number; busiest: number; share: number }[];
      };
      expect(list.ratings.map((r) => r.id).sort()).toEqual(held.map((r) => r.id).sort());
      const share = list.addressShare.find((u) => u.unitSlug === unit)!;
      expect(share.busiest).toBe(12 - held.length);
      expect(share.n).toBe(40 + 12 - held.length);
      // The other region's evaluator sees none of it and cannot accept it.
      const other = await signIn(t.app, ACCOUNTS.evaluatorPalembang);
      expect(((await (await t.app.request('/api/evaluation/held-back?period=2026-Q4', { headers: { cookie: other } })).json()) as { ratings: unknown[] }).ratings).toHaveLength(0);
      const lift = (cookie: string) => t.app.request(`/api/evaluation/responses/${held[0]!.id}/lift`, {
        method: 'POST', headers: { ...json, cookie, origin: 'http://localhost' }, body: JSON.stringify({ reason: 'Antrean ramai di loket, jawaban wajar.' }),
      });
      expect((await lift(other)).status).toBe(404);
      const before = (await (await t.app.request(`/api/units/${unit}/scores?period=2026-Q4`)).json()) as { n: number };
      expect((await lift(evaluator)).status).toBe(200);
      const after = (await (await t.app.request(`/api/units/${unit}/scores?period=2026-Q4`)).json()) as { n: number };
      expect(after.n).toBe(before.n + 1);
      const audit = await t.db.selectFrom('audit_log').select(['action', 'target']).where('action', '=', 'response.lift').execute();
      expect(audit).toEqual([{ action: 'response.lift', target: held[0]!.id }]);
      // Retention: the quarter's salt and keys stay through its review window (45 days after it ends), then go together.
      const { purgeAbuseData } = await import('../../db/queries/integrity.ts');
      const keyed = async () => (await t.db.selectFrom('responses').select('id').where('address_key', 'is not', null).execute()).length;
      await purgeAbuseData(t.db, new Date('2027-02-14T12:00:00.000Z'));
      expect(await keyed()).toBe(52);
      expect(await t.db.selectFrom('address_salts').select('period').execute()).toEqual([{ period: '2026-Q4' }]);
      await purgeAbuseData(t.db, new Date('2027-02-15T12:00:00.000Z'));
      expect(await keyed()).toBe(0);
      expect(await t.db.selectFrom('address_salts').select('period').execute()).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
