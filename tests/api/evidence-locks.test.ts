// Evidence an evaluator can sign (issue 16, item 9): an evaluator of the region (or an administrator) locks a period's
// evidence; the snapshot (ASN evidence CSV, scores CSV, SKM report data) and a SHA-256 of each are stored and never
// change; a public verification page, without sign-in and without JavaScript, shows it and whether the live figures
// have changed since. Locking again makes a new version and keeps the old. The files themselves are for an evaluator
// whose scope covers the lock (decision 050): the helper below downloads as the evaluator of the region.
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACCOUNTS, FIXTURE, insertFixtureUsers, signIn, testApp } from '../support/db.ts';

type TestApp = Awaited<ReturnType<typeof testApp>>;
let t: TestApp;
let client = 0;
const UNIT = FIXTURE.gorontaloUnit;
const A = (v: number) => Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`U${i + 1}`, v]));

beforeEach(async () => {
  // 10:00 WITA on Monday 15 June 2026: the second quarter is open.
  // The verification page is one of the site's pages rendered on demand: the real build serves it (decision 054).
  t = await testApp(new Date('2026-06-15T02:00:00.000Z'), { trustProxy: true, site: true });
  await insertFixtureUsers(t.db);
  await t.db.insertInto('officials').values({ id: 'off-1', nip: '197001012000011001', name: 'Kepala Uji', position: 'Kepala Dinas', unit_id: 'u-gtlo', from_date: '2025-01-01', to_date: null }).execute();
  await t.db.insertInto('targets').values({ unit_id: 'u-gtlo', indicator: 'ikm', year: 2026, value: 80 }).execute();
});
afterEach(async () => {
  reader = '';
  await t.close();
});

async function rate(answer: number) {
  client += 1;
  const res = await t.app.request(`/api/units/${UNIT}/ratings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.8.${Math.floor(client / 250) % 250}.${client % 250}` },
    body: JSON.stringify({ idempotencyKey: crypto.randomUUID(), service: FIXTURE.ktp, answers: A(answer) }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

function as(cookie: string | null) {
  return (method: string, path: string, body?: unknown) => t.app.request(path, {
    method,
    headers: { origin: 'http://localhost', ...(cookie ? { cookie } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

interface LockBody { id: string; version: number; period: string; scope: string; verifyUrl: string; files: { name: string; mediaType: string; sha256: string; bytes: number }[] }

async function lock(actor: ReturnType<typeof as>, body: unknown): Promise<LockBody> {
  const res = await actor('POST', '/api/evidence/locks', body);
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as LockBody;
}

/** The evaluator of the region's session for downloads, signed in once per test. */
let reader = '';
async function download(id: string, name: string) {
  const cookie = (reader ||= await signIn(t.app, ACCOUNTS.evaluatorGorontalo));
  const res = await t.app.request(`/api/evidence/${id}/files/${encodeURIComponent(name)}`, { headers: { cookie } });
  expect(res.status).toBe(200);
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { bytes, type: res.headers.get('content-type'), sha: res.headers.get('x-content-sha256'), real: createHash('sha256').update(bytes).digest('hex') };
}

describe('locked evidence (issue 16, item 9)', () => {
  it('a locked evidence snapshot is unchanged after a rating in its period is moderated, and its verification page says the live figures changed', async () => {
    for (let i = 0; i < 4; i++) await rate(4);
    const spam = await rate(1);
    t.clock.now = new Date('2026-06-15T03:00:00.000Z');
    const evaluator = as(await signIn(t.app, ACCOUNTS.evaluatorGorontalo));
    const staff = as(await signIn(t.app, ACCOUNTS.staffGorontalo));

    const locked = await lock(evaluator, { period: '2026-Q2', unit: UNIT });
    expect(locked).toMatchObject({ version: 1, period: '2026-Q2', scope: `unit:${UNIT}` });
    const names = locked.files.map((f) => f.name).sort();
    expect(names).toEqual(['asn-evidence.csv', 'scores.csv', `skm-${UNIT}.json`]);
    const before = new Map<string, Awaited<ReturnType<typeof download>>>();
    for (const f of locked.files) {
      const d = await download(locked.id, f.name);
      expect(d.sha).toBe(f.sha256);
      expect(d.real).toBe(f.sha256);
      before.set(f.name, d);
    }
    expect(before.get('scores.csv')!.type).toBe('text/csv; charset=utf-8');
    expect(before.get(`skm-${UNIT}.json`)!.type).toBe('application/json; charset=utf-8');
    // The snapshot is the same as the export an evaluator downloads (the same functions, not a recount).
    const exported = new Uint8Array(await (await evaluator('GET', `/api/exports/scores.csv?period=2026-Q2&unit=${UNIT}`)).arrayBuffer());
    expect(Buffer.from(before.get('scores.csv')!.bytes).equals(Buffer.from(exported))).toBe(true);
    const report = JSON.parse(new TextDecoder().decode(before.get(`skm-${UNIT}.json`)!.bytes));
    const live = (await (await evaluator('GET', `/api/reports/skm/${UNIT}?period=2026-Q2`)).json()) as any;
    expect(report).toMatchObject({ n: live.n, ikm: live.ikm, unit: live.unit, period: live.period });
    expect(report.n).toBe(5);

    // The verification page: public, HTML, no script; the live figures are the snapshot's.
    const page = await t.app.request(`/bukti/${locked.id}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain('<html lang="id">');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('Evaluator Gorontalo');
    for (const f of locked.files) expect(html).toContain(f.sha256);
    expect(html).toContain('Angka langsung sama dengan bukti terkunci');

    // Staff hide the spam rating (an open quarter: it takes effect at once); the score changes.
    const hidden = await staff('POST', `/api/staff/units/${UNIT}/responses/${spam}/hide`, { reason: 'spam', note: 'Pengisi yang sama mengisi lima kali dalam semenit.' });
    expect(hidden.status, await hidden.clone().text()).toBe(200);

    for (const f of locked.files) {
      const d = await download(locked.id, f.name);
      expect(Buffer.from(d.bytes).equals(Buffer.from(before.get(f.name)!.bytes)), `${f.name} is unchanged`).toBe(true);
      expect(d.sha).toBe(f.sha256);
    }
    const after = await (await t.app.request(`/bukti/${locked.id}`)).text();
    expect(after).toContain('Angka langsung telah berubah sejak dikunci');
    expect(after).toMatch(/scores\.csv[\s\S]*Berubah/);
    const status = (await (await t.app.request(`/api/evidence/locks/${locked.id}`)).json()) as any;
    expect(status.live.changed).toBe(true);
    expect(status.live.changedFiles.sort()).toEqual(['asn-evidence.csv', 'scores.csv', `skm-${UNIT}.json`]);
    expect(status.files.map((f: any) => f.sha256)).toEqual(locked.files.map((f) => f.sha256));

    // The lock is audited.
    const audit = await t.db.selectFrom('audit_log').select(['action', 'user_id', 'target']).where('action', '=', 'evidence.lock').execute();
    expect(audit).toEqual([{ action: 'evidence.lock', user_id: 'usr-eval-75', target: locked.id }]);
  });

  it('an evaluator lifting an exclusion after the lock leaves the snapshot alone; the English page says the figures changed', async () => {
    for (let i = 0; i < 3; i++) await rate(3);
    const res = await t.app.request(`/api/units/${UNIT}/ratings`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.7.0.1' },
      body: JSON.stringify({ idempotencyKey: crypto.randomUUID(), service: FIXTURE.ktp, answers: A(4), website: 'http://bot.example' }),
    });
    const heldBack = ((await res.json()) as { id: string }).id;
    const evaluator = as(await signIn(t.app, ACCOUNTS.evaluatorGorontalo));
    const locked = await lock(evaluator, { period: '2026-Q2', region: '75' });
    expect(locked.scope).toBe('region:75');
    const en = await t.app.request(`/en/bukti/${locked.id}`);
    expect(en.status).toBe(200);
    const enHtml = await en.text();
    expect(enHtml).toContain('<html lang="en">');
    expect(enHtml).toContain('The live figures are the same as the locked evidence');
    expect((await evaluator('POST', `/api/evaluation/responses/${heldBack}/lift`, { reason: 'Warga asli, dicek buku tamu.' })).status).toBe(200);
    const after = await (await t.app.request(`/en/bukti/${locked.id}`)).text();
    expect(after).toContain('The live figures have changed since the lock');
    const stored = await t.db.selectFrom('evidence_files').select(['name', 'sha256']).where('lock_id', '=', locked.id).orderBy('name').execute();
    expect(stored).toEqual(locked.files.map((f) => ({ name: f.name, sha256: f.sha256 })).sort((a, b) => a.name.localeCompare(b.name)));
  });

  it('locking again makes a new version and keeps the old; the ASN evidence export links to the newest locked snapshot', async () => {
    for (let i = 0; i < 3; i++) await rate(3);
    const evaluator = as(await signIn(t.app, ACCOUNTS.evaluatorGorontalo));
    const exportUrl = async () => {
      const text = await (await evaluator('GET', `/api/exports/asn-evidence.ndjson?period=2026-Q2&unit=${UNIT}`)).text();
      return text.trim().split('\n').map((line) => JSON.parse(line) as { evidence_url: string });
    };
    const unlocked = await exportUrl();
    expect(unlocked.length).toBeGreaterThan(0);
    expect(unlocked[0]!.evidence_url).toContain('/laporan/skm?unit=');

    const first = await lock(evaluator, { period: '2026-Q2', unit: UNIT });
    expect((await exportUrl())[0]!.evidence_url).toBe(`http://localhost/bukti/${first.id}`);
    // The snapshot's own evidence file links to its own page.
    const csv = new TextDecoder().decode((await download(first.id, 'asn-evidence.csv')).bytes);
    expect(csv).toContain(`http://localhost/bukti/${first.id}`);

    await rate(1);
    t.clock.now = new Date('2026-06-15T04:00:00.000Z');
    const second = await lock(as(await signIn(t.app, ACCOUNTS.admin)), { period: '2026-Q2', unit: UNIT });
    expect(second.version).toBe(2);
    expect(second.id).not.toBe(first.id);
    expect((await exportUrl())[0]!.evidence_url).toBe(`http://localhost/bukti/${second.id}`);
    // Both versions stay reachable, each with its own files; the old page names the newer one.
    const oldPage = await (await t.app.request(`/bukti/${first.id}`)).text();
    expect(oldPage).toContain(`/bukti/${second.id}`);
    expect(oldPage).toContain('Versi 1');
    expect((await t.app.request(`/bukti/${second.id}`)).status).toBe(200);
    const s1 = first.files.find((f) => f.name === 'scores.csv')!.sha256;
    const s2 = second.files.find((f) => f.name === 'scores.csv')!.sha256;
    expect(s1).not.toBe(s2);
    expect((await download(first.id, 'scores.csv')).real).toBe(s1);
    expect(((await (await t.app.request(`/api/evidence/locks/${first.id}`)).json()) as any).versions.map((v: any) => v.version)).toEqual([1, 2]);
  });

  it('one client recounts at most 30 snapshots in 10 minutes (each view makes the files again): then 429, as HTML on the page', async () => {
    const evaluator = as(await signIn(t.app, ACCOUNTS.evaluatorGorontalo));
    const locked = await lock(evaluator, { period: '2026-Q2', unit: UNIT });
    const cookie = await signIn(t.app, ACCOUNTS.evaluatorGorontalo);
    const view = (path: string, client: string) => t.app.request(path, { headers: { 'x-forwarded-for': client } });
    const fetchFile = (path: string, client: string) => t.app.request(path, { headers: { 'x-forwarded-for': client, cookie } });
    for (let i = 0; i < 15; i++) {
      expect((await view(`/bukti/${locked.id}`, '10.6.0.1')).status).toBe(200);
      expect((await view(`/api/evidence/locks/${locked.id}`, '10.6.0.1')).status).toBe(200);
    }
    const refused = await view(`/bukti/${locked.id}`, '10.6.0.1');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(refused.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await refused.text()).toContain('Terlalu banyak pemeriksaan');
    expect((await view(`/api/evidence/locks/${locked.id}`, '10.6.0.1')).status).toBe(429);
    // Another client, and the files themselves (no recount), are not held up.
    expect((await view(`/bukti/${locked.id}`, '10.6.0.2')).status).toBe(200);
    expect((await fetchFile(`/api/evidence/${locked.id}/files/scores.csv`, '10.6.0.1')).status).toBe(200);
    t.clock.now = new Date(t.clock.now.getTime() + 11 * 60_000);
    expect((await view(`/bukti/${locked.id}`, '10.6.0.1')).status).toBe(200);
  });

  it('the verification page has the site\'s full header and footer, as every other page has (issue 26 item 1)', async () => {
    const evaluator = as(await signIn(t.app, ACCOUNTS.evaluatorGorontalo));
    const locked = await lock(evaluator, { period: '2026-Q2', unit: UNIT });
    /** The header's and footer's links (the language switch aside: it names the page itself), and the phone menu. */
    const frame = (html: string) => {
      const header = html.slice(html.indexOf('<header'), html.indexOf('</header>'));
      const footer = html.slice(html.indexOf('<footer'), html.indexOf('</footer>'));
      const links = (part: string) => [...part.matchAll(/<a ([^>]*)>/g)].filter((m) => !m[1]!.includes('data-lang-switch')).map((m) => /href="([^"]*)"/.exec(m[1]!)?.[1]);
      return { header: links(header), phoneMenu: /<details class="menu">\s*<summary>/.test(header), footer: links(footer) };
    };
    for (const lang of ['', '/en']) {
      const page = await t.app.request(`${lang}/bukti/${locked.id}`);
      expect(page.status).toBe(200);
      const other = await t.app.request(`${lang}/metodologi`);
      expect(other.status).toBe(200);
      const expected = frame(await other.text());
      expect(expected.header).toEqual(expect.arrayContaining([`${lang}/waktu-izin`, `${lang}/privasi`, `${lang}/masuk`]));
      expect(expected.footer).toContain(`${lang}/aksesibilitas`);
      expect(frame(await page.text()), lang).toEqual({ ...expected, phoneMenu: true });
    }
  });

  it('only an evaluator of the region or an administrator locks, with a valid period and scope; unknown snapshots and files are 404', async () => {
    const anonymous = as(null);
    const staff = as(await signIn(t.app, ACCOUNTS.staffGorontalo));
    const outsider = as(await signIn(t.app, ACCOUNTS.evaluatorPalembang));
    const evaluator = as(await signIn(t.app, ACCOUNTS.evaluatorGorontalo));
    const body = { period: '2026-Q2', unit: UNIT };
    expect((await anonymous('POST', '/api/evidence/locks', body)).status).toBe(401);
    expect((await staff('POST', '/api/evidence/locks', body)).status).toBe(403);
    expect((await outsider('POST', '/api/evidence/locks', body)).status).toBe(403);
    expect((await outsider('POST', '/api/evidence/locks', { period: '2026-Q2', region: '75' })).status).toBe(403);
    expect((await evaluator('POST', '/api/evidence/locks', { period: '2026-Q9', unit: UNIT })).status).toBe(400);
    expect((await evaluator('POST', '/api/evidence/locks', { period: '2026-Q2', unit: UNIT, region: '75' })).status).toBe(400);
    expect((await evaluator('POST', '/api/evidence/locks', { period: '2026-Q2', unit: 'tidak-ada' })).status).toBe(404);
    expect((await evaluator('POST', '/api/evidence/locks', { period: '2026-Q2', region: '99' })).status).toBe(404);
    expect((await evaluator('POST', '/api/evidence/locks', 'bukan json')).status).toBe(400);
    // Their whole region when neither is given.
    const whole = await lock(evaluator, { period: '2026-Q2' });
    expect(whole.scope).toBe('region:75');
    expect(whole.files.map((f) => f.name)).toContain(`skm-${UNIT}.json`);
    expect(whole.files.map((f) => f.name)).not.toContain(`skm-${FIXTURE.palembangUnit}.json`);
    expect((await t.app.request('/api/evidence/locks/tidak-ada')).status).toBe(404);
    expect((await evaluator('GET', `/api/evidence/${whole.id}/files/tidak-ada.csv`)).status).toBe(404);
    expect((await anonymous('GET', '/api/evidence/0190a1b2-0000-7000-8000-000000000000/files/scores.csv')).status).toBe(404);
    // The files are the region's evaluator's, an administrator's, not the public's nor another region's (decision 050).
    expect((await anonymous('GET', `/api/evidence/${whole.id}/files/scores.csv`)).status).toBe(401);
    expect((await outsider('GET', `/api/evidence/${whole.id}/files/scores.csv`)).status).toBe(403);
    expect((await staff('GET', `/api/evidence/${whole.id}/files/scores.csv`)).status).toBe(403);
    expect((await as(await signIn(t.app, ACCOUNTS.admin))('GET', `/api/evidence/${whole.id}/files/scores.csv`)).status).toBe(200);
    expect((await t.app.request('/bukti/0190a1b2-0000-7000-8000-000000000000')).status).toBe(404);
  });
});
