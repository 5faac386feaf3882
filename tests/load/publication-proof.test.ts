// Issue 24 F10, over a real socket against `npm start`'s server on the demo data: anonymous visits to the waiting-room
// screen and the badge, and the unit's own staff opening the widget, raised disdik-kota-palembang's ZI publication and
// PEKPPP 7.a.T. Only what proves publication counts: here, a listed origin framing the widget.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, reportSkip, signInOverHttp, startServer, type RunningServer } from '../support/browser.ts';

reportSkip('publication proof (uses the same server helper as the browser tests)');

const UNIT = 'disdik-kota-palembang';
const LISTED = 'https://disdik.palembang.go.id';
let server: RunningServer;
beforeAll(async () => {
  if (hasChromium) server = await startServer({ RAPOR_DEMO: 'on' });
}, 180_000);
afterAll(async () => {
  await server?.stop();
});

const signIn = (email: string) => signInOverHttp(server, email);

interface BoardUnit { unit: { slug: string }; publication: { media: string[] }; scores: { ziPublication: number; pekppp7aT: number } }

describe.skipIf(!hasChromium)('what counts as publication', () => {
  it('anonymous one-off visits and staff opening the kit change nothing; a listed origin framing the widget counts', async () => {
    const admin = await signIn('admin@demo.rapor.id');
    const staff = await signIn(`staff.${UNIT}@demo.rapor.id`);
    const figures = async () => {
      const board = (await (await fetch(`${server.url}/api/compliance?year=2026`, { headers: { cookie: admin } })).json()) as { units: BoardUnit[] };
      const u = board.units.find((x) => x.unit.slug === UNIT)!;
      return { media: u.publication.media, ziPublication: u.scores.ziPublication, pekppp7aT: u.scores.pekppp7aT };
    };
    const before = await figures();
    // The administrator lists the unit's own website as a frame origin.
    const listed = await fetch(`${server.url}/api/admin/units/${UNIT}/frame-origins`, {
      method: 'PUT', headers: { cookie: admin, origin: server.url, 'content-type': 'application/json' }, body: JSON.stringify({ origins: [LISTED] }),
    });
    expect(listed.status).toBe(200);

    // Anonymous one-off visits: the screen (twice), the badge (direct, and on a page of an origin nobody listed).
    expect((await fetch(`${server.url}/tayang/${UNIT}`)).status).toBe(200);
    expect((await fetch(`${server.url}/en/tayang/${UNIT}`)).status).toBe(200);
    expect((await fetch(`${server.url}/api/units/${UNIT}/badge.svg`)).status).toBe(200);
    expect((await fetch(`${server.url}/api/units/${UNIT}/badge.svg`, { headers: { referer: 'https://elsewhere.example/page', 'sec-fetch-dest': 'image' } })).status).toBe(200);
    // The widget opened as a page, anonymously and by the unit's own staff; framed by an origin nobody listed.
    expect((await fetch(`${server.url}/widget/${UNIT}`, { headers: { 'sec-fetch-dest': 'document' } })).status).toBe(200);
    expect((await fetch(`${server.url}/widget/${UNIT}`, { headers: { cookie: staff, 'sec-fetch-dest': 'document', 'sec-fetch-site': 'none' } })).status).toBe(200);
    expect((await fetch(`${server.url}/widget/${UNIT}`, { headers: { 'sec-fetch-dest': 'iframe', 'sec-fetch-site': 'cross-site', referer: 'https://elsewhere.example/' } })).status).toBe(200);
    const afterVisits = await figures();
    console.log(`[F10] ${UNIT} 2026 before: media [${before.media.join(', ')}], ZI publication ${before.ziPublication}, PEKPPP 7.a.T ${before.pekppp7aT}; after one-off visits: [${afterVisits.media.join(', ')}], ${afterVisits.ziPublication}, ${afterVisits.pekppp7aT}`);
    expect(afterVisits).toEqual(before);

    // A page of the listed origin frames the widget: that proves publication on a website.
    const framed = await fetch(`${server.url}/widget/${UNIT}`, { headers: { 'sec-fetch-dest': 'iframe', 'sec-fetch-site': 'cross-site', referer: `${LISTED}/layanan/ikm` } });
    expect(framed.status).toBe(200);
    const afterFrame = await figures();
    console.log(`[F10] after a listed origin framed the widget: [${afterFrame.media.join(', ')}], ZI publication ${afterFrame.ziPublication}, PEKPPP 7.a.T ${afterFrame.pekppp7aT}`);
    expect(afterFrame.media).toContain('website');
    expect(afterFrame.pekppp7aT).toBeGreaterThan(before.pekppp7aT);
  });
});
