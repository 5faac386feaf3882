// Locked evidence on the demo data (issue 16, item 9): the snapshot an evaluator locks does not move when moderation
// later changes the period's figures, and its public verification page says which files the live figures changed in.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../db/connect.ts';
import { createApp } from '../../server/app.ts';
import { insertEvidenceLock } from '../../db/queries/evidence.ts';
import { parseCsv } from '../../server/domain/csv.ts';
import { DEFAULT_THRESHOLDS } from '../../server/domain/asn-evidence.ts';
import { parsePeriodCode } from '../../server/domain/periods.ts';
import { scoreRoutes } from '../../server/routes/scores.ts';
import { snapshotFiles, snapshotUnits } from '../../server/export/evidence-snapshot.ts';
import { demoDb, signIn } from '../support/db.ts';

const UNIT = 'dukcapil-kota-gorontalo';
let conn: Connection;
let app: ReturnType<typeof createApp>;
let evaluator = '';
beforeAll(async () => {
  conn = await demoDb();
  // 23 November 2026: the fourth quarter is open, the third closed (decision 021).
  app = createApp({ db: conn.db, now: () => new Date('2026-11-23T03:00:00Z') });
  evaluator = await signIn(app, 'evaluator.gorontalo@demo.rapor.id', 'rapor-demo-2026');
});
afterAll(async () => {
  await conn.close();
});

const post = (cookie: string, path: string, body: unknown) => app.request(path, { method: 'POST', headers: { cookie, origin: 'http://localhost', 'content-type': 'application/json' }, body: JSON.stringify(body) });

async function files(id: string, names: string[]) {
  const out: Record<string, string> = {};
  for (const name of names) {
    const res = await app.request(`/api/evidence/${id}/files/${name}`);
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
    const lock = (await res.json()) as { id: string };
    // The exact figures (two ratings: the public route withholds them below k, decision 047).
    const exact = scoreRoutes({ db: conn.db, now: () => new Date('2026-11-23T03:00:00Z') }, { exact: true });
    const before = (await (await exact.request(`/units/${unit}/scores?period=2026-Q3`)).json()) as { n: number; ikm: number };
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

    const html = await (await app.request(`/bukti/${lock.id}`)).text();
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
    const en = await (await app.request(`/en/bukti/${lock.id}`)).text();
    expect(en).toContain('rating excluded (spam)');
    expect(en).toMatch(/ikm · puskesmas-telaga<\/th>[\s\S]*?81\.94<\/td>[\s\S]*?80\.56/);
  });
});
