// Administration: every write checked, audited, and the CSV import all-or-nothing with line numbers.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACCOUNTS, FIXTURE, TEST_PASSWORD, insertFixtureUsers, signIn, testApp } from '../support/db.ts';

type TestApp = Awaited<ReturnType<typeof testApp>>;
let t: TestApp;
let cookie: string;
beforeEach(async () => {
  t = await testApp(new Date('2026-08-10T03:00:00.000Z'));
  await insertFixtureUsers(t.db);
  cookie = await signIn(t.app, ACCOUNTS.admin);
});
afterEach(async () => {
  await t.close();
});

function call(method: string, path: string, body?: unknown, type = 'application/json') {
  return t.app.request(`/api${path}`, {
    method,
    headers: { cookie, origin: 'http://localhost', ...(body !== undefined ? { 'content-type': type } : {}) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function fields(res: Response) {
  return ((await res.json()) as any).error.fields;
}

describe('regions', () => {
  it('creates and updates a region, refusing cycles and a time zone change under existing units', async () => {
    const body = { name: 'Kabupaten Bone Bolango', kind: 'kabupaten', timezone: 'Asia/Makassar', parentCode: '75' };
    expect((await call('PUT', '/admin/regions/7503', body)).status).toBe(201);
    expect((await call('PUT', '/admin/regions/7503', { ...body, name: 'Kab. Bone Bolango' })).status).toBe(200);
    expect((await call('PUT', '/admin/regions/75', { name: 'Provinsi Gorontalo', kind: 'provinsi', timezone: 'Asia/Makassar', parentCode: '7503' })).status).toBe(400);
    const tz = await call('PUT', '/admin/regions/7571', { name: 'Kota Gorontalo', kind: 'kota', timezone: 'Asia/Jakarta', parentCode: '75' });
    expect(tz.status).toBe(409);
    expect(await fields(await call('PUT', '/admin/regions/7504', { ...body, timezone: 'Europe/Paris' }))).toHaveProperty('timezone');
  });
});

describe('units and services', () => {
  it('adds a unit and a permit service with its SLA, which the public API then shows', async () => {
    expect((await call('PUT', '/admin/units/dpmptsp-uji', { name: 'DPMPTSP Uji', kind: 'dpmptsp', regionCode: '7571', address: null })).status).toBe(201);
    const service = { name: 'Persetujuan Bangunan Gedung', isPermit: true, sla: { value: 14, unit: 'working_days', startsAt: 'sejak berkas lengkap' }, declaredUsers: 1200 };
    expect((await call('PUT', '/admin/units/dpmptsp-uji/services/pbg', service)).status).toBe(201);
    const unit = (await (await t.app.request('/api/units/dpmptsp-uji')).json()) as any;
    expect(unit.services).toEqual([{ slug: 'pbg', name: 'Persetujuan Bangunan Gedung', isPermit: true, sla: { value: 14, unit: 'working_days', startsAt: 'sejak berkas lengkap' } }]);
  });

  it('refuses a permit service without an SLA, an unknown region and an unknown unit', async () => {
    expect(await fields(await call('PUT', `/admin/units/${FIXTURE.gorontaloUnit}/services/x`, { name: 'X', isPermit: true, sla: null, declaredUsers: null }))).toHaveProperty('sla');
    expect(await fields(await call('PUT', '/admin/units/baru', { name: 'Baru', kind: 'dukcapil', regionCode: '99', address: null }))).toHaveProperty('regionCode');
    expect((await call('PUT', '/admin/units/tidak-ada/services/x', { name: 'X', isPermit: false, sla: null, declaredUsers: null })).status).toBe(404);
    expect(await fields(await call('PUT', '/admin/units/Bukan_Slug', { name: 'X', kind: 'dukcapil', regionCode: '75', address: null }))).toHaveProperty('slug');
  });
});

describe('accounts', () => {
  it('creates a staff account that can sign in once it chose its password from the invitation, and disabling it ends its sessions', async () => {
    const res = await call('POST', '/admin/users', { email: 'Petugas.Baru@uji.rapor.id', name: 'Petugas Baru', role: 'staff', unitSlug: FIXTURE.palembangUnit, regionCode: null });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const mail = await t.db.selectFrom('outbox').select('text').where('recipient', '=', 'petugas.baru@uji.rapor.id').executeTakeFirstOrThrow();
    const token = /atur-sandi\?token=([\w-]+)/.exec(mail.text)![1];
    expect((await call('POST', '/auth/password', { token, password: 'sandi-baru-123' })).status).toBe(200);
    const session = await signIn(t.app, 'petugas.baru@uji.rapor.id', 'sandi-baru-123');
    expect((await call('PATCH', `/admin/users/${id}`, { disabled: true })).status).toBe(200);
    expect((await t.app.request('/api/auth/me', { headers: { cookie: session } })).status).toBe(401);
  });

  it('refuses a staff account without a unit, a typed password and a taken email', async () => {
    const base = { email: 'x@uji.rapor.id', name: 'X', role: 'staff', unitSlug: null, regionCode: null };
    expect(await fields(await call('POST', '/admin/users', base))).toHaveProperty('unitSlug');
    expect(await fields(await call('POST', '/admin/users', { ...base, role: 'admin', password: 'sandi-baru-123' }))).toHaveProperty('password');
    expect((await call('POST', '/admin/users', { ...base, role: 'admin', email: ACCOUNTS.admin })).status).toBe(409);
  });

  it('never lists password hashes', async () => {
    const text = await (await call('GET', '/admin/users')).text();
    expect(text).toContain(ACCOUNTS.staffPlaju);
    expect(text).not.toContain('scrypt');
    expect(text).not.toContain(TEST_PASSWORD);
  });
});

describe('holidays, officials and targets', () => {
  it('adds and removes a holiday, recomputing the permit reports it touches', async () => {
    const post = await t.app.request(`/api/units/${FIXTURE.gorontaloUnit}/permit-reports`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ idempotencyKey: crypto.randomUUID(), service: FIXTURE.kk, submittedOn: '2026-08-03', completedOn: '2026-08-05' }),
    });
    expect(((await post.json()) as any).workingDays).toBe(2);
    const put = await call('PUT', '/admin/holidays/2026-08-04', { name: 'Libur daerah uji', kind: 'libur_daerah' });
    expect(await put.json()).toMatchObject({ recomputedReports: 1 });
    expect((await t.db.selectFrom('permit_reports').select('working_days').executeTakeFirstOrThrow()).working_days).toBe(1);
    expect(await (await call('DELETE', '/admin/holidays/2026-08-04')).json()).toMatchObject({ recomputedReports: 1 });
    expect((await call('DELETE', '/admin/holidays/2026-08-04')).status).toBe(404);
    expect(await fields(await call('PUT', '/admin/holidays/2026-02-30', { name: 'X', kind: 'libur_nasional' }))).toHaveProperty('date');
  });

  it('records officials with their tenure and refuses a bad NIP or an end before the start', async () => {
    const official = { nip: '197805122005011003', name: 'Drs. Uji Pejabat', position: 'Kepala Dinas', unitSlug: FIXTURE.gorontaloUnit, from: '2025-01-02', to: null };
    const res = await call('POST', '/admin/officials', official);
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    expect((await call('PATCH', `/admin/officials/${id}`, { to: '2024-12-31' })).status).toBe(400);
    expect((await call('PATCH', `/admin/officials/${id}`, { to: '2026-06-30' })).status).toBe(200);
    expect(((await (await call('GET', '/admin/officials')).json()) as any).items).toEqual([expect.objectContaining({ nip: official.nip, to: '2026-06-30' })]);
    expect(await fields(await call('POST', '/admin/officials', { ...official, nip: '1978' }))).toHaveProperty('nip');
  });

  it('sets a target per unit, indicator and year', async () => {
    expect((await call('PUT', '/admin/targets', { unitSlug: FIXTURE.gorontaloUnit, indicator: 'ikm', year: 2026, value: 82.5 })).status).toBe(200);
    expect((await call('PUT', '/admin/targets', { unitSlug: FIXTURE.gorontaloUnit, indicator: 'ikm', year: 2026, value: 85 })).status).toBe(200);
    expect(((await (await call('GET', '/admin/targets?year=2026')).json()) as any).items).toEqual([{ unitSlug: FIXTURE.gorontaloUnit, indicator: 'ikm', year: 2026, value: 85 }]);
    expect(await fields(await call('PUT', '/admin/targets', { unitSlug: FIXTURE.gorontaloUnit, indicator: 'kepuasan', year: 2026, value: 1 }))).toHaveProperty('indicator');
  });
});

describe('the CSV import of units and services', () => {
  const header = 'unit_slug,unit_name,unit_kind,region_code,address,service_slug,service_name,is_permit,sla_value,sla_unit,sla_starts_at,declared_users\r\n';

  it('imports units with their services in one go', async () => {
    const csv = header +
      'puskesmas-uji,Puskesmas Uji,puskesmas,7571,"Jl. Uji, No. 2",umum,Pemeriksaan Umum,0,60,minutes,sejak dipanggil,4000\r\n' +
      'puskesmas-uji,Puskesmas Uji,puskesmas,7571,"Jl. Uji, No. 2",gigi,Kesehatan Gigi,tidak,,,,800\r\n' +
      'dpmptsp-uji,DPMPTSP Uji,dpmptsp,1671,,pbg,PBG,ya,28,working_days,sejak berkas lengkap,1500\r\n';
    const res = await call('POST', '/admin/import/units', csv, 'text/csv');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ rows: 3, unitsCreated: 2, unitsUpdated: 0, servicesCreated: 3, servicesUpdated: 0 });
    const unit = (await (await t.app.request('/api/units/puskesmas-uji')).json()) as any;
    expect(unit.address).toBe('Jl. Uji, No. 2');
    expect(unit.services.map((s: any) => s.slug)).toEqual(['umum', 'gigi']);
  });

  it('reports every bad row by line number and imports nothing', async () => {
    const before = await t.db.selectFrom('units').select('slug').execute();
    const csv = header +
      'baik-satu,Baik Satu,dukcapil,7571,,,,,,,,\r\n' +
      'Salah Slug,Nama,dukcapil,7571,,,,,,,,\r\n' +
      'baik-dua,Baik Dua,dukcapil,7571,,izin,Izin,ya,,,,\r\n' +
      'baik-tiga,Baik Tiga,dukcapil,99,,,,,,,,\r\n';
    const res = await call('POST', '/admin/import/units', csv, 'text/csv');
    expect(res.status).toBe(400);
    const body = (await res.json()) as any;
    expect(body.error.code).toBe('import_failed');
    expect(Object.keys(body.error.fields)).toEqual(['line 3: unit.slug', 'line 4: service.sla']);
    expect(await t.db.selectFrom('units').select('slug').execute()).toEqual(before);

    // The unknown region is only found while writing: that row rolls the whole import back too.
    const late = await call('POST', '/admin/import/units', header + 'baik-satu,Baik Satu,dukcapil,7571,,,,,,,,\r\nbaik-tiga,Baik Tiga,dukcapil,99,,,,,,,,\r\n', 'text/csv');
    expect(late.status).toBe(400);
    expect(Object.keys(((await late.json()) as any).error.fields)).toEqual(['line 3: unit.regionCode']);
    expect(await t.db.selectFrom('units').select('slug').execute()).toEqual(before);
  });

  it('refuses a file without the expected columns', async () => {
    const res = await call('POST', '/admin/import/units', 'slug,name\r\nx,y\r\n', 'text/csv');
    expect(res.status).toBe(400);
    expect(Object.keys(((await res.json()) as any).error.fields)[0]).toBe('line 1: (header)');
  });
});
