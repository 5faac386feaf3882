// API.md public routes: health, regions, units (search, region subtree, pagination) and one unit.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIXTURE, testApp } from '../support/db.ts';

type TestApp = Awaited<ReturnType<typeof testApp>>;
let t: TestApp;
beforeEach(async () => {
  t = await testApp();
});
afterEach(async () => {
  await t.close();
});

async function get(path: string) {
  const res = await t.app.request(path);
  return { status: res.status, json: (await res.json()) as any };
}

describe('public routes', () => {
  it('reports health with the database reachable', async () => {
    expect(await get('/api/health')).toEqual({ status: 200, json: { status: 'ok', db: 'ok' } });
  });

  it('answers 503 when the database is gone', async () => {
    await t.close();
    const res = await t.app.request('/api/health');
    expect(res.status).toBe(503);
  });

  it('refuses a NUL character in an address or a body with 400 malformed_text, on every engine', async () => {
    for (const path of ['/api/units/%00', '/api/units?q=a%00b', `/api/units/${FIXTURE.gorontaloUnit}/scores?period=2026%00`]) {
      expect(await get(path)).toMatchObject({ status: 400, json: { error: { code: 'malformed_text' } } });
    }
    const res = await t.app.request(`/api/units/${FIXTURE.gorontaloUnit}/ratings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost' },
      body: JSON.stringify({ answers: [4, 4, 4, 4, 4, 4, 4, 4, 4], comment: 'baik\u0000', idempotencyKey: crypto.randomUUID() }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).error.code).toBe('malformed_text');
  });

  it('lists regions with their time zones and parents', async () => {
    const { json } = await get('/api/regions');
    expect(json).toContainEqual({ code: '1671050', name: 'Kecamatan Plaju', kind: 'kecamatan', timezone: 'Asia/Jakarta', parentCode: '1671', kemendagriCode: null });
    expect(json).toHaveLength(4);
  });

  it('finds units by name, case-insensitively, and by region including sub-regions', async () => {
    expect((await get('/api/units?q=DUKCAPIL')).json.items.map((u: any) => u.slug)).toEqual([FIXTURE.gorontaloUnit]);
    expect((await get('/api/units?region=1671')).json.items.map((u: any) => u.slug)).toEqual([FIXTURE.palembangUnit]);
    expect((await get('/api/units?region=75')).json.items.map((u: any) => u.slug)).toEqual([FIXTURE.gorontaloUnit]);
    expect((await get('/api/units?q=plaju&region=75')).json.items).toEqual([]);
    expect((await get('/api/units?kind=kecamatan')).json.items).toHaveLength(1);
  });

  it('returns the unit list shape of the contract', async () => {
    const { json } = await get('/api/units?q=gorontalo');
    expect(json).toEqual({
      items: [{ slug: FIXTURE.gorontaloUnit, name: 'Dukcapil Uji Gorontalo', kind: 'dukcapil', region: { code: '7571', name: 'Kota Gorontalo' }, timezone: 'Asia/Makassar' }],
      nextCursor: null,
    });
  });

  it('pages through units with an opaque cursor until nextCursor is null', async () => {
    const first = await get('/api/units?limit=1');
    expect(first.json.items).toHaveLength(1);
    expect(first.json.nextCursor).toEqual(expect.any(String));
    const second = await get(`/api/units?limit=1&cursor=${first.json.nextCursor}`);
    expect(second.json.items).toHaveLength(1);
    expect(second.json.items[0].slug).not.toBe(first.json.items[0].slug);
    expect(second.json.nextCursor).toBeNull();
  });

  it.each([
    ['/api/units?limit=0', 'limit'],
    ['/api/units?limit=501', 'limit'],
    ['/api/units?limit=abc', 'limit'],
    ['/api/units?region=%27%20or%201=1', 'region'],
    [`/api/units?q=${'x'.repeat(101)}`, 'q'],
  ])('refuses %s with 400 naming %s', async (path, field) => {
    const { status, json } = await get(path);
    expect(status).toBe(400);
    expect(json.error.fields).toHaveProperty(field);
  });

  it('refuses a cursor it did not give out, and an unknown region', async () => {
    expect((await get('/api/units?cursor=bm9wZQ')).json.error.code).toBe('invalid_cursor');
    expect((await get('/api/units?region=99')).status).toBe(404);
  });

  it('treats LIKE wildcards in the search as plain text', async () => {
    expect((await get('/api/units?q=%25')).json.items).toHaveLength(2);
    expect((await get('/api/units?q=uji_plaju')).json.items).toHaveLength(1);
  });

  it('shows one unit with its services and their service standards', async () => {
    const { status, json } = await get(`/api/units/${FIXTURE.gorontaloUnit}`);
    expect(status).toBe(200);
    expect(json).toEqual({
      slug: FIXTURE.gorontaloUnit,
      name: 'Dukcapil Uji Gorontalo',
      kind: 'dukcapil',
      region: { code: '7571', name: 'Kota Gorontalo' },
      timezone: 'Asia/Makassar',
      address: 'Jl. Uji 1',
      services: [
        { slug: FIXTURE.ktp, name: 'Perekaman KTP-el', isPermit: false, sla: { value: 30, unit: 'minutes', startsAt: 'sejak dipanggil' } },
        { slug: FIXTURE.kk, name: 'Kartu Keluarga', isPermit: true, sla: { value: 1, unit: 'working_days', startsAt: 'sejak berkas lengkap' } },
      ],
    });
    expect((await get('/api/units/kecamatan-uji-plaju')).json.services[0].sla).toBeNull();
  });

  it('answers 404 with the error body for an unknown unit and an unknown API path', async () => {
    expect(await get('/api/units/tidak-ada')).toMatchObject({ status: 404, json: { error: { code: 'unit_not_found' } } });
    expect(await get('/api/tidak-ada')).toMatchObject({ status: 404, json: { error: { code: 'not_found' } } });
  });
});
