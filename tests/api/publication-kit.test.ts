// The publication kit (issue 18 item 2, docs/decisions/034-publication-kit.md): the waiting-room screen, the widget and
// who may frame it, the SVG badge, the results poster PDF and the public archive. Each figure equals the public scores
// route; each use is logged once per unit, source, medium and day in the publication log.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../db/connect.ts';
import { listPublications } from '../../db/queries/publications.ts';
import type { createApp } from '../../server/app.ts';
import { SKM_ELEMENTS } from '../../core/domain/skm.ts';
import { fmtCount, fmtNumber } from '../../core/i18n/format.ts';
import { demoWorld, signIn } from '../support/db.ts';

const NOW = new Date('2026-11-23T03:00:00Z');
const PASSWORD = 'rapor-demo-2026';
const UNIT = 'dukcapil-kota-gorontalo';
const OTHER = 'samsat-palembang-1';
let conn: Connection;
let app: ReturnType<typeof createApp>;
let admin: string;
let staff: string;
let staffOther: string;
let unitId: string;
let dir: string;

beforeAll(async () => {
  // The kit's pages are the site's pages rendered on demand: the real build serves them (decision 054).
  ({ conn, app } = await demoWorld(NOW, { site: true }));
  admin = await signIn(app, 'admin@demo.rapor.id', PASSWORD);
  staff = await signIn(app, `staff.${UNIT}@demo.rapor.id`, PASSWORD);
  staffOther = await signIn(app, `staff.${OTHER}@demo.rapor.id`, PASSWORD);
  unitId = (await conn.db.selectFrom('units').select('id').where('slug', '=', UNIT).executeTakeFirstOrThrow()).id;
  dir = mkdtempSync(join(tmpdir(), 'rapor-kit-'));
});
afterAll(async () => {
  await conn.close();
  rmSync(dir, { recursive: true, force: true });
});

type Scores = { n: number; ikm: number | null; mutu: string | null; ikmCi95: [number, number] | null; provisional: boolean; elements: { code: string; nrr: number | null }[] };
async function scores(slug: string, period: string): Promise<Scores> {
  const res = await app.request(`/api/units/${slug}/scores?period=${period}`);
  expect(res.status).toBe(200);
  return (await res.json()) as Scores;
}

async function logged(source: string) {
  return (await listPublications(conn.db, [unitId], '2000-01-01', '2100-01-01')).filter((p) => p.source === source);
}

const put = (cookie: string | null, slug: string, body: unknown) => app.request(`/api/admin/units/${slug}/frame-origins`, {
  method: 'PUT',
  headers: { origin: 'http://localhost', 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
  body: JSON.stringify(body),
});

describe('the SVG badge', () => {
  it('says "IKM 91,67 · A · 2026-Q3 · 1.124 responden" for the latest closed quarter, as the scores route, with an accessible title', async () => {
    const res = await app.request(`/api/units/${UNIT}/badge.svg`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(res.headers.get('cache-control')).toMatch(/^public, max-age=\d+/);
    // An image on another site's page: it must be loadable cross-origin.
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    const svg = await res.text();
    const s = await scores(UNIT, '2026-Q3');
    expect(s.n).toBeGreaterThan(0);
    const text = `IKM ${fmtNumber('id', s.ikm)} · ${s.provisional ? `${s.mutu} (sementara)` : s.mutu} · 2026-Q3 · ${fmtCount('id', s.n)} responden`;
    expect(svg).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]* role="img" aria-labelledby="rapor-badge-title"/);
    expect(svg).toContain(`<title id="rapor-badge-title">Dinas Kependudukan dan Pencatatan Sipil Kota Gorontalo: ${text}</title>`);
    expect(svg.trim().endsWith('</svg>')).toBe(true);
    // A fetch by nobody in particular proves no publication (issue 24 F10, decision 044): nothing is logged.
    expect(await logged('badge')).toEqual([]);
  });

  it('takes ?period= and &lang=en; refuses a bad period (400) and an unknown unit (404)', async () => {
    const svg = await (await app.request(`/api/units/${UNIT}/badge.svg?period=2026&lang=en`)).text();
    const s = await scores(UNIT, '2026');
    expect(svg).toContain(`IKM ${fmtNumber('en', s.ikm)}`);
    expect(svg).toContain(`· 2026 · ${fmtCount('en', s.n)} respondents`);
    expect((await app.request(`/api/units/${UNIT}/badge.svg?period=2026-Q9`)).status).toBe(400);
    expect((await app.request('/api/units/tidak-ada/badge.svg')).status).toBe(404);
  });
});

describe('who may frame the widget', () => {
  it('lets an administrator list origins; validates each; staff, evaluators and visitors may not', async () => {
    expect((await app.request(`/api/admin/units/${UNIT}/frame-origins`, { headers: { cookie: admin } })).status).toBe(200);
    const bad = await put(admin, UNIT, { origins: ['http://pemda.go.id', 'https://pemda.go.id/halaman', 'https://*.go.id', "https://x.go.id 'unsafe-inline'", 'javascript:alert(1)', 'https://user@x.go.id'] });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { code: string; fields: Record<string, string> } };
    expect(body.error.code).toBe('validation_failed');
    expect(Object.keys(body.error.fields).sort()).toEqual(['origins[0]', 'origins[1]', 'origins[2]', 'origins[3]', 'origins[4]', 'origins[5]']);
    expect((await put(admin, UNIT, { origins: Array.from({ length: 21 }, (_, i) => `https://s${i}.go.id`) })).status).toBe(400);
    expect((await put(admin, UNIT, {})).status).toBe(400);
    expect((await put(staff, UNIT, { origins: ['https://pemda.go.id'] })).status).toBe(403);
    expect((await put(null, UNIT, { origins: ['https://pemda.go.id'] })).status).toBe(401);
    expect((await put(admin, 'tidak-ada', { origins: ['https://pemda.go.id'] })).status).toBe(404);
    const ok = await put(admin, UNIT, { origins: ['https://Gorontalokota.go.id', 'https://portal.gorontalokota.go.id:8443', 'https://gorontalokota.go.id'] });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ unit: UNIT, origins: ['https://gorontalokota.go.id', 'https://portal.gorontalokota.go.id:8443'] });
    const get = await app.request(`/api/admin/units/${UNIT}/frame-origins`, { headers: { cookie: admin } });
    expect(await get.json()).toEqual({ unit: UNIT, origins: ['https://gorontalokota.go.id', 'https://portal.gorontalokota.go.id:8443'] });
  });

  it('frames the widget only from the listed origins; every other page keeps refusing frames', async () => {
    const res = await app.request(`/widget/${UNIT}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-frame-options')).toBeNull();
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'self' https://gorontalokota.go.id https://portal.gorontalokota.go.id:8443");
    const html = await res.text();
    const s = await scores(UNIT, '2026-Q3');
    expect(html).toContain(fmtNumber('id', s.ikm));
    expect(html).toContain(`/nilai/${UNIT}`);
    // A unit with no listed origin: its own site only.
    const other = await app.request(`/widget/${OTHER}`);
    expect(other.headers.get('content-security-policy')).toMatch(/frame-ancestors 'self'(;|$)/);
    expect(other.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    for (const path of ['/api/units', `/tayang/${UNIT}`, `/unit/${UNIT}/arsip`]) {
      const page = await app.request(path);
      expect(page.headers.get('x-frame-options'), path).toBe('DENY');
      expect(page.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
    }
    // Opened as a page it is no publication; framed by a listed origin's page it is (issue 24 F10, decision 044).
    expect(await logged('widget')).toEqual([]);
    const framed = await app.request(`/widget/${UNIT}`, { headers: { 'sec-fetch-dest': 'iframe', 'sec-fetch-site': 'cross-site', referer: 'https://gorontalokota.go.id/ikm' } });
    expect(framed.status).toBe(200);
    expect(await logged('widget')).toMatchObject([{ medium: 'website', source: 'widget', published_on: '2026-11-23' }]);
    expect((await app.request('/widget/tidak-ada')).status).toBe(404);
  });
});

describe('the waiting-room screen', () => {
  it('shows the IKM, grade, nine elements and a QR code to rate, refreshes without JavaScript, and does not log a few visits as a screen that ran', async () => {
    for (let i = 0; i < 3; i++) expect((await app.request(`/tayang/${UNIT}`)).status).toBe(200);
    const html = await (await app.request(`/tayang/${UNIT}`)).text();
    const s = await scores(UNIT, '2026');
    expect(html).toContain(`data-part="ikm">${fmtNumber('id', s.ikm)}<`);
    expect(html).toContain(`data-part="n">${fmtCount('id', s.n)}<`);
    for (const e of SKM_ELEMENTS) expect(html).toContain(e.name.id);
    expect(html).toMatch(/<noscript><meta http-equiv="refresh" content="\d+"><\/noscript>/);
    expect(html).toContain('<script src="/tayang.js" defer></script>');
    expect(html).toMatch(/<svg [^>]*role="img"[^>]*aria-label="Kode QR/);
    // Four visits in one hour are no screen that ran (issue 24 F10; the hours rule: tests/domain/publication-proof.test.ts).
    expect(await logged('screen')).toEqual([]);
    expect((await app.request('/tayang/tidak-ada')).status).toBe(404);
    const js = await app.request('/tayang.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toContain('javascript');
  });
});

describe('the public archive', () => {
  it('lists every quarter and year with data, with IKM, grade, n and interval equal to the scores route, linked to the unit page', async () => {
    const res = await app.request(`/unit/${UNIT}/arsip`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const rows = [...html.matchAll(/<tr data-period="([^"]+)">([\s\S]*?)<\/tr>/g)];
    const codes = rows.map((r) => r[1]);
    expect(codes).toContain('2026');
    expect(codes).toContain('2026-Q3');
    expect(codes).toContain('2025-Q4');
    expect(codes).not.toContain('2026-Q4-');
    for (const [, code, cells] of rows) {
      const s = await scores(UNIT, code!);
      expect(s.n, code).toBeGreaterThan(0);
      expect(cells).toContain(`href="/unit/${UNIT}?periode=${code}"`);
      expect(cells).toContain(`<td>${fmtNumber('id', s.ikm)}</td>`);
      expect(cells).toContain(`<td>${fmtCount('id', s.n)}</td>`);
      expect(cells).toContain(s.mutu!);
      if (s.ikmCi95) expect(cells).toContain(`${fmtNumber('id', s.ikmCi95[0])} – ${fmtNumber('id', s.ikmCi95[1])}`);
    }
    const en = await (await app.request(`/en/unit/${UNIT}/arsip`)).text();
    expect(en).toContain('<html lang="en">');
    expect(en).toContain(`href="/en/unit/${UNIT}?periode=2026-Q3"`);
    expect(await logged('archive')).toMatchObject([{ medium: 'website', source: 'archive', published_on: '2026-11-23' }]);
    expect((await app.request('/unit/tidak-ada/arsip')).status).toBe(404);
  });
});

describe('the results poster (PDF)', () => {
  it('is one A4 page whose IKM, grade, n and nine NRR equal the scores route; staff of the unit download it, and it is logged as print', async () => {
    const res = await app.request(`/api/staff/units/${UNIT}/poster.pdf?period=2026-Q3`, { headers: { cookie: staff } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain(`poster-hasil-${UNIT}-2026-Q3.pdf`);
    const file = join(dir, 'poster.pdf');
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/^Pages:\s+1$/m);
    expect(info).toMatch(/^Page size:\s+595\.28 x 841\.89 pts \(A4\)$/m);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const s = await scores(UNIT, '2026-Q3');
    expect(text).toContain(`IKM ${fmtNumber('id', s.ikm)}`);
    expect(text).toContain(`${fmtCount('id', s.n)} responden`);
    expect(text).toMatch(new RegExp(`Mutu ${s.mutu}`));
    for (const e of s.elements) {
      const name = SKM_ELEMENTS.find((x) => x.code === e.code)!.name.id;
      expect(text, name).toMatch(new RegExp(`${name.replace(/[()/]/g, '.')}\\s{2,}${fmtNumber('id', e.nrr).replace(',', ',')}\\s`));
    }
    expect(await logged('poster')).toMatchObject([{ medium: 'print', source: 'poster', period: '2026-Q3', published_on: '2026-11-23' }]);
    expect((await app.request(`/api/staff/units/${UNIT}/poster.pdf`, { headers: { cookie: staffOther } })).status).toBe(403);
    expect((await app.request(`/api/staff/units/${UNIT}/poster.pdf`)).status).toBe(401);
  });
});
