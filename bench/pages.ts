// Pages on a slow phone: the rating page and the unit page loaded in Debian's Chromium (playwright-core) with the
// network of Chrome DevTools' "Slow 3G" preset (2,000 ms latency, 400 kbit/s each way) and the CPU slowed 4× through
// the DevTools protocol, against the real server (`npm start`'s process, demo data). Each page is loaded cold (a new
// browser context: nothing cached) a few times; the median and the worst are printed beside the goal.
//
// Figures, from the navigation's start (performance.timeOrigin), two moments per page:
// - rating page: "form usable" = the server's rating form is painted: its answer buttons are on the page after the
//   first contentful paint. It posts natively, and the island hydrates it, keeping what was chosen (decision 057).
//   "island ready" = the island has hydrated (the form then checks and sends by script, offline too);
// - unit page: "IKM shown" = the IKM figure is on the page as text after the first paint (the page is rendered on
//   demand with its figures, decision 054); "island ready" = the island has hydrated that markup.
// Goal: 5 s for each, the "interactive in under 5 s on slow 3G on a median phone" budget (A. Russell, "Can You Afford
// It?", 2017). The page's CSP is bypassed only so the bench may poll the page. Run alone: `npm run bench -- pages`. Needs the built site (`npx astro build`) and /usr/bin/chromium.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { CHROMIUM, hasChromium, launchBrowser, startServer } from '../tests/support/browser.ts';
import { DIST } from '../tests/support/js-weight.ts';

/** Chrome DevTools' "Slow 3G" preset: latency 400 ms × 5, throughput 500 kbit/s × 0.8, in bytes per second. */
export const SLOW_3G = { offline: false, latency: 2000, downloadThroughput: (500 * 1000 / 8) * 0.8, uploadThroughput: (500 * 1000 / 8) * 0.8 };
export const CPU_SLOWDOWN = 4;
const GOAL_MS = 5000;
const RUNS = Number(process.env.BENCH_PAGE_RUNS ?? 3);
const TIMEOUT_MS = 120_000;

interface PageCase {
  label: string;
  what: string;
  path: string;
  /** Runs in the page; true once the figure's moment has come (the goal's moment). */
  ready: string;
  /** Runs in the page; true once the island has taken over. */
  island: string;
}

const PAINTED = `performance.getEntriesByName('first-contentful-paint').length > 0`;

const CASES: PageCase[] = [
  {
    label: 'rating page /nilai/dukcapil-kota-gorontalo',
    what: 'form usable',
    path: '/nilai/dukcapil-kota-gorontalo?ch=qr',
    ready: `${PAINTED} && !!document.querySelector('form#formulir input[type=radio]')`,
    island: `!!document.querySelector('form#formulir input[type=radio]') && !document.querySelector('astro-island[ssr]')`,
  },
  {
    label: 'unit page /unit/dukcapil-kota-gorontalo',
    what: 'IKM shown',
    path: '/unit/dukcapil-kota-gorontalo',
    ready: `${PAINTED} && (document.querySelector('[data-testid=ikm], [data-figure=ikm]')?.textContent ?? '').trim().length > 0`,
    island: `(document.querySelector('[data-testid=ikm]')?.textContent ?? '').trim().length > 0 && !document.querySelector('astro-island[ssr]')`,
  },
];

interface Load { readyMs: number; islandMs: number; fcpMs: number | null; bytes: number; requests: number }

async function loadOnce(browser: Browser, url: string, c: PageCase): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'id-ID', isMobile: true, hasTouch: true, bypassCSP: true });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    let bytes = 0;
    let requests = 0;
    cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => {
      bytes += e.encodedDataLength;
      requests++;
    });
    await page.goto(url, { waitUntil: 'commit', timeout: TIMEOUT_MS });
    // Polled in the page every 50 ms; each figure is the page's own clock when its condition first held.
    const moments = `(() => { const m = (window.__benchMoments ??= {}); if (m.ready === undefined && (${c.ready})) m.ready = performance.now();
      if (m.island === undefined && (${c.island})) m.island = performance.now(); return m.ready !== undefined && m.island !== undefined && m; })()`;
    const handle = await page.waitForFunction(moments, undefined, { polling: 50, timeout: TIMEOUT_MS });
    const { ready, island } = (await handle.jsonValue()) as { ready: number; island: number };
    const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null);
    return { readyMs: ready, islandMs: island, fcpMs: fcp, bytes, requests };
  } finally {
    await context.close();
  }
}

const s = (x: number) => `${(x / 1000).toFixed(1)} s`;

export async function benchPages(): Promise<void> {
  console.log(`\n== Pages on a slow phone (Chromium, DevTools "Slow 3G": ${SLOW_3G.latency} ms, ${(SLOW_3G.downloadThroughput * 8 / 1000).toFixed(0)} kbit/s; CPU ${CPU_SLOWDOWN}× slower; ${RUNS} cold loads each)`);
  if (!hasChromium) {
    console.log(`  skipped: no Chromium at ${CHROMIUM} (apt-get install chromium)`);
    return;
  }
  if (!existsSync(join(DIST, 'client', 'index.html'))) {
    const build = spawnSync(join('node_modules', '.bin', 'astro'), ['build', '--silent'], { stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
    if (build.status !== 0) throw new Error('the site build failed');
  }
  const [server, browser] = await Promise.all([startServer({ RAPOR_DEMO: 'on' }), launchBrowser()]);
  try {
    for (const c of CASES) {
      // One unthrottled load first, so the server's own first-request costs are not in the figures.
      await (await fetch(server.url + c.path)).arrayBuffer();
      const loads: Load[] = [];
      for (let i = 0; i < RUNS; i++) loads.push(await loadOnce(browser, server.url + c.path, c));
      const ready = loads.map((l) => l.readyMs).sort((a, b) => a - b);
      const median = ready[Math.floor(ready.length / 2)]!;
      const fcp = loads.map((l) => l.fcpMs ?? NaN).sort((a, b) => a - b)[Math.floor(loads.length / 2)]!;
      const island = loads.map((l) => l.islandMs).sort((a, b) => a - b);
      const last = loads.at(-1)!;
      console.log(`  ${c.label}: ${c.what} at ${s(median)} median, ${s(ready.at(-1)!)} worst (goal ≤ ${s(GOAL_MS)}: ${ready.at(-1)! <= GOAL_MS ? 'met' : median <= GOAL_MS ? 'met at the median only' : 'not met'}); first paint ${s(fcp)}; island ready at ${s(island[Math.floor(island.length / 2)]!)} median, ${s(island.at(-1)!)} worst; ${last.requests} requests, ${(last.bytes / 1024).toFixed(1)} KB over the wire`);
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchPages();
