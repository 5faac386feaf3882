// Issue 18, item 3: the RTL register evaluators ask for. Each item has status dates (planned, started, done, in the
// unit's local date), evidence as a link or an uploaded PDF or image (type checked by its magic bytes, at most 5 MB,
// stored in the database with its SHA-256), the previous periods' unfinished items carried into the next report, and
// progress on the unit's public API. Staff also record by hand a medium they published on (the publication log).
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parsePeriodCode } from '../../core/domain/periods.ts';
import { reportFollowUps } from '../../core/domain/follow-up-periods.ts';
import { ACCOUNTS, FIXTURE, insertFixtureUsers, signIn, testApp } from '../support/db.ts';

type TestApp = Awaited<ReturnType<typeof testApp>>;
let t: TestApp;
let cookie: string;
const W = `/api/staff/units/${FIXTURE.gorontaloUnit}`;
const item = { period: '2026-S2', element: 'U3', problem: 'Antrean lama', action: 'Tambah loket', responsible: 'Kepala Bidang Pelayanan', dueDate: '2026-12-15', status: 'rencana', progress: 0, evidenceUrl: null };

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);

beforeEach(async () => {
  // 00:30 WITA on 10 August 2026: still 9 August in UTC (16:30Z).
  t = await testApp(new Date('2026-08-09T16:30:00.000Z'));
  await insertFixtureUsers(t.db);
  cookie = await signIn(t.app, ACCOUNTS.staffGorontalo);
});
afterEach(async () => {
  await t.close();
});

const call = (method: string, path: string, body?: unknown) => t.app.request(path, {
  method, headers: { cookie, origin: 'http://localhost', ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
  body: body === undefined ? undefined : JSON.stringify(body),
});

function upload(id: string, bytes: Uint8Array, name: string, type = 'application/octet-stream') {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
  return t.app.request(`${W}/follow-ups/${id}/evidence`, { method: 'POST', headers: { cookie, origin: 'http://localhost' }, body: form });
}

async function newItem(override: Record<string, unknown> = {}) {
  const res = await call('POST', `${W}/follow-ups`, { ...item, ...override });
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

describe('RTL register (issue 18, item 3)', () => {
  it('dates each status in the unit’s local date', async () => {
    const id = await newItem();
    t.clock.now = new Date('2026-09-01T17:00:00.000Z'); // 2 September, 01:00 WITA
    cookie = await signIn(t.app, ACCOUNTS.staffGorontalo);
    expect((await call('PATCH', `${W}/follow-ups/${id}`, { status: 'berjalan', progress: 40 })).status).toBe(200);
    t.clock.now = new Date('2026-10-05T02:00:00.000Z');
    cookie = await signIn(t.app, ACCOUNTS.staffGorontalo);
    const done = await call('PATCH', `${W}/follow-ups/${id}`, { status: 'selesai', progress: 100 });
    expect(await done.json()).toMatchObject({ status: 'selesai', plannedOn: '2026-08-10', startedOn: '2026-09-02', completedOn: '2026-10-05' });
    const pub = (await (await t.app.request(`/api/units/${FIXTURE.gorontaloUnit}/follow-ups`)).json()) as any;
    expect(pub.items[0]).toMatchObject({ id, plannedOn: '2026-08-10', startedOn: '2026-09-02', completedOn: '2026-10-05', evidenceFiles: [] });
  });

  it('stores a PDF or image checked by its bytes, at most 5 MB, and serves it back unchanged', async () => {
    const id = await newItem();
    const pdf = await upload(id, PDF, 'laporan loket.pdf', 'application/pdf');
    expect(pdf.status, await pdf.clone().text()).toBe(201);
    const stored = (await pdf.json()) as { id: string; mediaType: string; sha256: string; url: string };
    expect(stored).toMatchObject({ mediaType: 'application/pdf', sha256: createHash('sha256').update(PDF).digest('hex') });
    expect((await upload(id, PNG, 'foto.png')).status).toBe(201);
    // A name or a declared type proves nothing: text called .pdf is refused.
    const fake = await upload(id, new TextEncoder().encode('<html><script>alert(1)</script>'), 'bukti.pdf', 'application/pdf');
    expect(fake.status).toBe(415);
    expect(((await fake.json()) as any).error.code).toBe('unsupported_file_type');
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set(PDF);
    expect((await upload(id, big, 'besar.pdf')).status).toBe(413);
    expect((await upload('00000000-0000-0000-0000-000000000000', PDF, 'x.pdf')).status).toBe(404);
    // Public: the item and its evidence are published (DOMAIN.md §7).
    const file = await t.app.request(stored.url);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(PDF);
    const pub = (await (await t.app.request(`/api/units/${FIXTURE.gorontaloUnit}/follow-ups`)).json()) as any;
    expect(pub.items[0].evidenceFiles.map((f: any) => f.mediaType).sort()).toEqual(['application/pdf', 'image/png']);
    // Another unit's staff cannot add evidence to this unit's item.
    cookie = await signIn(t.app, ACCOUNTS.staffPlaju);
    expect((await upload(id, PDF, 'x.pdf')).status).toBe(403);
  });

  it('shows the progress of the year on the public API', async () => {
    await newItem({ status: 'selesai', progress: 100 });
    await newItem({ status: 'berjalan', progress: 50 });
    await newItem();
    await newItem({ period: '2025-S2' });
    const pub = (await (await t.app.request(`/api/units/${FIXTURE.gorontaloUnit}/follow-ups`)).json()) as any;
    expect(pub.progress).toEqual({ year: 2026, planned: 3, inProgress: 1, done: 1, shareDone: 33.33 });
  });

  it('carries the unfinished items of earlier periods into the next report', () => {
    const items = [
      { id: 'old-open', period: '2025-Q4', status: 'berjalan', due_date: '2025-12-31', completed_on: null },
      { id: 'old-done', period: '2025-Q4', status: 'selesai', due_date: '2025-12-31', completed_on: '2025-12-20' },
      { id: 'prev-open', period: '2026-Q1', status: 'rencana', due_date: '2026-03-31', completed_on: null },
      { id: 'prev-done', period: '2026-Q1', status: 'selesai', due_date: '2026-03-31', completed_on: '2026-03-01' },
      { id: 'now', period: '2026-Q2', status: 'rencana', due_date: '2026-06-30', completed_on: null },
    ];
    const r = reportFollowUps(items, parsePeriodCode('2026-Q2'), '2026-07-05');
    expect(r.current.map((f) => f.id)).toEqual(['now']);
    // The previous period's items (done or not), and the still-open item of 2025-Q4 carried forward.
    expect(r.earlier.map((e) => [e.item.id, e.outcome])).toEqual([['old-open', 'overdue'], ['prev-open', 'overdue'], ['prev-done', 'done-on-time']]);
  });
});

describe('publication log by hand (issue 18)', () => {
  it('records a medium with its evidence link and lists the year', async () => {
    const body = { medium: 'social', publishedOn: '2026-08-01', period: '2026-Q2', note: 'Instagram dinas', evidenceUrl: 'https://instagram.com/p/uji' };
    const res = await call('POST', `${W}/publications`, body);
    expect(res.status, await res.clone().text()).toBe(201);
    expect((await call('POST', `${W}/publications`, { ...body, evidenceUrl: null })).status).toBe(400);
    expect((await call('POST', `${W}/publications`, { ...body, medium: 'radio' })).status).toBe(400);
    expect((await call('POST', `${W}/publications`, { ...body, publishedOn: '2026-09-01' })).status).toBe(400); // after today
    const again = await call('POST', `${W}/publications`, body);
    expect(again.status).toBe(200); // the same medium the same day: one row
    const list = (await (await call('GET', `${W}/publications?year=2026`)).json()) as any;
    expect(list.items).toEqual([expect.objectContaining({ medium: 'social', source: 'manual', publishedOn: '2026-08-01', evidenceUrl: 'https://instagram.com/p/uji' })]);
  });
});
