// Locked evidence on the demo data (issue 16, item 9): the snapshot an evaluator locks does not move when moderation
// later changes the period's figures, and its public verification page says which files the live figures changed in.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../db/connect.ts';
import { createApp } from '../../server/app.ts';
import { insertEvidenceLock } from '../../db/queries/evidence.ts';
import { parseCsv } from '../../core/domain/csv.ts';
import { DEFAULT_THRESHOLDS } from '../../core/domain/asn-evidence.ts';
import { parsePeriodCode } from '../../core/domain/periods.ts';
import { findUnitBySlug } from '../../db/queries/units.ts';
import { unitScores } from '../../server/views/unit-scores.ts';
import { snapshotFiles, snapshotUnits } from '../../server/export/evidence-snapshot.ts';
import { BUILT_SITE, demoDb, signIn } from '../support/db.ts';

const UNIT = 'dukcapil-kota-gorontalo';
let conn: Connection;
let app: ReturnType<typeof createApp>;
let evaluator = '';
/** The lock of puskesmas-telaga 2026-Q3 the item-5 test makes (n 2 → 1 after an approved spam request). */
let telaga = { id: '', files: [] as { name: string; sha256: string }[] };
beforeAll(async () => {
  conn = await demoDb();
  // 23 November 2026: the fourth quarter is open, the third closed (decision 021).
  // The verification page is one of the site's pages rendered on demand: the real build serves it (decision 054).
  app = createApp({ db: conn.db, now: () => new Date('2026-11-23T03:00:00Z'), distDir: BUILT_SITE });
  evaluator = await signIn(app, 'evaluator.gorontalo@demo.rapor.id', 'rapor-demo-2026');
});
afterAll(async () => {
  await conn.close();
});

const post = (cookie: string, path: string, body: unknown) => app.request(path, { method: 'POST', headers: { cookie, origin: 'http://localhost', 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** The locked files, as the evaluator of the region downloads them (they are not public: decision 050). */
async function files(id: string, names: string[]) {
  const out: Record<string, string> = {};
  for (const name of names) {
    const res = await app.request(`/api/evidence/${id}/files/${name}`, { headers: { cookie: evaluator } });
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(res.headers.get('x-content-sha256'));
    out[name] = bytes.toString('base64');
  }
  return out;
}

async function counted(unitSlug: string, from: string, to: string) {
  return conn.db.selectFrom('responses').innerJoin('units', 'units.id', 'responses.unit_id').select(['responses.id as id', 'responses.exclusion_reason as reason'])
    .where('units.slug', '=', unitSlug).where('responses.local_date', '>=', from).where('responses.local_date', '<=', to)
    .where('responses.comment', 'is', null).orderBy('responses.id').execute();
}

describe('locked evidence on the demo data', () => {
  it(`${UNIT} 2026-Q4: a staff spam exclusion after the lock leaves the snapshot as it was and the page says the live figures changed`, async () => {
    const res = await post(evaluator, '/api/evidence/locks', { period: '2026-Q4', unit: UNIT });
    expect(res.status).toBe(201);
    const lock = (await res.json()) as { id: string; files: { name: string; sha256: string }[] };
    const names = lock.files.map((f) => f.name);
    const before = await files(lock.id, names);
    const evidence = Buffer.from(before['asn-evidence.csv']!, 'base64').toString('utf8');
    expect(evidence.split('\r\n').filter(Boolean).length).toBeGreaterThan(1);
    expect(evidence).toContain(`/bukti/${lock.id}`);
    expect(await (await app.request(`/bukti/${lock.id}`)).text()).toContain('Angka langsung sama dengan bukti terkunci');

    const rating = (await counted(UNIT, '2026-10-01', '2026-11-23')).find((r) => r.reason === null)!;
    const staff = await signIn(app, `staff.${UNIT}@demo.rapor.id`, 'rapor-demo-2026');
    const hidden = await post(staff, `/api/staff/units/${UNIT}/responses/${rating.id}/hide`, { reason: 'spam', note: 'Isian berulang dari pengisi yang sama.' });
    expect(hidden.status, await hidden.clone().text()).toBe(200);

    expect(await files(lock.id, names)).toEqual(before);
    const page = await (await app.request(`/bukti/${lock.id}`)).text();
    expect(page).toContain('Angka langsung telah berubah sejak dikunci');
    const status = (await (await app.request(`/api/evidence/locks/${lock.id}`)).json()) as any;
    expect(status.live.changedFiles).toContain('scores.csv');
    expect(status.live.changedFiles).toContain(`skm-${UNIT}.json`);
    expect(status.files.map((f: any) => f.sha256)).toEqual(lock.files.map((f) => f.sha256));
  });

  it('Provinsi Gorontalo 2026-Q3 (closed): a staff spam request an evaluator approves after the lock leaves the snapshot alone; the page names the unit\'s files', async () => {
    const other = 'dpmptsp-kota-gorontalo';
    const res = await post(evaluator, '/api/evidence/locks', { period: '2026-Q3' });
    expect(res.status).toBe(201);
    const lock = (await res.json()) as { id: string; scope: string; files: { name: string; sha256: string }[] };
    expect(lock.scope).toBe('region:75');
    expect(lock.files.map((f) => f.name)).toContain(`skm-${other}.json`);
    const names = lock.files.map((f) => f.name);
    const before = await files(lock.id, names);
    expect(((await (await app.request(`/api/evidence/locks/${lock.id}`)).json()) as any).live.changed).toBe(false);

    const rating = (await counted(other, '2026-07-01', '2026-09-30')).find((r) => r.reason === null)!;
    const staff = await signIn(app, `staff.${other}@demo.rapor.id`, 'rapor-demo-2026');
    const asked = await post(staff, `/api/staff/units/${other}/responses/${rating.id}/hide`, { reason: 'spam', note: 'Isian berulang dari pengisi yang sama.' });
    expect(asked.status, await asked.clone().text()).toBe(202);
    const { requestId } = (await asked.json()) as { requestId: string };
    const approved = await post(evaluator, `/api/evaluation/moderation-requests/${requestId}/approve`, { reason: 'Dicek: isian berulang.' });
    expect(approved.status, await approved.clone().text()).toBe(200);

    expect(await files(lock.id, names)).toEqual(before);
    const page = await (await app.request(`/en/bukti/${lock.id}`)).text();
    expect(page).toContain('The live figures have changed since the lock');
    const status = (await (await app.request(`/api/evidence/locks/${lock.id}`)).json()) as any;
    expect(status.live.changedFiles).toEqual(expect.arrayContaining(['scores.csv', `skm-${other}.json`]));
    expect(status.live.changedFiles).not.toContain(`skm-${UNIT}.json`);
    expect(page).toContain(`skm-${other}.json`);
  });

  it('dpmptsp-kota-gorontalo 2025-S1: a lock written before issue 25 item 1 keeps its bytes and still verifies; the next version leaves nib-oss empty and says why', async () => {
    const unit = 'dpmptsp-kota-gorontalo';
    const at = new Date('2026-11-23T03:00:00Z');
    const id = '0190a1b2-0000-7000-8000-00000000a001';
    // The lock as the portal wrote it before the fix: the first ASN evidence format, stored as it was.
    const input = { db: conn.db, period: parsePeriodCode('2025-S1'), unitSlug: unit, regionCodes: null, today: '2026-11-23', thresholds: DEFAULT_THRESHOLDS, publicUrl: 'http://localhost', lockId: id, at };
    const old = await snapshotFiles({ ...input, evidenceFormat: 1 });
    const units = await snapshotUnits(input);
    await insertEvidenceLock(conn.db, { id, period: '2025-S1', scope: `unit:${unit}`, publicUrl: 'http://localhost', unitIds: units.map((u) => u.id), user: { id: 'usr-x', name: 'Evaluator Lama', role: 'evaluator' }, files: old }, at);
    const nib = (csv: string) => {
      const [header, ...rows] = parseCsv(csv).map((r) => r.cells);
      return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!]))).filter((r) => r.service_slug === 'nib-oss');
    };
    const stored = Buffer.from((await files(id, ['asn-evidence.csv']))['asn-evidence.csv']!, 'base64').toString('utf8');
    expect(stored).toBe(old.find((f) => f.name === 'asn-evidence.csv')!.content);
    expect(nib(stored).map((r) => [r.realisation, r.suggested_rating])).toEqual([['0', 'di bawah ekspektasi']]);
    // Verified in its own format: the live figures did not move, so nothing is "changed".
    const status = (await (await app.request(`/api/evidence/locks/${id}`)).json()) as any;
    expect(status.live).toMatchObject({ changed: false, changedFiles: [] });

    const res = await post(evaluator, '/api/evidence/locks', { period: '2025-S1', unit });
    expect(res.status).toBe(201);
    const next = (await res.json()) as { id: string; version: number };
    expect(next.version).toBe(2);
    const fixed = nib(Buffer.from((await files(next.id, ['asn-evidence.csv']))['asn-evidence.csv']!, 'base64').toString('utf8'));
    expect(fixed.map((r) => [r.realisation, r.achievement_pct, r.suggested_rating])).toEqual([['', '', '']]);
    expect(fixed[0]!.realisation_note).toMatch(/^standar 60 menit tidak dapat dinilai dari tanggal/);
    expect(((await (await app.request(`/api/evidence/locks/${next.id}`)).json()) as any).live.changed).toBe(false);
    expect(Buffer.from((await files(id, ['asn-evidence.csv']))['asn-evidence.csv']!, 'base64').toString('utf8')).toBe(stored);
  });

  it('puskesmas-telaga 2026-Q3: the page shows each changed figure (n 2 → 1, IKM 81,94 → 80,56), the moderation that changed it, and WITA times (issue 25, item 5)', async () => {
    const unit = 'puskesmas-telaga';
    const res = await post(evaluator, '/api/evidence/locks', { period: '2026-Q3', unit });
    expect(res.status).toBe(201);
    const lock = (await res.json()) as { id: string; files: { name: string; sha256: string }[] };
    telaga = lock;
    // The exact figures (two ratings: the public route withholds them below k, decision 047).
    const before = await unitScores(conn.db, (await findUnitBySlug(conn.db, unit))!, parsePeriodCode('2026-Q3')!, new Date('2026-11-23T03:00:00Z'), 0);
    expect(before).toMatchObject({ n: 2, ikm: 81.94 });
    // The rating whose exclusion leaves the other one's IKM, 80,56.
    const ratings = await conn.db.selectFrom('responses').innerJoin('units', 'units.id', 'responses.unit_id').selectAll('responses')
      .where('units.slug', '=', unit).where('responses.local_date', '>=', '2026-07-01').where('responses.local_date', '<=', '2026-09-30')
      .where('responses.exclusion_reason', 'is', null).execute();
    const ikmOf = (r: (typeof ratings)[number]) => Math.round(([r.u1, r.u2, r.u3, r.u4, r.u5, r.u6, r.u7, r.u8, r.u9].reduce((a, b) => a + b, 0) * 25 / 9) * 100) / 100;
    const spam = ratings.find((r) => ikmOf(ratings.find((x) => x.id !== r.id)!) === 80.56)!;
    expect(spam).toBeDefined();
    const staff = await signIn(app, `staff.${unit}@demo.rapor.id`, 'rapor-demo-2026');
    const asked = await post(staff, `/api/staff/units/${unit}/responses/${spam.id}/hide`, { reason: 'spam', note: 'Isian berulang dari pengisi yang sama.' });
    expect(asked.status, await asked.clone().text()).toBe(202);
    const { requestId } = (await asked.json()) as { requestId: string };
    expect((await post(evaluator, `/api/evaluation/moderation-requests/${requestId}/approve`, { reason: 'Dicek: isian berulang.' })).status).toBe(200);

    // The evaluator of the region reads the exact figures (the public reads them only at n ≥ k: decision 050).
    const html = await (await app.request(`/bukti/${lock.id}`, { headers: { cookie: evaluator } })).text();
    const rows = [...html.matchAll(/<tr><th scope="row">([^<]*)<\/th>[\s\S]*?data-figure-locked>([^<]*)<\/td><td[^>]*data-figure-live><strong>([^<]*)<\/strong>/g)]
      .map((m) => `${m[1]}: ${m[2]} → ${m[3]}`);
    expect(rows).toContain(`n · ${unit}: 2 → 1`);
    expect(rows).toContain(`ikm · ${unit}: 81,94 → 80,56`);
    // The achievement is a percentage, written as one.
    expect(rows.filter((r) => r.startsWith('achievement_pct')).every((r) => /\d %( →|$)/.test(r) && / → [\d.,]+ %$/.test(r)), rows.join('\n')).toBe(true);
    expect(rows.some((r) => r.startsWith('achievement_pct'))).toBe(true);
    // Who moderated what, when: in the unit's time zone (Kabupaten Gorontalo, WITA), never WIB.
    expect(html).toMatch(/penilaian dikecualikan \(spam\)[^<]*Evaluator[^<]*Isian berulang dari pengisi yang sama/);
    expect(html).toContain('WITA');
    expect(html).not.toContain('WIB');
    // Stacked on a phone like the site's other tables (decision 037): every figure cell carries its column's name.
    expect(html).toContain('<table class="stack evidence-figures">');
    expect(html).toContain('<table class="stack evidence-files">');
    for (const table of html.match(/<table class="stack[^"]*">[\s\S]*?<\/table>/g) ?? []) expect(table).not.toMatch(/<td(?![^>]*data-label)/);
    const en = await (await app.request(`/en/bukti/${lock.id}`, { headers: { cookie: evaluator } })).text();
    expect(en).toContain('rating excluded (spam)');
    expect(en).toMatch(/ikm · puskesmas-telaga<\/th>[\s\S]*?81\.94<\/td>[\s\S]*?80\.56/);
  });

  it('puskesmas-telaga 2026-Q3: the locked files and the figures behind fewer than k ratings are for evaluators of the lock\'s scope only; anyone sees the hashes (issue 25, item 7; decision 050)', async () => {
    const unit = 'puskesmas-telaga';
    expect(telaga.id).not.toBe('');
    const get = (path: string, cookie?: string) => app.request(path, cookie ? { headers: { cookie } } : {});
    const figureRows = (html: string) => [...html.matchAll(/<tr><th scope="row">([^<]*)<\/th>[\s\S]*?data-figure-locked>([^<]*)<\/td><td[^>]*data-figure-live><strong>([^<]*)<\/strong>/g)]
      .map((m) => `${m[1]}: ${m[2]} → ${m[3]}`);
    // An out-of-scope evaluator (Kota Palembang), made by the administrator.
    const admin = await signIn(app, 'admin@demo.rapor.id', 'rapor-demo-2026');
    const made = await post(admin, '/api/admin/users', { email: 'evaluator.palembang@demo.rapor.id', name: 'Evaluator Palembang', role: 'evaluator', unitSlug: null, regionCode: '1671' });
    expect(made.status, await made.clone().text()).toBe(201);
    // The account chooses its password from its invitation mail's link (issue 27 item 2).
    const invitation = await conn.db.selectFrom('outbox').select('text').where('recipient', '=', 'evaluator.palembang@demo.rapor.id').executeTakeFirstOrThrow();
    const token = /atur-sandi\?token=([\w-]+)/.exec(invitation.text)![1];
    expect((await post('', '/api/auth/password', { token, password: 'rapor-demo-2026' })).status).toBe(200);
    const outsider = await signIn(app, 'evaluator.palembang@demo.rapor.id', 'rapor-demo-2026');

    // Anonymous: no file, with a clear error; the scores behind two ratings are not in the answer.
    for (const f of telaga.files) {
      const res = await get(`/api/evidence/${telaga.id}/files/${f.name}`);
      const text = await res.text();
      expect([f.name, res.status]).toEqual([f.name, 401]);
      expect(JSON.parse(text).error.code).toBe('not_signed_in');
      expect(text).not.toContain('81.94');
    }
    // Out of scope: refused too.
    const refused = await get(`/api/evidence/${telaga.id}/files/scores.csv`, outsider);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as any).error.code).toBe('evidence_restricted');
    // The evaluator of the region gets the exact bytes, whose hash is the locked one.
    const res = await get(`/api/evidence/${telaga.id}/files/scores.csv`, evaluator);
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(telaga.files.find((f) => f.name === 'scores.csv')!.sha256);
    expect(bytes.toString('utf8')).toContain(',2,81.94,');
    // The unit's own staff read their unit's lock (their own exports give the same figures); another unit's staff do not.
    expect((await get(`/api/evidence/${telaga.id}/files/scores.csv`, await signIn(app, `staff.${unit}@demo.rapor.id`, 'rapor-demo-2026'))).status).toBe(200);
    expect((await get(`/api/evidence/${telaga.id}/files/scores.csv`, await signIn(app, `staff.${UNIT}@demo.rapor.id`, 'rapor-demo-2026'))).status).toBe(403);

    // The public page: every file's hash; the count; "kurang dari 5 penilaian" instead of each figure behind 2 or 1 ratings.
    for (const [who, cookie] of [['anonymous', undefined], ['outsider', outsider]] as const) {
      const html = await (await get(`/bukti/${telaga.id}`, cookie)).text();
      for (const f of telaga.files) expect(html, who).toContain(f.sha256);
      expect(html, who).not.toContain(`/api/evidence/${telaga.id}/files/`);
      const rows = figureRows(html);
      expect(rows, who).toContain(`n · ${unit}: 2 → 1`);
      expect(rows, who).toContain(`ikm · ${unit}: kurang dari 5 penilaian → kurang dari 5 penilaian`);
      expect(rows.filter((r) => r.startsWith('realisation')), who).toEqual([expect.stringMatching(/: kurang dari 5 penilaian → kurang dari 5 penilaian$/)]);
      for (const exact of ['81,94', '80,56', '102,43', '100,69']) expect(html, `${who}: ${exact}`).not.toContain(exact);
      const en = await (await get(`/en/bukti/${telaga.id}`, cookie)).text();
      expect(figureRows(en), who).toContain(`ikm · ${unit}: fewer than 5 ratings → fewer than 5 ratings`);
      expect(en, who).not.toContain('81.94');
    }
    // The evaluator of the region reads them exactly.
    const exactRows = figureRows(await (await get(`/bukti/${telaga.id}`, evaluator)).text());
    expect(exactRows).toContain(`ikm · ${unit}: 81,94 → 80,56`);

    // k is the administrator's setting: at k = 2 the locked IKM (two ratings) is shown, the live one (one) is not.
    const put = (body: unknown) => app.request('/api/admin/settings', { method: 'PUT', headers: { cookie: admin, origin: 'http://localhost', 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await put({ minPublicRatings: 2 })).status).toBe(200);
    try {
      expect(figureRows(await (await get(`/bukti/${telaga.id}`)).text())).toContain(`ikm · ${unit}: 81,94 → kurang dari 2 penilaian`);
      expect((await get(`/api/evidence/${telaga.id}/files/scores.csv`)).status).toBe(401);
    } finally {
      expect((await put({ minPublicRatings: 5 })).status).toBe(200);
    }
  });
});
