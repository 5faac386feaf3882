// Issue 18, item 1 (acceptance): the compliance board scores each unit of a year by the Zona Integritas and PEKPPP
// scales (DOMAIN.md §10, docs/decisions/033-compliance-scoring.md) from the surveys, the publication log and the RTL
// register. The expected figures below are worked out BY HAND in the comments and typed as literals; nothing here calls
// the scoring code.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACCOUNTS, FIXTURE, insertFixtureUsers, signIn, testApp } from '../support/db.ts';

type TestApp = Awaited<ReturnType<typeof testApp>>;
let t: TestApp;

/** A month of ratings in the monthly rollup (every answer 3): `n` respondents. */
async function surveyMonth(unitId: string, serviceId: string, month: string, n: number) {
  await t.db.insertInto('score_monthly').values({
    unit_id: unitId, service_id: serviceId, month, n, n_verified: 0, n_excluded: 0,
    sum_u1: 3 * n, sum_u2: 3 * n, sum_u3: 3 * n, sum_u4: 3 * n, sum_u5: 3 * n, sum_u6: 3 * n, sum_u7: 3 * n, sum_u8: 3 * n, sum_u9: 3 * n,
    sum_total: 27 * n, sum_total_sq: 729 * n, v_sum_total: 0, v_sum_total_sq: 0,
  }).execute();
}

let publications = 0;
async function publication(unitId: string, medium: string, source: string, on: string, evidenceUrl: string | null = null) {
  await t.db.insertInto('publications').values({
    id: `pub-${++publications}`, unit_id: unitId, medium: medium as never, source: source as never, published_on: on,
    period: null, note: null, evidence_url: evidenceUrl, created_by: null, created_at: `${on}T01:00:00.000Z`,
  }).execute();
}

async function rtl(id: string, unitId: string, period: string, status: string, plannedOn: string, completedOn: string | null, startedOn: string | null = null) {
  await t.db.insertInto('follow_ups').values({
    id, unit_id: unitId, period, element: 'U5', problem: 'Antrean panjang', action: 'Tambah loket', responsible: 'Kasi Pelayanan',
    due_date: '2026-12-31', status, progress: status === 'selesai' ? 100 : status === 'berjalan' ? 40 : 0, evidence_url: null,
    completed_on: completedOn, created_at: `${plannedOn}T01:00:00.000Z`, updated_at: `${plannedOn}T01:00:00.000Z`, planned_on: plannedOn, started_on: startedOn,
  }).execute();
}

beforeEach(async () => {
  // 15 December 2026, 11:00 WITA.
  t = await testApp(new Date('2026-12-15T03:00:00.000Z'));
  await insertFixtureUsers(t.db);

  // --- Surveys. Dukcapil Uji Gorontalo declares 1000 + 500 = 1500 users a year. A quarter's population is
  // round(1500 × days / 365) and its Krejcie & Morgan target s = 3.841·N·0.25 / (0.0025·(N − 1) + 3.841·0.25):
  //   Q1 (90 days): N = round(369.86) = 370; s = 355.2925 / 1.88275 = 188.71 → 189.  n = 200 ≥ 189: held.
  //   Q2 (91 days): N = round(373.97) = 374; s = 359.1335 / 1.89275 = 189.75 → 190.  n = 190 ≥ 190: held (exactly).
  //   Q3 (92 days): N = round(378.08) = 378; s = 362.9745 / 1.90275 = 190.76 → 191.  n = 150 < 191: not held.
  //   Q4 (92 days): target 191, n = 0: not held.
  // Two quarters held → ZI SKM frequency 2× = 0.50.
  await surveyMonth('u-gtlo', 's-ktp', '2026-02', 200);
  await surveyMonth('u-gtlo', 's-ktp', '2026-05', 120);
  await surveyMonth('u-gtlo', 's-kk', '2026-06', 70);
  await surveyMonth('u-gtlo', 's-ktp', '2026-08', 150);
  // Kecamatan Uji Plaju declares no users: no target, so its 50 ratings in Q1 are not an adequate sample. Held: 0 → 0.
  await surveyMonth('u-plaju', 's-leg', '2026-01', 50);

  // --- Publication log of Gorontalo in 2026: print (poster), electronic (screen), website (widget, twice: one medium),
  // social (recorded by hand). The billboard of December 2025 is another year and does not count.
  // Media types used: print, electronic, website, social = 4 → PEKPPP 7.a.T: 4 media = 4 (5 needs more than 4).
  // Online (website, social, app): yes; offline (print, electronic, billboard): yes → ZI publication 1.0.
  await publication('u-gtlo', 'print', 'poster', '2026-03-05');
  await publication('u-gtlo', 'electronic', 'screen', '2026-04-10');
  await publication('u-gtlo', 'website', 'widget', '2026-05-01');
  await publication('u-gtlo', 'website', 'widget', '2026-05-02');
  await publication('u-gtlo', 'social', 'manual', '2026-06-01', 'https://instagram.com/p/uji');
  await publication('u-gtlo', 'billboard', 'manual', '2025-12-20', 'https://contoh.id/baliho.jpg');
  // Plaju published nothing: 0 media → 7.a.T 0, ZI publication 0.

  // --- RTL register of Gorontalo: items whose period falls in 2026.
  //   A 2026-Q1 planned 2026-02-01, done 2026-02-21: 20 days.
  //   B 2026-S1 planned 2026-03-01, done 2026-05-30: 31 (Mar) + 30 (Apr) + 29 = 90 days.
  //   C 2026-Q2 planned 2026-04-01, done 2026-06-10: 30 (Apr) + 31 (May) + 9 = 70 days.
  //   D 2026-Q3 berjalan (started 2026-07-15), E 2026-Q3 rencana: not done.
  //   F 2025-S2, done: another year, not counted.
  // Planned 5, done 3, share 3/5 = 60 %:
  //   PEKPPP 8.a.Ak: 30–80 % = 3.   ZI follow-up: most (> 50 %) = 0.67.
  // Days to done 20, 70, 90: median 70, longest 90 → PEKPPP 9.a.Ak: all within 3 months (≤ 90 days) = 4.
  await rtl('rtl-a', 'u-gtlo', '2026-Q1', 'selesai', '2026-02-01', '2026-02-21');
  await rtl('rtl-b', 'u-gtlo', '2026-S1', 'selesai', '2026-03-01', '2026-05-30');
  await rtl('rtl-c', 'u-gtlo', '2026-Q2', 'selesai', '2026-04-01', '2026-06-10');
  await rtl('rtl-d', 'u-gtlo', '2026-Q3', 'berjalan', '2026-07-01', null, '2026-07-15');
  await rtl('rtl-e', 'u-gtlo', '2026-Q3', 'rencana', '2026-08-01', null);
  await rtl('rtl-f', 'u-gtlo', '2025-S2', 'selesai', '2025-08-01', '2025-09-01');
  // Plaju: one item, planned 2026-01-10, done 2026-12-01: day 335 − day 10 = 325 days.
  //   Planned 1, done 1, 100 % → 8.a.Ak 5, ZI follow-up all = 1.0; longest 325 ≤ 365 (12 months) → 9.a.Ak 1.
  await rtl('rtl-p', 'u-plaju', '2026', 'selesai', '2026-01-10', '2026-12-01');

  // PEKPPP 6.a.B, conditions of three: SKM per the regulation (a survey held with an adequate sample in the year),
  // published on electronic (electronic, social, website, app) AND non-electronic (print, billboard) media, followed up
  // (an RTL item done). Gorontalo: yes, yes (website + print), yes → 3 → 5. Plaju: no, no, yes → 1 → 2.
});
afterEach(async () => {
  await t.close();
});

const get = (cookie: string, path: string) => t.app.request(path, { headers: { cookie, origin: 'http://localhost' } });

interface UnitRow {
  unit: { slug: string };
  surveys: { held: number; quarters: { period: string; n: number; sampleTarget: number | null; adequate: boolean; evidenceUrl: string }[] };
  publication: { media: string[]; online: boolean; offline: boolean; entries: { medium: string; evidenceUrl: string }[]; logUrl: string };
  followUp: { planned: number; done: number; shareDone: number | null; medianDaysToDone: number | null; longestDaysToDone: number | null; registerUrl: string };
  scores: Record<string, number | null>;
  evidence: { packUrl: string };
}

describe('compliance board (issue 18, item 1)', () => {
  it('scores the demo units by hand-worked figures, every figure with its evidence', async () => {
    const cookie = await signIn(t.app, ACCOUNTS.evaluatorNational);
    const res = await get(cookie, '/api/compliance?year=2026');
    expect(res.status, await res.clone().text()).toBe(200);
    const body = (await res.json()) as { year: number; units: UnitRow[] };
    expect(body.year).toBe(2026);
    const g = body.units.find((u) => u.unit.slug === FIXTURE.gorontaloUnit)!;
    const p = body.units.find((u) => u.unit.slug === FIXTURE.palembangUnit)!;

    expect(g.surveys.quarters.map((q) => [q.period, q.n, q.sampleTarget, q.adequate])).toEqual([
      ['2026-Q1', 200, 189, true], ['2026-Q2', 190, 190, true], ['2026-Q3', 150, 191, false], ['2026-Q4', 0, 191, false],
    ]);
    expect(g.surveys.held).toBe(2);
    expect([...g.publication.media].sort()).toEqual(['electronic', 'print', 'social', 'website']);
    expect([g.publication.online, g.publication.offline]).toEqual([true, true]);
    expect(g.followUp).toMatchObject({ planned: 5, done: 3, shareDone: 60, medianDaysToDone: 70, longestDaysToDone: 90 });
    expect(g.scores).toEqual({ ziSkmFrequency: 0.5, ziPublication: 1, ziFollowUp: 0.67, pekppp7aT: 4, pekppp8aAk: 3, pekppp9aAk: 4, pekppp6aB: 5 });

    expect(p.surveys.quarters[0]).toMatchObject({ period: '2026-Q1', n: 50, sampleTarget: null, adequate: false });
    expect(p.surveys.held).toBe(0);
    expect(p.publication.media).toEqual([]);
    expect(p.followUp).toMatchObject({ planned: 1, done: 1, shareDone: 100, medianDaysToDone: 325, longestDaysToDone: 325 });
    expect(p.scores).toEqual({ ziSkmFrequency: 0, ziPublication: 0, ziFollowUp: 1, pekppp7aT: 0, pekppp8aAk: 5, pekppp9aAk: 1, pekppp6aB: 2 });

    // Evidence: each quarter links to its SKM report, each medium to its log entry, the register and the pack.
    expect(g.surveys.quarters[0]!.evidenceUrl).toContain(`/laporan/skm?unit=${FIXTURE.gorontaloUnit}&periode=2026-Q1`);
    expect(g.publication.entries.find((e) => e.medium === 'social')!.evidenceUrl).toBe('https://instagram.com/p/uji');
    expect(g.publication.logUrl).toContain(`/api/compliance/pack?unit=${FIXTURE.gorontaloUnit}&year=2026`);
    expect(g.followUp.registerUrl).toContain(`/unit/${FIXTURE.gorontaloUnit}`);
    expect(g.evidence.packUrl).toContain(`/api/compliance/pack?unit=${FIXTURE.gorontaloUnit}&year=2026`);
  });

  it('keeps each account to its scope', async () => {
    const staff = await signIn(t.app, ACCOUNTS.staffGorontalo);
    const own = (await (await get(staff, '/api/compliance?year=2026')).json()) as { units: UnitRow[] };
    expect(own.units.map((u) => u.unit.slug)).toEqual([FIXTURE.gorontaloUnit]);
    const evaluator = await signIn(t.app, ACCOUNTS.evaluatorPalembang);
    const theirs = (await (await get(evaluator, '/api/compliance?year=2026')).json()) as { units: UnitRow[] };
    expect(theirs.units.map((u) => u.unit.slug)).toEqual([FIXTURE.palembangUnit]);
    expect((await get(evaluator, '/api/compliance?year=2026&region=75')).status).toBe(403);
    expect((await t.app.request('/api/compliance?year=2026')).status).toBe(401);
    expect((await get(evaluator, '/api/compliance?year=20x6')).status).toBe(400);
  });

  it('exports CSV (decimal comma with ;) and XLSX', async () => {
    const cookie = await signIn(t.app, ACCOUNTS.admin);
    const csv = await get(cookie, '/api/compliance?year=2026&format=csv&sep=semicolon');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const text = await csv.text();
    const row = text.split('\r\n').find((l) => l.startsWith(FIXTURE.gorontaloUnit))!;
    // The house CSV writer quotes a cell holding a comma, whatever the separator (0,67 is still a number to the spreadsheet).
    expect(row, row).toContain(';"0,67";');
    const xlsx = await get(cookie, '/api/compliance?year=2026&format=xlsx');
    expect(xlsx.status).toBe(200);
    expect(new Uint8Array(await xlsx.arrayBuffer()).slice(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));
    const audited = await t.db.selectFrom('audit_log').select(['action', 'target']).where('action', '=', 'export.compliance').orderBy('at').execute();
    expect(audited.map((a) => a.target).sort()).toEqual(['2026.csv', '2026.xlsx']);
  });

  it('lets an administrator edit the thresholds, validated, and scores by them', async () => {
    const admin = await signIn(t.app, ACCOUNTS.admin);
    const put = (body: unknown) => t.app.request('/api/admin/compliance-thresholds', { method: 'PUT', headers: { cookie: admin, origin: 'http://localhost', 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await put({ rows: [{ item: 'pekppp_7aT', op: 'ge', bound: 1, score: 9 }] })).status).toBe(400);
    expect((await put({ rows: [{ item: 'nope', op: 'ge', bound: 1, score: 1 }] })).status).toBe(400);
    // A revised instrument: 4 media now score 5.
    const ok = await put({ rows: [{ item: 'pekppp_7aT', op: 'ge', bound: 1, score: 1 }, { item: 'pekppp_7aT', op: 'ge', bound: 4, score: 5 }] });
    expect(ok.status, await ok.clone().text()).toBe(200);
    const list = (await (await get(admin, '/api/admin/compliance-thresholds')).json()) as { rows: { item: string }[] };
    expect(list.rows.filter((r) => r.item === 'pekppp_7aT')).toHaveLength(2);
    const body = (await (await get(admin, '/api/compliance?year=2026')).json()) as { units: UnitRow[] };
    expect(body.units.find((u) => u.unit.slug === FIXTURE.gorontaloUnit)!.scores.pekppp7aT).toBe(5);
    const evaluator = await signIn(t.app, ACCOUNTS.evaluatorNational);
    const refused = await t.app.request('/api/admin/compliance-thresholds', { method: 'PUT', headers: { cookie: evaluator, origin: 'http://localhost', 'content-type': 'application/json' }, body: JSON.stringify({ rows: [] }) });
    expect(refused.status).toBe(403);
  });
});
