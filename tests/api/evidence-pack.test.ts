// Issue 18, item 4 (acceptance): one ZIP per unit and year with the locked SKM reports, the RTL register with its
// evidence files, the publication log and a manifest; every hash in the manifest equals the SHA-256 of its file's bytes.
import { createHash } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACCOUNTS, FIXTURE, insertFixtureUsers, signIn, testApp } from '../support/db.ts';

type TestApp = Awaited<ReturnType<typeof testApp>>;
let t: TestApp;
const UNIT = FIXTURE.gorontaloUnit;
const W = `/api/staff/units/${UNIT}`;
const PDF = new TextEncoder().encode('%PDF-1.4\n% bukti loket baru\n%%EOF\n');
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

beforeEach(async () => {
  t = await testApp(new Date('2026-08-10T03:00:00.000Z'));
  await insertFixtureUsers(t.db);
});
afterEach(async () => {
  await t.close();
});

function as(cookie: string) {
  return (method: string, path: string, body?: unknown) => t.app.request(path, {
    method, headers: { cookie, origin: 'http://localhost', ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

describe('evidence pack (issue 18, item 4)', () => {
  it('holds the locked reports, the register with its evidence, the publication log, and a manifest whose hashes match', async () => {
    const staffCookie = await signIn(t.app, ACCOUNTS.staffGorontalo);
    const staff = as(staffCookie);
    const created = await staff('POST', `${W}/follow-ups`, { period: '2026-Q2', element: 'U3', problem: 'Antrean lama', action: 'Tambah loket', responsible: 'Kabid', dueDate: '2026-09-30', status: 'berjalan', progress: 50, evidenceUrl: 'https://contoh.go.id/foto' });
    const { id } = (await created.json()) as { id: string };
    const form = new FormData();
    form.append('file', new Blob([PDF]), 'berita acara.pdf');
    expect((await t.app.request(`${W}/follow-ups/${id}/evidence`, { method: 'POST', headers: { cookie: staffCookie, origin: 'http://localhost' }, body: form })).status).toBe(201);
    expect((await staff('POST', `${W}/publications`, { medium: 'print', publishedOn: '2026-08-01', evidenceUrl: 'https://contoh.go.id/papan.jpg' })).status).toBe(201);
    // Staff download the results poster of 2026-Q2 for the notice board: the download is logged, and the pack carries it.
    const poster = await staff('GET', `${W}/poster.pdf?period=2026-Q2`);
    expect(poster.status).toBe(200);
    const posterBytes = new Uint8Array(await poster.arrayBuffer());

    const evaluator = as(await signIn(t.app, ACCOUNTS.evaluatorGorontalo));
    const lock = await evaluator('POST', '/api/evidence/locks', { period: '2026-Q2', unit: UNIT });
    expect(lock.status).toBe(201);
    const locked = (await lock.json()) as { files: { name: string; sha256: string }[] };

    const res = await evaluator('GET', `/api/compliance/pack?unit=${UNIT}&year=2026`);
    expect(res.status, await res.clone().text()).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    const entries = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const manifest = JSON.parse(strFromU8(entries['manifest.json']!)) as { unit: string; year: number; files: { path: string; bytes: number; sha256: string }[] };
    expect(manifest).toMatchObject({ unit: UNIT, year: 2026 });
    // Every file is listed, and every listed file is there with the hash of its bytes.
    expect(Object.keys(entries).filter((p) => p !== 'manifest.json').sort()).toEqual(manifest.files.map((f) => f.path).sort());
    for (const f of manifest.files) {
      expect(sha(entries[f.path]!), f.path).toBe(f.sha256);
      expect(entries[f.path]!.length).toBe(f.bytes);
    }
    const paths = manifest.files.map((f) => f.path);
    const report = manifest.files.find((f) => f.path.startsWith('laporan-skm/2026-Q2-v1-') && f.path.endsWith(`skm-${UNIT}.json`))!;
    // The locked report is the stored snapshot, byte for byte.
    expect(report.sha256).toBe(locked.files.find((f) => f.name === `skm-${UNIT}.json`)!.sha256);
    expect(paths).toContain('rtl/register.csv');
    expect(paths).toContain('publikasi/log.csv');
    const evidence = paths.find((p) => p.startsWith(`rtl/bukti/${id}/`))!;
    expect(entries[evidence]).toEqual(PDF);
    const register = strFromU8(entries['rtl/register.csv']!);
    expect(register).toContain(id);
    expect(register).toContain(evidence);
    expect(strFromU8(entries['publikasi/log.csv']!)).toContain('2026-08-01,print,manual');
    const posterPath = paths.find((p) => p.startsWith('publikasi/') && p.endsWith(`-${UNIT}-2026-Q2.pdf`))!;
    expect(posterPath).toBeDefined();
    expect(strFromU8(entries[posterPath]!.slice(0, 5))).toBe('%PDF-');
    // The same one page as the kit's download (the creation time inside a PDF differs; the size is the same to the byte or near).
    expect(Math.abs(entries[posterPath]!.length - posterBytes.length)).toBeLessThan(64);
    expect((manifest as unknown as { posters: string[] }).posters).toEqual(['2026-Q2']);
  });

  it('keeps to the account’s scope', async () => {
    const other = as(await signIn(t.app, ACCOUNTS.staffPlaju));
    expect((await other('GET', `/api/compliance/pack?unit=${UNIT}&year=2026`)).status).toBe(403);
    expect((await other('GET', '/api/compliance/pack?unit=tidak-ada&year=2026')).status).toBe(404);
    expect((await other('GET', '/api/compliance/pack?unit=BAD!&year=2026')).status).toBe(400);
    expect((await t.app.request(`/api/compliance/pack?unit=${UNIT}&year=2026`)).status).toBe(401);
  });
});
