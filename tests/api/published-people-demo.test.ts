// Issue 25, "What the portal publishes about people", on the demo world (decision 047):
//   item 7: no public output shows an element figure, an IKM or a profile cell behind fewer than k ratings (k a setting,
//           default 5); a crawl of every public JSON route and open-data file for every unit and closed period, and
//           a sample of the HTML pages;
//   item 8: a period's datapackage.json keeps its bytes (and its ETag) from one request to the next;
//   item 9: a comment that names a person without an honorific ("Budi ramah") waits for review, as /privasi promises.
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { parseCsv } from '../../core/domain/csv.ts';
import type { UnitScores } from '../../core/api-types.ts';
import { demoWorld, signIn } from '../support/db.ts';
import { DIST } from '../support/js-weight.ts';

const NOW = new Date('2026-11-23T03:00:00Z');
let world: Awaited<ReturnType<typeof demoWorld>>;

beforeAll(async () => {
  // The widget and the archive are pages rendered on demand: the real build serves them (decision 054).
  world = await demoWorld(NOW, { site: true });
}, 240_000);

async function json<T>(path: string): Promise<T> {
  const res = await world.app.request(path);
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
}

async function closedPeriods(): Promise<string[]> {
  const catalog = await json<{ 'dcat:dataset': { 'dct:identifier': string }[] }>('/api/catalog.jsonld');
  return catalog['dcat:dataset'].map((d) => d['dct:identifier'].replace('rapor-ikm-', '').toUpperCase());
}

async function unitSlugs(): Promise<string[]> {
  const units = await json<{ items?: { slug: string }[] } | { slug: string }[]>('/api/units');
  return (Array.isArray(units) ? units : units.items!).map((u) => u.slug).sort();
}

interface Scores {
  n: number; nVerified: number; ikm: number | null; ikmCi95: unknown; mutu: string | null; kinerja: string | null; ikmVerified: number | null;
  elements: { code: string; nrr: number | null; nrr25: number | null }[]; weakest: string[];
  services: { slug: string; n: number; ikm: number | null; mutu: string | null }[];
  trend: { period: string; n: number; ikm: number | null; mutu: string | null }[];
}

describe('small cells (issue 25 item 7)', () => {
  it('no public JSON route or open-data file of any unit and closed period shows a figure behind fewer than 5 ratings', async () => {
    const k = 5;
    const periods = await closedPeriods();
    const slugs = await unitSlugs();
    expect(periods.length).toBeGreaterThanOrEqual(8);
    const leaks: string[] = [];
    let small = 0;
    for (const code of periods) {
      for (const slug of slugs) {
        const s = await json<Scores>(`/api/units/${slug}/scores?period=${code}`);
        const at = `${slug} ${code}`;
        if (s.n < k) {
          small++;
          if (s.ikm !== null || s.ikmCi95 !== null || s.mutu !== null || s.kinerja !== null) leaks.push(`${at}: IKM ${s.ikm} at n ${s.n}`);
          for (const e of s.elements) if (e.nrr !== null || e.nrr25 !== null) leaks.push(`${at}: ${e.code} ${e.nrr} at n ${s.n}`);
          if (s.weakest.length) leaks.push(`${at}: weakest ${s.weakest.join(',')} at n ${s.n}`);
        }
        if (s.nVerified < k && s.ikmVerified !== null) leaks.push(`${at}: verified IKM ${s.ikmVerified} at n ${s.nVerified}`);
        for (const sv of s.services) if (sv.n < k && (sv.ikm !== null || sv.mutu !== null)) leaks.push(`${at} ${sv.slug}: IKM ${sv.ikm} at n ${sv.n}`);
        for (const p of s.trend) if (p.n < k && (p.ikm !== null || p.mutu !== null)) leaks.push(`${at} trend ${p.period}: IKM ${p.ikm} at n ${p.n}`);
      }
      const board = await json<{ ranked: { unit: { slug: string }; n: number }[] }>(`/api/scoreboard?period=${code}`);
      for (const r of board.ranked) if (r.n < k) leaks.push(`scoreboard ${code} ${r.unit.slug}: ranked at n ${r.n}`);
      for (const q of ['puskesmas', 'kelurahan', 'dukcapil']) {
        const found = await json<{ items: { slug: string; n: number; ikm: number | null; mutu: string | null; kinerja: string | null }[] }>(`/api/search?q=${q}&period=${code}`);
        for (const u of found.items) if (u.n < k && (u.ikm !== null || u.mutu !== null || u.kinerja !== null)) leaks.push(`search ${q} ${code} ${u.slug}: IKM ${u.ikm} at n ${u.n}`);
      }
      const csv = await world.app.request(`/api/open-data/${code}/scores.csv`);
      expect(csv.status).toBe(200);
      const [header, ...rows] = parseCsv(await csv.text(), ',').map((r) => r.cells);
      for (const cells of rows) {
        const r = Object.fromEntries(header!.map((h, i) => [h, cells[i]!]));
        const figures = ['ikm', 'ikm_ci_low', 'ikm_ci_high', 'mutu', ...header!.filter((h) => h.startsWith('nrr_'))];
        if (Number(r.n) < k) for (const f of figures) if (r[f] !== '') leaks.push(`open data ${code} ${r.unit_slug}: ${f} ${r[f]} at n ${r.n}`);
        if (Number(r.n_verified) < k && r.ikm_verified !== '') leaks.push(`open data ${code} ${r.unit_slug}: ikm_verified ${r.ikm_verified} at n ${r.n_verified}`);
      }
    }
    // The demo world has small cells (puskesmas-telaga 2026-Q1: one rating): the crawl looked at some.
    expect(small).toBeGreaterThan(0);
    expect(leaks.slice(0, 12)).toEqual([]);
  }, 300_000);

  it('the unit page, badge, widget and archive of puskesmas-telaga 2026-Q1 (one rating) say "kurang dari 5 penilaian"', async () => {
    const scores = await json<UnitScores>('/api/units/puskesmas-telaga/scores?period=2026-Q1');
    expect(scores.n).toBeLessThan(5);
    expect(scores.n).toBeGreaterThan(0);
    // The unit page as the built site renders it on demand (npx astro build first; docs/decisions/054).
    const site = createApp({ db: world.conn.db, now: () => NOW, distDir: DIST });
    for (const [prefix, words] of [['', 'kurang dari 5 penilaian'], ['/en', 'fewer than 5 ratings']] as const) {
      const res = await site.request(`${prefix}/unit/puskesmas-telaga?periode=2026-Q1`);
      expect(res.status).toBe(200);
      const page = (await res.text()).replace(/<!--[\s\S]*?-->/g, '');
      expect(page).toContain(words);
      // The elements section carries no NRR (a figure on the 1–4 scale with two decimals).
      expect(page).toContain('<section aria-labelledby="unsur-judul"');
      const section = page.slice(page.indexOf('aria-labelledby="unsur-judul"'));
      expect(section.slice(0, section.indexOf('</section>'))).not.toMatch(/<td[^>]*>[1-4][.,]\d\d<\/td>/);
    }
    const badge = await (await world.app.request('/api/units/puskesmas-telaga/badge.svg?period=2026-Q1')).text();
    expect(badge).toContain('kurang dari 5 penilaian');
    expect(badge).not.toMatch(/IKM \d/);
    const widget = await (await world.app.request('/widget/puskesmas-telaga?period=2026-Q1')).text();
    expect(widget).toContain('kurang dari 5 penilaian');
    const archive = await (await world.app.request('/en/unit/puskesmas-telaga/arsip')).text();
    const row = archive.slice(archive.indexOf('<tr data-period="2026-Q1">'));
    expect(row.startsWith('<tr data-period="2026-Q1">')).toBe(true);
    expect(row.slice(0, row.indexOf('</tr>'))).toContain('fewer than 5 ratings');
  }, 60_000);

  it('an administrator sets k through the settings API, and the public figures follow it', async () => {
    const cookie = await signIn(world.app, 'admin@demo.rapor.id', 'rapor-demo-2026');
    const put = (body: object) => world.app.request('/api/admin/settings', { method: 'PUT', headers: { cookie, 'content-type': 'application/json', origin: 'http://localhost' }, body: JSON.stringify(body) });
    const bad = await put({ minPublicRatings: 0 });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('validation_failed');
    const ok = await put({ minPublicRatings: 100_000 });
    expect(ok.status).toBe(400);
    const set = await put({ minPublicRatings: 50 });
    expect(set.status).toBe(200);
    expect(((await set.json()) as { minPublicRatings: number }).minPublicRatings).toBe(50);
    try {
      const s = await json<Scores>('/api/units/puskesmas-telaga/scores?period=2026-Q1');
      expect(s.ikm).toBeNull();
      const badge = await (await world.app.request('/api/units/puskesmas-telaga/badge.svg?period=2026-Q1&lang=en')).text();
      expect(badge).toContain('fewer than 50 ratings');
    } finally {
      expect((await put({ minPublicRatings: 5 })).status).toBe(200);
    }
  }, 60_000);
});

describe('stable open data (issue 25 item 8)', () => {
  it('datapackage.json and the catalogue give the same bytes and ETag a second apart', async () => {
    const clock = { now: new Date(NOW) };
    const app = createApp({ db: world.conn.db, now: () => clock.now });
    for (const path of ['/api/open-data/2026-Q1/datapackage.json', '/api/open-data/2026-Q1/scores.csv', '/api/catalog.jsonld']) {
      const first = await app.request(path);
      clock.now = new Date(clock.now.getTime() + 1000);
      const second = await app.request(path);
      expect([first.status, second.status]).toEqual([200, 200]);
      expect(await second.text(), path).toBe(await first.text());
      expect(first.headers.get('etag'), path).toBeTruthy();
      expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
      expect(second.headers.get('last-modified')).toBe(first.headers.get('last-modified'));
      // A harvester that kept the ETag is told nothing changed.
      const again = await app.request(path, { headers: { 'if-none-match': first.headers.get('etag')! } });
      expect(again.status).toBe(304);
    }
    // created: when the period was published (the 4th day after it closed, 00:00 WIB), not when it was asked for.
    const pkg = (await (await app.request('/api/open-data/2026-Q1/datapackage.json')).json()) as { created: string };
    expect(pkg.created).toBe('2026-04-03T17:00:00.000Z');
  });
});

describe('comments naming staff (issue 25 item 9)', () => {
  it('"Budi ramah" on puskesmas-telaga waits for review and is not published', async () => {
    const unit = await json<{ services: { slug: string }[] }>('/api/units/puskesmas-telaga');
    const res = await world.app.request('/api/units/puskesmas-telaga/ratings', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        idempotencyKey: crypto.randomUUID(),
        service: unit.services[0]!.slug,
        answers: Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => [`U${i}`, 4])),
        comment: 'Budi ramah',
      }),
    }, { incoming: { socket: { remoteAddress: '198.18.7.7' } } });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { commentReview?: string | null }).commentReview).toBe('pending');
    const comments = await json<{ items: { comment: string }[] }>('/api/units/puskesmas-telaga/comments?limit=50');
    expect(comments.items.map((c) => c.comment)).not.toContain('Budi ramah');
  });
});
