// The authorization matrix: every private route × {anonymous, staff of the unit, staff of another unit, evaluator
// inside the region, evaluator outside it, admin}, and no private field of another unit in any answer.
import { describe, expect, it } from 'vitest';
import { insertEvidenceLock } from '../../db/queries/evidence.ts';
import { CSV_TYPE, fileOf } from '../../server/export/evidence-snapshot.ts';
import { ACCOUNTS, FIXTURE, insertFixtureUsers, signIn, testApp } from '../support/db.ts';

const SECRET = 'RAHASIA-GTLO-7f3a';
const W = `/api/staff/units/${FIXTURE.gorontaloUnit}`;
const followUp = { period: '2026-S2', element: 'U3', problem: 'Lambat', action: 'Tambah loket', responsible: 'Kabid', dueDate: '2026-12-01', status: 'rencana', progress: 0, evidenceUrl: null };

type Actor = 'anonymous' | 'staffOfUnit' | 'staffOfOther' | 'evaluatorInside' | 'evaluatorOutside' | 'admin';
const ACTORS: Record<Actor, string | null> = {
  anonymous: null,
  staffOfUnit: ACCOUNTS.staffGorontalo,
  staffOfOther: ACCOUNTS.staffPlaju,
  evaluatorInside: ACCOUNTS.evaluatorGorontalo,
  evaluatorOutside: ACCOUNTS.evaluatorPalembang,
  admin: ACCOUNTS.admin,
};

interface Route {
  method: string;
  path: (ids: Ids) => string;
  body?: unknown;
  type?: string;
  ok: number;
  area: 'workspace' | 'admin' | 'self' | 'export' | 'evaluation';
  /** What an evaluator outside the region gets, when it differs from ok (evaluation routes). */
  outside?: number;
}
interface Ids {
  response: string;
  excluded: string;
  followUp: string;
  kiosk: string;
  pendingKiosk: string;
  official: string;
  user: string;
  lock: string;
}

const ROUTES: Route[] = [
  { method: 'GET', path: () => '/api/auth/me', ok: 200, area: 'self' },
  { method: 'GET', path: () => '/api/auth/2fa', ok: 200, area: 'self' },
  { method: 'GET', path: () => '/api/integrity/excluded?period=2026', ok: 200, area: 'self' },
  ...['responses', 'permit-reports', 'scores', 'asn-evidence'].map((d) => ({ method: 'GET', path: () => `/api/exports/${d}.csv?period=2026&unit=${FIXTURE.gorontaloUnit}`, ok: 200, area: 'export' as const })),
  { method: 'GET', path: () => `/api/reports/skm/${FIXTURE.gorontaloUnit}?period=2026`, ok: 200, area: 'export' },
  { method: 'GET', path: () => `/api/reports/skm/${FIXTURE.gorontaloUnit}.pdf?period=2026`, ok: 200, area: 'export' },
  { method: 'GET', path: () => `/api/reports/skm/${FIXTURE.gorontaloUnit}.pdf?period=2026&lang=en`, ok: 200, area: 'export' },
  { method: 'GET', path: () => '/api/reports/skm.zip?period=2026&region=75', ok: 200, area: 'evaluation', outside: 403 },
  { method: 'GET', path: () => `${W}/responses?period=2026`, ok: 200, area: 'workspace' },
  { method: 'GET', path: () => `${W}/profile?period=2026`, ok: 200, area: 'workspace' },
  { method: 'POST', path: (i) => `${W}/responses/${i.response}/replies`, body: { body: 'Terima kasih' }, ok: 201, area: 'workspace' },
  { method: 'POST', path: (i) => `${W}/responses/${i.response}/hide`, body: { reason: 'kasar' }, ok: 200, area: 'workspace' },
  { method: 'POST', path: (i) => `${W}/responses/${i.response}/restore`, body: {}, ok: 200, area: 'workspace' },
  { method: 'GET', path: () => `${W}/follow-ups/suggestions?period=2026`, ok: 200, area: 'workspace' },
  { method: 'POST', path: () => `${W}/follow-ups`, body: followUp, ok: 201, area: 'workspace' },
  { method: 'PATCH', path: (i) => `${W}/follow-ups/${i.followUp}`, body: { progress: 50 }, ok: 200, area: 'workspace' },
  { method: 'POST', path: () => `${W}/visit-codes`, body: { count: 2 }, ok: 201, area: 'workspace' },
  { method: 'POST', path: (i) => `${W}/follow-ups/${i.followUp}/evidence`, type: 'multipart/form-data; boundary=RAPORUJI', body: '--RAPORUJI\r\nContent-Disposition: form-data; name="file"; filename="bukti.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n%%EOF\r\n--RAPORUJI--\r\n', ok: 201, area: 'workspace' },
  { method: 'POST', path: () => `${W}/publications`, body: { medium: 'social', publishedOn: '2026-08-01', evidenceUrl: 'https://contoh.go.id/x' }, ok: 201, area: 'workspace' },
  { method: 'GET', path: () => `${W}/publications?year=2026`, ok: 200, area: 'workspace' },
  { method: 'GET', path: () => `${W}/visit-codes`, ok: 200, area: 'workspace' },
  { method: 'GET', path: () => `${W}/poster.svg`, ok: 200, area: 'workspace' },
  { method: 'GET', path: () => `${W}/poster.pdf?period=2026`, ok: 200, area: 'workspace' },
  { method: 'GET', path: () => `${W}/kiosks`, ok: 200, area: 'workspace' },
  { method: 'POST', path: () => `${W}/kiosks`, body: { name: 'Kios' }, ok: 201, area: 'workspace' },
  { method: 'DELETE', path: (i) => `${W}/kiosks/${i.kiosk}`, ok: 204, area: 'workspace' },
  { method: 'GET', path: () => `${W}/audit`, ok: 200, area: 'workspace' },
  { method: 'GET', path: () => '/api/admin/users', ok: 200, area: 'admin' },
  { method: 'POST', path: () => '/api/admin/notifications/run', body: { kind: 'weekly-digest' }, ok: 200, area: 'admin' },
  { method: 'GET', path: () => `/api/admin/units/${FIXTURE.gorontaloUnit}/frame-origins`, ok: 200, area: 'admin' },
  { method: 'GET', path: () => `/api/admin/units/${FIXTURE.gorontaloUnit}/limits`, ok: 200, area: 'admin' },
  { method: 'PUT', path: () => `/api/admin/units/${FIXTURE.gorontaloUnit}/limits`, body: { visitCodesPerDay: 50 }, ok: 200, area: 'admin' },
  { method: 'PUT', path: () => `/api/admin/units/${FIXTURE.gorontaloUnit}/frame-origins`, body: { origins: ['https://gorontalokab.go.id'] }, ok: 200, area: 'admin' },
  { method: 'POST', path: () => '/api/admin/users', body: { email: 'baru@uji.rapor.id', name: 'Baru', role: 'admin', unitSlug: null, regionCode: null }, ok: 201, area: 'admin' },
  { method: 'PATCH', path: (i) => `/api/admin/users/${i.user}`, body: { name: 'Nama Baru' }, ok: 200, area: 'admin' },
  { method: 'PUT', path: () => '/api/admin/regions/7599', body: { name: 'Kab. Uji', kind: 'kabupaten', timezone: 'Asia/Makassar', parentCode: '75' }, ok: 201, area: 'admin' },
  { method: 'PUT', path: () => '/api/admin/units/unit-baru', body: { name: 'Unit Baru', kind: 'dukcapil', regionCode: '75', address: null }, ok: 201, area: 'admin' },
  { method: 'PUT', path: () => `/api/admin/units/${FIXTURE.gorontaloUnit}/services/baru`, body: { name: 'Baru', isPermit: false, sla: null, declaredUsers: 10 }, ok: 201, area: 'admin' },
  { method: 'POST', path: () => '/api/admin/import/units', type: 'text/csv', body: 'unit_slug,unit_name,unit_kind,region_code,address,service_slug,service_name,is_permit,sla_value,sla_unit,sla_starts_at,declared_users\r\nimpor-uji,Impor Uji,dukcapil,75,,,,,,,,\r\n', ok: 200, area: 'admin' },
  { method: 'GET', path: () => '/api/admin/holidays', ok: 200, area: 'admin' },
  { method: 'PUT', path: () => '/api/admin/holidays/2026-09-01', body: { name: 'Uji', kind: 'libur_daerah' }, ok: 200, area: 'admin' },
  { method: 'DELETE', path: () => '/api/admin/holidays/2026-09-01', ok: 200, area: 'admin' },
  { method: 'GET', path: () => '/api/admin/officials', ok: 200, area: 'admin' },
  { method: 'POST', path: () => '/api/admin/officials', body: { nip: '198001012005011001', name: 'Pejabat', position: 'Kepala', unitSlug: FIXTURE.gorontaloUnit, from: '2025-01-01', to: null }, ok: 201, area: 'admin' },
  { method: 'PATCH', path: (i) => `/api/admin/officials/${i.official}`, body: { to: '2026-12-31' }, ok: 200, area: 'admin' },
  { method: 'GET', path: () => '/api/admin/targets', ok: 200, area: 'admin' },
  { method: 'PUT', path: () => '/api/admin/targets', body: { unitSlug: FIXTURE.gorontaloUnit, indicator: 'ikm', year: 2026, value: 80 }, ok: 200, area: 'admin' },
  { method: 'GET', path: () => '/api/admin/settings', ok: 200, area: 'admin' },
  { method: 'PUT', path: () => '/api/admin/settings', body: { asnPermitVerifiedOnly: true }, ok: 200, area: 'admin' },
  { method: 'GET', path: () => '/api/admin/kiosks', ok: 200, area: 'admin' },
  { method: 'POST', path: (i) => `/api/admin/kiosks/${i.pendingKiosk}/approve`, ok: 200, area: 'admin' },
  { method: 'PUT', path: () => `/api/admin/units/${FIXTURE.gorontaloUnit}/kiosk-cap`, body: { kioskCap: 1 }, ok: 200, area: 'admin' },
  { method: 'GET', path: () => '/api/evaluation/moderation-requests?status=all', ok: 200, area: 'evaluation' },
  { method: 'POST', path: () => '/api/evaluation/moderation-requests/req-1/approve', body: { reason: 'Sesuai' }, ok: 200, area: 'evaluation', outside: 404 },
  { method: 'POST', path: () => '/api/evaluation/moderation-requests/req-2/reject', body: { reason: 'Tidak sesuai' }, ok: 200, area: 'evaluation', outside: 404 },
  { method: 'POST', path: (i) => `/api/evaluation/responses/${i.excluded}/lift`, body: { reason: 'Diperiksa' }, ok: 200, area: 'evaluation', outside: 404 },
  { method: 'POST', path: () => '/api/evidence/locks', body: { period: '2026-Q3', unit: FIXTURE.gorontaloUnit }, ok: 201, area: 'evaluation', outside: 403 },
  { method: 'POST', path: () => '/api/evidence/locks', body: { period: '2026-Q3', region: '75' }, ok: 201, area: 'evaluation', outside: 403 },
  // A locked file of Provinsi Gorontalo: exact at any n, so the region's evaluators' and administrators' (decision 050).
  { method: 'GET', path: (i) => `/api/evidence/${i.lock}/files/scores.csv`, ok: 200, area: 'evaluation', outside: 403 },
  { method: 'GET', path: () => '/api/compliance?year=2026', ok: 200, area: 'self' },
  { method: 'GET', path: () => '/api/compliance?year=2026&region=75', ok: 200, area: 'evaluation', outside: 403 },
  { method: 'GET', path: () => `/api/compliance/pack?unit=${FIXTURE.gorontaloUnit}&year=2026`, ok: 200, area: 'export' },
  { method: 'GET', path: () => '/api/admin/compliance-thresholds', ok: 200, area: 'admin' },
  { method: 'PUT', path: () => '/api/admin/compliance-thresholds', body: { rows: [{ item: 'pekppp_7aT', op: 'ge', bound: 1, score: 1 }] }, ok: 200, area: 'admin' },
];

function expected(actor: Actor, route: Route): number {
  if (actor === 'anonymous') return 401;
  if (route.area === 'self') return route.ok;
  if (route.area === 'admin') return actor === 'admin' ? route.ok : 403;
  if (route.area === 'export') return ['admin', 'staffOfUnit', 'evaluatorInside'].includes(actor) ? route.ok : 403;
  if (route.area === 'evaluation') return actor === 'admin' || actor === 'evaluatorInside' ? route.ok : actor === 'evaluatorOutside' ? (route.outside ?? route.ok) : 403;
  return actor === 'admin' || actor === 'staffOfUnit' ? route.ok : 403;
}

async function world() {
  const t = await testApp(new Date('2026-08-10T03:00:00.000Z'));
  await insertFixtureUsers(t.db);
  const rated = await t.app.request(`/api/units/${FIXTURE.gorontaloUnit}/ratings`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ idempotencyKey: crypto.randomUUID(), service: FIXTURE.ktp, answers: { U1: 2, U2: 2, U3: 2, U4: 2, U5: 2, U6: 2, U7: 2, U8: 2, U9: 2 }, respondent: { gender: 'P', age: 44 }, comment: SECRET }),
  });
  const response = ((await rated.json()) as { id: string }).id;
  const heldBack = await t.app.request(`/api/units/${FIXTURE.gorontaloUnit}/ratings`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ idempotencyKey: crypto.randomUUID(), service: FIXTURE.ktp, answers: { U1: 4, U2: 4, U3: 4, U4: 4, U5: 4, U6: 4, U7: 4, U8: 4, U9: 4 }, website: 'x' }),
  });
  const excluded = ((await heldBack.json()) as { id: string }).id;
  const now = '2026-08-01T00:00:00.000Z';
  const request = { unit_id: 'u-gtlo', note: 'n', requested_by: 'usr-staff-gtlo', requested_at: now, decided_by: null, decided_at: null, decision: null, decision_reason: null };
  await t.db.insertInto('moderation_requests').values([
    { ...request, id: 'req-1', response_id: response, action: 'exclude', reason: 'spam' },
    { ...request, id: 'req-2', response_id: excluded, action: 'restore', reason: 'honeypot' },
  ]).execute();
  await t.db.insertInto('follow_ups').values({ id: 'fu-1', unit_id: 'u-gtlo', period: '2026-S1', element: 'U3', problem: 'p', action: 'a', responsible: 'r', due_date: '2026-12-01', status: 'rencana', progress: 0, evidence_url: null, completed_on: null, created_at: now, updated_at: now }).execute();
  await t.db.insertInto('kiosk_devices').values({ id: 'kiosk-1', unit_id: 'u-gtlo', name: 'Kios', token_hash: 'x'.repeat(64), created_at: now, revoked_at: null, approved_at: now, approved_by: null, last_captured_at: null }).execute();
  await t.db.insertInto('kiosk_devices').values({ id: 'kiosk-2', unit_id: 'u-gtlo', name: 'Kios baru', token_hash: 'y'.repeat(64), created_at: now, revoked_at: null, approved_at: null, approved_by: null, last_captured_at: null }).execute();
  await t.db.insertInto('officials').values({ id: 'off-1', nip: '197001012000011001', name: 'P', position: 'Kepala', unit_id: 'u-gtlo', from_date: '2025-01-01', to_date: null }).execute();
  const lock = '0190a1b2-0000-7000-8000-0000000000a5';
  await insertEvidenceLock(t.db, { id: lock, period: '2026-Q2', scope: 'region:75', publicUrl: 'http://localhost', unitIds: ['u-gtlo'], user: { id: 'usr-eval-75', name: 'Evaluator', role: 'evaluator' }, files: [fileOf('scores.csv', CSV_TYPE, `unit_slug,n,ikm\r\n${FIXTURE.gorontaloUnit},1,${SECRET}\r\n`)] }, new Date(now));
  return { t, ids: { response, excluded, followUp: 'fu-1', kiosk: 'kiosk-1', pendingKiosk: 'kiosk-2', official: 'off-1', user: 'usr-staff-plaju', lock } satisfies Ids };
}

describe.each(Object.keys(ACTORS) as Actor[])('as %s', (actor) => {
  it('every private route answers with the expected status, and nothing of another unit leaks', async () => {
    const { t, ids } = await world();
    try {
      const cookie = ACTORS[actor] ? await signIn(t.app, ACTORS[actor]!) : undefined;
      const seen: string[] = [];
      for (const route of ROUTES) {
        const res = await t.app.request(route.path(ids), {
          method: route.method,
          headers: { origin: 'http://localhost', ...(cookie ? { cookie } : {}), ...(route.body !== undefined ? { 'content-type': route.type ?? 'application/json' } : {}) },
          body: route.body === undefined ? undefined : typeof route.body === 'string' ? route.body : JSON.stringify(route.body),
        });
        const text = await res.text();
        seen.push(`${route.method} ${route.path(ids)} → ${res.status}`);
        expect(res.status, `${actor}: ${route.method} ${route.path(ids)}: ${text.slice(0, 200)}`).toBe(expected(actor, route));
        if (res.status >= 400) expect(text, 'an error answer carries no data').not.toContain(SECRET);
        if (!['staffOfUnit', 'admin', 'evaluatorInside'].includes(actor)) expect(text).not.toContain(SECRET);
      }
      // Staff of another unit reading their own workspace see their unit only.
      if (actor === 'staffOfOther') {
        const own = await t.app.request(`/api/staff/units/${FIXTURE.palembangUnit}/responses?period=2026`, { headers: { cookie: cookie! } });
        expect(own.status).toBe(200);
        expect(await own.text()).not.toContain(SECRET);
      }
      expect(seen).toHaveLength(ROUTES.length);
    } finally {
      await t.close();
    }
  });
});

it('the matrix covers every staff and admin route the app defines', async () => {
  const { createApp } = await import('../../server/app.ts');
  const { t } = await world();
  try {
    const app = createApp({ db: t.db, now: () => new Date() });
    const defined = app.routes
      .filter((r) => /\/api\/(staff|admin)\//.test(r.path) && r.method !== 'ALL')
      .map((r) => `${r.method} ${r.path.replace(/:[a-zA-Z]+/g, ':p')}`);
    const covered = new Set(ROUTES.map((r) => `${r.method} ${r.path({ response: ':p', excluded: ':p', followUp: ':p', kiosk: ':p', pendingKiosk: ':p', official: ':p', user: ':p', lock: ':p' }).replace(/\?.*$/, '').replace(FIXTURE.gorontaloUnit, ':p').replace(/\/(7599|unit-baru|baru|2026-09-01)$/, '/:p').replace(/\/units\/:p\/services\/:p/, '/units/:p/services/:p')}`));
    expect(new Set(defined).size).toBeGreaterThanOrEqual(30);
    const missing = [...new Set(defined)].filter((d) => !covered.has(d));
    expect(missing).toEqual([]);
  } finally {
    await t.close();
  }
});
