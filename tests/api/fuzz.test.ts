// Property-based fuzzing of every route with random and hostile bodies, parameters, headers, encodings and sizes:
// no 5xx, no stack trace or database error in any answer, the security headers on every answer, and no invalid data
// stored. In this process (app.request) and again over real sockets against the server `npm start` runs, where slow
// bodies, slow headers and idle connections are tried too (issue 24 F1, F5).
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { containsPersonalData } from '../../core/domain/redaction.ts';
import { ACCOUNTS, FIXTURE, insertFixtureUsers, ON_POSTGRES, signIn, testApp } from '../support/db.ts';
import { startServer, type RunningServer } from '../support/browser.ts';
import { openFileLimit, openSlowClients, rssMiB, watchHealth, type SlowClients } from '../support/slow-clients.ts';

type TestApp = Awaited<ReturnType<typeof testApp>>;
let t: TestApp;
let admin = '';
let staff = '';
let cases = 0;
beforeAll(async () => {
  // With the real build: the publication kit's and the verification pages are rendered on demand (decision 054).
  t = await testApp(new Date('2026-08-10T03:00:00.000Z'), { site: true });
  await insertFixtureUsers(t.db);
  admin = await signIn(t.app, ACCOUNTS.admin);
  staff = await signIn(t.app, ACCOUNTS.staffGorontalo);
});
afterAll(async () => {
  console.log(`[fuzz] ${cases} requests checked`);
  await t.close();
});

const HOSTILE = [
  "' OR 1=1 --", '"; DROP TABLE responses; --', '<script>alert(1)</script>', '../../etc/passwd', '%00', '\u0000', '\uFFFF', '\uD800',
  'NaN', '-1', '1e309', '0x10', '9'.repeat(400), 'ä'.repeat(3000), '😀'.repeat(500), '${7*7}', '{{7*7}}', '__proto__', 'constructor',
  'null', 'true', '[]', '{}', ' ', '', '2026-02-30', '2026-Q9', '9999-12-31', '0000-01-01', 'dukcapil-uji-gorontalo', '75', '1671050',
];
const hostileString = fc.oneof(fc.string({ maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 40 }), fc.constantFrom(...HOSTILE));
const anyJson = fc.oneof(fc.jsonValue({ maxDepth: 3 }), hostileString, fc.constant(null));
const answerValue = fc.oneof(fc.integer({ min: -5, max: 9 }), fc.double(), hostileString, fc.constant(null), fc.constant(undefined));

/** A rating body that is valid except where the fuzzer changed it: reaches the deeper code more often. */
const ratingBody = fc.record({
  idempotencyKey: fc.oneof(fc.uuid(), hostileString),
  service: fc.oneof(fc.constantFrom(FIXTURE.ktp, FIXTURE.kk, undefined), hostileString),
  answers: fc.oneof(fc.dictionary(fc.constantFrom('U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9', 'U10', 'x'), answerValue), fc.constant({ U1: 4, U2: 3, U3: 2, U4: 4, U5: 3, U6: 4, U7: 4, U8: 3, U9: 3 }), anyJson),
  respondent: fc.oneof(fc.record({ gender: fc.oneof(fc.constantFrom('L', 'P'), hostileString), age: answerValue, education: hostileString, occupation: hostileString }), anyJson),
  comment: fc.oneof(hostileString, fc.string({ maxLength: 2100 }), fc.constant('NIK 7571014509880002 HP 0812-3456-7890')),
  visitCode: fc.oneof(hostileString, fc.constant(undefined)),
  channel: fc.oneof(fc.constantFrom('web', 'qr', 'kiosk'), hostileString),
  website: fc.oneof(fc.constant(undefined), hostileString),
}, { requiredKeys: [] });

/** Valid ratings whose free fields (comment, profile, service, channel) carry hostile values: these get stored. */
const storableRating = fc.record({
  idempotencyKey: fc.uuid(),
  service: fc.constantFrom(FIXTURE.ktp, FIXTURE.kk, undefined),
  answers: fc.tuple(...Array.from({ length: 9 }, () => fc.integer({ min: 1, max: 4 }))).map((a) => Object.fromEntries(a.map((v, i) => [`U${i + 1}`, v]))),
  respondent: fc.oneof(fc.constant(undefined), fc.record({ gender: fc.constantFrom('L', 'P', null), age: fc.oneof(fc.integer({ min: 15, max: 100 }), fc.constant(null)), education: fc.constantFrom('SMA', 'S1', 'S3', null), occupation: fc.constantFrom('Swasta', 'Lainnya', null) })),
  comment: fc.oneof(hostileString, fc.string({ maxLength: 1900 }), fc.constantFrom('NIK 7571014509880002 HP 0812-3456-7890 surel a.b@c.id', '<img src=x onerror=alert(1)>', "'; DELETE FROM responses; --")),
  channel: fc.constantFrom('web', 'qr'),
});

const contentType = fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'text/csv', 'multipart/form-data; boundary=x', '', 'application/x-www-form-urlencoded', 'APPLICATION/JSON');

const body = fc.oneof(
  { weight: 4, arbitrary: ratingBody.map((b) => JSON.stringify(b)) },
  { weight: 3, arbitrary: storableRating.map((b) => JSON.stringify(b)) },
  { weight: 2, arbitrary: anyJson.map((j) => JSON.stringify(j) ?? 'undefined') },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }).map((u) => Buffer.from(u)) },
  { weight: 1, arbitrary: fc.constantFrom('{', '{"a":', 'x'.repeat(17 * 1024), '[' .repeat(5000), '"\\ud800"', '{"answers":{"U1":1e999}}') },
);

const slug = fc.oneof(fc.constantFrom(FIXTURE.gorontaloUnit, FIXTURE.palembangUnit, 'tidak-ada'), hostileString);
/** A path segment as a client might send it: encoded (lone surrogates made well-formed first), or raw malformed escapes. */
const segment = fc.oneof(
  { weight: 5, arbitrary: slug.map((s) => encodeURIComponent(wellFormed(s))) },
  { weight: 1, arbitrary: fc.constantFrom('%ED%A0%80', '%E0%A4%A', '%', '%2e%2e%2f%2e%2e', '%00', '..', '%252e') },
);
const query = fc.dictionary(fc.constantFrom('period', 'from', 'to', 'region', 'kind', 'q', 'limit', 'cursor', 'unit', 'sep', 'includeExcluded', 'status', 'service', 'withComment', 'year', 'lang'), hostileString, { maxKeys: 4 });

/** Lone surrogates cannot be percent-encoded; a client would have replaced them (as String.prototype.toWellFormed does). */
function wellFormed(s: string): string {
  return s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

function qs(q: Record<string, string>): string {
  const p = new URLSearchParams(q).toString();
  return p ? `?${p}` : '';
}

/** How a request reaches the server: through app.request in this process, or over a real socket (fetch). */
type Send = (path: string, init: RequestInit) => Response | Promise<Response>;
const inProcess: Send = (path, init) => t.app.request(path, init);

async function check(method: string, path: string, init: { body?: string | Buffer; type?: string; cookie?: string; origin?: string } = {}, send: Send = inProcess) {
  cases++;
  const headers: Record<string, string> = { origin: init.origin ?? 'http://localhost' };
  if (init.type) headers['content-type'] = init.type;
  if (init.cookie) headers.cookie = init.cookie;
  let res: Response;
  try {
    res = await send(path, { method, headers, body: init.body as BodyInit | undefined });
  } catch (error) {
    // An invalid URL built by the fuzzer is refused by the URL parser before reaching the app: not a server answer.
    if (error instanceof TypeError && /URL/.test(String(error))) return;
    throw error;
  }
  const text = await res.text();
  expect(res.status, `${method} ${path}: ${text.slice(0, 300)}`).toBeLessThan(500);
  expect(text).not.toMatch(/\bat [^\n]+\.(ts|js|mjs):\d+/);
  expect(text).not.toMatch(/SQLITE_|SqliteError|syntax error|no such (table|column)/i);
  // Every answer, whatever the route and however it failed, carries the security headers (issue 24 F5).
  expect(res.headers.get('content-security-policy'), `${method} ${path}: CSP`).toMatch(/frame-ancestors /);
  expect(res.headers.get('x-content-type-options'), `${method} ${path}`).toBe('nosniff');
}

const RUNS = 800;

describe('fuzzing every route', () => {
  const publicGets = ['/api/health', '/api/regions', '/api/meta', '/api/units', '/api/search', '/api/scoreboard', '/api/permit-times', '/api/holidays', '/api/improvement'];
  it.each(publicGets)('GET %s with random query parameters', async (path) => {
    await fc.assert(fc.asyncProperty(query, async (q) => check('GET', path + qs(q))), { numRuns: RUNS });
  });

  it.each(['', '/scores', '/comments', '/follow-ups', '/permit-times', '/badge.svg'])('GET /api/units/{slug}%s with random slugs and parameters', async (tail) => {
    await fc.assert(fc.asyncProperty(segment, query, async (s, q) => check('GET', `/api/units/${s}${tail}${qs(q)}`)), { numRuns: RUNS });
  });

  it.each(['/tayang/{}', '/en/tayang/{}', '/widget/{}', '/en/widget/{}', '/unit/{}/arsip', '/en/unit/{}/arsip'])('GET %s (publication kit pages) with random slugs and parameters', async (path) => {
    await fc.assert(fc.asyncProperty(segment, query, async (s, q) => check('GET', path.replace('{}', s) + qs(q))), { numRuns: RUNS / 4 });
  });

  it('PUT frame origins as admin with random origin lists', async () => {
    const origins = fc.record({ origins: fc.array(fc.oneof(hostileString, fc.webUrl(), fc.constantFrom('https://pemda.go.id', 'https://a.go.id:8443', 'http://localhost:3000')), { maxLength: 25 }) }, { requiredKeys: [] });
    await fc.assert(fc.asyncProperty(segment, origins, async (s, o) => check('PUT', `/api/admin/units/${s}/frame-origins`, { cookie: admin, body: JSON.stringify(o), type: 'application/json' })), { numRuns: 200 });
    // Whatever was stored is a plain origin that cannot add another CSP source.
    for (const { origin } of await t.db.selectFrom('unit_frame_origins').select('origin').execute()) expect(origin).toMatch(/^(https:\/\/[a-z0-9.-]+|http:\/\/(localhost|127\.0\.0\.1))(:\d+)?$/);
  });

  it('POST ratings with random bodies, encodings, sizes and content types', async () => {
    await fc.assert(fc.asyncProperty(segment, body, contentType, async (s, b, type) => check('POST', `/api/units/${s}/ratings`, { body: b, type })), { numRuns: RUNS * 4 });
  });

  it('POST permit reports with random bodies', async () => {
    const permit = fc.record({ idempotencyKey: fc.oneof(fc.uuid(), hostileString), service: fc.oneof(fc.constant(FIXTURE.kk), hostileString), submittedOn: fc.oneof(fc.constant('2026-08-03'), hostileString), completedOn: fc.oneof(fc.constant(null), fc.constant('2026-08-05'), hostileString) }, { requiredKeys: [] });
    await fc.assert(fc.asyncProperty(segment, fc.oneof(permit.map((p) => JSON.stringify(p)), body), contentType, async (s, b, type) => check('POST', `/api/units/${s}/permit-reports`, { body: b, type })), { numRuns: RUNS * 2 });
  });

  it('POST sign-in with random bodies', async () => {
    const login = fc.record({ email: fc.oneof(hostileString, fc.emailAddress()), password: hostileString }, { requiredKeys: [] });
    await fc.assert(fc.asyncProperty(fc.oneof(login.map((l) => JSON.stringify(l)), body), contentType, async (b, type) => check('POST', '/api/auth/login', { body: b, type })), { numRuns: 150 });
  });

  it.each([['POST', '/api/auth/2fa/verify'], ['POST', '/api/auth/2fa/enable'], ['POST', '/api/auth/2fa/disable'], ['POST', '/api/auth/2fa/setup'], ['GET', '/api/auth/2fa']])('%s %s with random bodies, signed in or half signed in', async (method, path) => {
    const twoFactorBody = fc.record({ code: fc.oneof(hostileString, fc.stringMatching(/^\d{6}$/), fc.stringMatching(/^[a-z2-7]{4}(-[a-z2-7]{4}){3}$/)), password: hostileString }, { requiredKeys: [] });
    const cookie = fc.constantFrom(admin, `rapor_pending=${'A'.repeat(43)}`, `${admin}; rapor_device=${'B'.repeat(43)}`, '');
    await fc.assert(fc.asyncProperty(fc.oneof(twoFactorBody.map((b) => JSON.stringify(b)), body), contentType, cookie, async (b, type, c) => check(method, path, { body: method === 'GET' ? undefined : b, type, cookie: c || undefined })), { numRuns: 150 });
  });

  it.each([['POST', '/api/auth/password-reset'], ['POST', '/api/auth/password'], ['PUT', '/api/auth/password']])('%s %s (accounts by mail) with random bodies, content types and cookies', async (method, path) => {
    const fields = fc.record({ email: fc.oneof(hostileString, fc.emailAddress()), token: fc.oneof(hostileString, fc.stringMatching(/^[\w-]{43}$/)), password: hostileString, passwordAgain: hostileString, currentPassword: hostileString, lang: hostileString }, { requiredKeys: [] });
    const encoded = fc.oneof(fields.map((f) => JSON.stringify(f)), fields.map((f) => new URLSearchParams(f as Record<string, string>).toString()), body);
    await fc.assert(fc.asyncProperty(encoded, contentType, fc.constantFrom(admin, ''), async (b, type, c) => check(method, path, { body: b, type, cookie: c || undefined })), { numRuns: 150 });
  });

  const privateRoutes: [string, string][] = [
    ['GET', '/responses'], ['GET', '/profile'], ['POST', '/responses/x/replies'], ['POST', '/responses/x/hide'], ['POST', '/responses/x/restore'],
    ['GET', '/follow-ups/suggestions'], ['POST', '/follow-ups'], ['PATCH', '/follow-ups/x'], ['POST', '/visit-codes'], ['GET', '/visit-codes'],
    ['GET', '/poster.svg'], ['GET', '/poster.pdf'], ['GET', '/kiosks'], ['POST', '/kiosks'], ['DELETE', '/kiosks/x'], ['GET', '/audit'],
    ['POST', '/follow-ups/x/evidence'], ['POST', '/publications'], ['GET', '/publications'],
  ];
  it.each(privateRoutes)('%s /api/staff/units/{slug}%s as staff, with random slugs, bodies and parameters', async (method, tail) => {
    await fc.assert(fc.asyncProperty(segment, query, body, async (s, q, b) => check(method, `/api/staff/units/${s}${tail}${qs(q)}`, { cookie: staff, body: method === 'GET' || method === 'DELETE' ? undefined : b, type: 'application/json' })), { numRuns: 250 });
  });

  const adminRoutes: [string, string, string][] = [
    ['PUT', '/api/admin/regions/', 'code'], ['PUT', '/api/admin/units/', 'slug'], ['PUT', '/api/admin/units/dukcapil-uji-gorontalo/services/', 'slug'],
    ['POST', '/api/admin/users', ''], ['PATCH', '/api/admin/users/', 'id'], ['PUT', '/api/admin/holidays/', 'date'], ['DELETE', '/api/admin/holidays/', 'date'],
    ['POST', '/api/admin/officials', ''], ['PATCH', '/api/admin/officials/', 'id'], ['PUT', '/api/admin/targets', ''], ['POST', '/api/admin/import/units', ''],
    ['PUT', '/api/admin/units/dukcapil-uji-gorontalo/frame-origins', ''],
    ['PUT', '/api/admin/compliance-thresholds', ''],
  ];
  it.each(adminRoutes)('%s %s as admin, with random path parts and bodies', async (method, path, param) => {
    await fc.assert(fc.asyncProperty(segment, body, contentType, async (p, b, type) => check(method, param ? path + p : path, { cookie: admin, body: method === 'DELETE' ? undefined : b, type })), { numRuns: 200 });
  });

  it('evaluators\' moderation routes as admin, with random ids, bodies and parameters', async () => {
    const decision = fc.oneof(fc.record({ reason: hostileString }, { requiredKeys: [] }).map((r) => JSON.stringify(r)), body);
    await fc.assert(fc.asyncProperty(query, async (q) => check('GET', `/api/evaluation/moderation-requests${qs(q)}`, { cookie: admin })), { numRuns: 200 });
    for (const path of ['/api/evaluation/moderation-requests/{}/approve', '/api/evaluation/moderation-requests/{}/reject', '/api/evaluation/responses/{}/lift']) {
      await fc.assert(fc.asyncProperty(segment, decision, contentType, async (id, b, type) => check('POST', path.replace('{}', id), { cookie: admin, body: b, type })), { numRuns: 150 });
    }
  });

  it('GET exports and reports as admin with random file names and parameters', async () => {
    const file = fc.oneof(fc.constantFrom('responses.csv', 'scores.xlsx', 'permit-reports.ndjson', 'asn-evidence.csv'), hostileString);
    await fc.assert(fc.asyncProperty(file, query, async (f, q) => check('GET', `/api/exports/${encodeURIComponent(wellFormed(f))}${qs(q)}`, { cookie: admin })), { numRuns: 400 });
    await fc.assert(fc.asyncProperty(segment, query, async (s, q) => check('GET', `/api/reports/skm/${s}${qs(q)}`, { cookie: admin })), { numRuns: 300 });
    await fc.assert(fc.asyncProperty(segment, query, async (s, q) => check('GET', `/api/reports/skm/${s}.pdf${qs(q)}`, { cookie: admin })), { numRuns: 150 });
    await fc.assert(fc.asyncProperty(query, async (q) => check('GET', `/api/reports/skm.zip${qs(q)}`, { cookie: admin })), { numRuns: 60 });
    await fc.assert(fc.asyncProperty(query, async (q) => check('GET', `/api/integrity/excluded${qs(q)}`, { cookie: admin })), { numRuns: 200 });
  });

  it('locked evidence: lock as admin with random bodies; read snapshots, files and verification pages with random ids and names', async () => {
    const made = await t.app.request('/api/evidence/locks', { method: 'POST', headers: { origin: 'http://localhost', cookie: admin, 'content-type': 'application/json' }, body: JSON.stringify({ period: '2026-Q3', unit: FIXTURE.gorontaloUnit }) });
    expect(made.status).toBe(201);
    const lockId = ((await made.json()) as { id: string }).id;
    const lockBody = fc.record({ period: fc.oneof(fc.constantFrom('2026', '2026-Q3', '2026-S2', '2026-08'), hostileString), unit: fc.oneof(slug, fc.constant(undefined)), region: fc.oneof(fc.constantFrom('75', '1671', '99'), hostileString, fc.constant(undefined)) }, { requiredKeys: [] });
    await fc.assert(fc.asyncProperty(fc.oneof(lockBody.map((b) => JSON.stringify(b)), body), contentType, async (b, type) => check('POST', '/api/evidence/locks', { cookie: admin, body: b, type })), { numRuns: 150 });
    const id = fc.oneof(fc.constant(lockId), segment);
    const name = fc.oneof(fc.constantFrom('scores.csv', 'asn-evidence.csv', `skm-${FIXTURE.gorontaloUnit}.json`), segment);
    await fc.assert(fc.asyncProperty(id, async (i) => check('GET', `/api/evidence/locks/${i}`)), { numRuns: 150 });
    await fc.assert(fc.asyncProperty(id, name, async (i, n) => check('GET', `/api/evidence/${i}/files/${n}`, { cookie: admin })), { numRuns: 200 });
    await fc.assert(fc.asyncProperty(id, fc.constantFrom('', '/en'), async (i, lang) => check('GET', `${lang}/bukti/${i}`)), { numRuns: 150 });
  });

  it('the compliance board, its evidence pack and RTL evidence uploads as admin, with random parameters and bodies', async () => {
    await fc.assert(fc.asyncProperty(query, async (q) => check('GET', `/api/compliance${qs(q)}`, { cookie: admin })), { numRuns: 150 });
    await fc.assert(fc.asyncProperty(query, async (q) => check('GET', `/api/compliance/pack${qs(q)}`, { cookie: admin })), { numRuns: 100 });
    const made = await t.app.request(`/api/staff/units/${FIXTURE.gorontaloUnit}/follow-ups`, { method: 'POST', headers: { origin: 'http://localhost', cookie: admin, 'content-type': 'application/json' }, body: JSON.stringify({ period: '2026-S2', element: 'U3', problem: 'p', action: 'a', responsible: 'r', dueDate: '2026-12-01', status: 'rencana', progress: 0, evidenceUrl: null }) });
    expect(made.status).toBe(201);
    const itemId = ((await made.json()) as { id: string }).id;
    const boundary = 'FUZZ';
    const multipart = fc.tuple(hostileString, fc.uint8Array({ maxLength: 300 })).map(([name, bytes]) => `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${wellFormed(name).replace(/["\r\n]/g, '')}"\r\n\r\n${Buffer.from(bytes).toString('latin1')}\r\n--${boundary}--\r\n`);
    await fc.assert(fc.asyncProperty(fc.oneof(multipart, body), fc.oneof(fc.constant(`multipart/form-data; boundary=${boundary}`), contentType), async (b, type) => check('POST', `/api/staff/units/${FIXTURE.gorontaloUnit}/follow-ups/${itemId}/evidence`, { cookie: admin, body: b, type })), { numRuns: 150 });
  });

  it('the comment review queue and decisions as admin, with random parameters, ids and bodies', async () => {
    const decision = fc.record({ decision: fc.oneof(fc.constantFrom('publish', 'withhold'), hostileString), reason: fc.oneof(hostileString, fc.constant(null), fc.string({ maxLength: 600 })) }, { requiredKeys: [] });
    await fc.assert(fc.asyncProperty(query, async (q) => check('GET', `/api/review/comments${qs(q)}`, { cookie: admin })), { numRuns: 200 });
    await fc.assert(fc.asyncProperty(segment, fc.oneof(decision.map((d) => JSON.stringify(d)), body), contentType, async (s, b, type) => check('POST', `/api/review/comments/${s}`, { cookie: admin, body: b, type })), { numRuns: 200 });
  });

  it('left no invalid row behind: answers in range, comments redacted, rollups equal to a recount', async () => {
    expect(cases).toBeGreaterThanOrEqual(20_000);
    const stored = await t.db.selectFrom('responses').select(['u1', 'u9', 'comment', 'channel']).execute();
    console.log(`[fuzz] ${stored.length} ratings stored by the fuzzer, checked for range, channel and redaction`);
    expect(stored.length).toBeGreaterThan(20);
    for (const r of stored) {
      expect(r.u1).toBeGreaterThanOrEqual(1);
      expect(r.u9).toBeLessThanOrEqual(4);
      expect(['web', 'qr', 'kiosk']).toContain(r.channel);
      if (r.comment) expect(containsPersonalData(r.comment)).toBe(false);
    }
    const recount = await sql<{ n: number; total: number }>`select count(*) as n, coalesce(sum(u1+u2+u3+u4+u5+u6+u7+u8+u9), 0) as total from responses where exclusion_reason is null`.execute(t.db);
    const rollups = await sql<{ n: number; total: number }>`select coalesce(sum(n), 0) as n, coalesce(sum(sum_total), 0) as total from score_daily`.execute(t.db);
    const monthly = await sql<{ n: number; total: number }>`select coalesce(sum(n), 0) as n, coalesce(sum(sum_total), 0) as total from score_monthly`.execute(t.db);
    expect(rollups.rows[0]).toEqual(recount.rows[0]);
    expect(monthly.rows[0]).toEqual(recount.rows[0]);
    if (!ON_POSTGRES) {
      const integrity = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(t.db);
      expect(integrity.rows[0]!.integrity_check).toBe('ok');
    }
  });
});

// Over real sockets against the server `npm start` runs, started once for these tests: the same properties on the
// public routes (fewer runs), then slow and idle clients. The transport does not depend on the database engine: this
// part runs in the SQLite project only (the server is given a SQLite file with the demo world).
if (!ON_POSTGRES) describe('fuzzing over real HTTP (npm start\'s server)', () => {
  let server: RunningServer;
  let baselineRss = 0;
  const wire: Send = (path, init) => fetch(server.url + path, { ...init, redirect: 'manual' });
  const WIRE_RUNS = 30;
  /** Memory the slow clients may add to the server's resident set, at most (its heap alone is capped at 96 MB). */
  const RSS_GROWTH_MIB = 64;

  beforeAll(async () => {
    // One proxy trusted: each slow client below can claim an address of its own, as thousands of attackers would.
    server = await startServer({ RAPOR_TRUST_PROXY: '1' });
  });
  afterAll(async () => {
    await server?.stop();
  });

  const demoSlug = fc.oneof(fc.constantFrom('samsat-palembang-1', 'dpmptsp-kota-gorontalo', 'tidak-ada'), segment);
  it.each(['/api/health', '/api/units', '/api/search', '/api/scoreboard', '/api/permit-times'])('GET %s with random query parameters', async (path) => {
    await fc.assert(fc.asyncProperty(query, async (q) => check('GET', path + qs(q), {}, wire)), { numRuns: WIRE_RUNS });
  });

  it.each(['/api/units/{}', '/api/units/{}/scores', '/unit/{}', '/en/unit/{}', '/nilai/{}', '/izin/{}', '/tayang/{}', '/widget/{}', '/{}'])('GET %s with random slugs and parameters', async (path) => {
    await fc.assert(fc.asyncProperty(demoSlug, query, async (s, q) => check('GET', path.replace('{}', s) + qs(q), {}, wire)), { numRuns: WIRE_RUNS });
  });

  it('POST ratings and permit reports with random bodies, encodings, sizes and content types', async () => {
    await fc.assert(fc.asyncProperty(demoSlug, body, contentType, async (s, b, type) => check('POST', `/api/units/${s}/ratings`, { body: b, type, origin: server.url }, wire)), { numRuns: WIRE_RUNS * 5 });
    await fc.assert(fc.asyncProperty(demoSlug, body, contentType, async (s, b, type) => check('POST', `/api/units/${s}/permit-reports`, { body: b, type, origin: server.url }, wire)), { numRuns: WIRE_RUNS * 2 });
  });

  /** Waits until every slow client has been answered (or `ms` have passed); returns its answers. */
  async function answered(clients: SlowClients, count: number, ms: number): Promise<Map<number, number>> {
    const until = Date.now() + ms;
    while (Date.now() < until && [...clients.statuses.values()].reduce((a, b) => a + b, 0) < count) await new Promise((r) => setTimeout(r, 250));
    return clients.statuses;
  }

  /**
   * Starts watching the server's health and memory. The baseline is its resident set now, after the fuzzing above has
   * loaded every page's code (the on-demand pages' modules load on their first request): what the slow clients add.
   */
  function watch(): ReturnType<typeof watchHealth> {
    baselineRss = rssMiB(server.pid);
    return watchHealth(server.url, server.pid);
  }

  async function expectServerWell(health: ReturnType<typeof watchHealth>): Promise<void> {
    const h = await health.stop();
    console.log(`[fuzz over HTTP] health ${h.checks} checks, ${h.failures} failed, slowest ${h.worstMs.toFixed(0)} ms; RSS ${baselineRss.toFixed(0)} → peak ${h.peakRssMiB.toFixed(0)} MiB`);
    expect(server.alive()).toBe(true);
    expect(h.checks).toBeGreaterThan(0);
    expect(h.failures).toBe(0);
    expect(h.peakRssMiB).toBeLessThan(baselineRss + RSS_GROWTH_MIB);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  }

  it('slow bodies: 400 connections declaring 16,000 bytes and sending one are answered 408 request_timeout or 503 server_busy, never held', async () => {
    const health = watch();
    const clients = await openSlowClients(server.url, 'stalled-body', 400);
    try {
      const statuses = await answered(clients, 400, 25_000);
      console.log(`[fuzz over HTTP] 400 stalled bodies answered: ${JSON.stringify(Object.fromEntries(statuses))}`);
      expect([...statuses.keys()].sort()).toEqual([408, 503]);
      expect(statuses.get(408)! + statuses.get(503)!).toBe(400);
    } finally {
      clients.close();
    }
    await expectServerWell(health);
  });

  it('one address holds only its share of the bodies in flight: past it, 503 server_busy with Retry-After at once', async () => {
    const clients = await openSlowClients(server.url, 'stalled-body', 60, { oneAddress: true, firstAddress: 70_000 });
    try {
      const statuses = await answered(clients, 28, 5_000);
      expect(statuses.get(503)).toBeGreaterThanOrEqual(28);
      const refused = await fetch(`${server.url}/api/units/samsat-palembang-1/ratings`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.1.17.112', origin: server.url }, body: '{}' });
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('server_busy');
    } finally {
      clients.close();
    }
  });

  it('trickled bodies and slow headers are cut at their deadlines (408) while the server keeps answering', async () => {
    const health = watch();
    const trickled = await openSlowClients(server.url, 'trickled-body', 100, { firstAddress: 80_000 });
    const slowHeaders = await openSlowClients(server.url, 'slow-headers', 300, { firstAddress: 90_000 });
    try {
      const t = await answered(trickled, 100, 30_000);
      const h = await answered(slowHeaders, 300, 10_000);
      console.log(`[fuzz over HTTP] 100 trickled bodies answered ${JSON.stringify(Object.fromEntries(t))}; 300 slow headers ${JSON.stringify(Object.fromEntries(h))}`);
      expect(Object.fromEntries(t)).toEqual({ 408: 100 });
      expect(Object.fromEntries(h)).toEqual({ 408: 300 });
    } finally {
      trickled.close();
      slowHeaders.close();
    }
    await expectServerWell(health);
  });

  it('many idle connections do no harm', async () => {
    // Each side holds one descriptor per connection; stay well inside the open-file limit (ulimit -n).
    const limit = Number(openFileLimit());
    const count = Number.isFinite(limit) ? Math.min(2000, Math.floor(limit / 3)) : 2000;
    const health = watch();
    const idle = await openSlowClients(server.url, 'idle', count, { firstAddress: 100_000 });
    try {
      await new Promise((r) => setTimeout(r, 3000));
    } finally {
      idle.close();
    }
    await expectServerWell(health);
  });
});
