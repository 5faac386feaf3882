// Issue 27 item 6: API tokens for systems (docs/decisions/065-api-tokens.md). A token (`rpr_…`, shown once, stored as
// its SHA-256) reads every GET route its account's session may read, in the account's scope, and nothing else; it
// manages no token; revoked, expired or of a disabled account it is refused with a code; every use is audited.
// The same over a real socket: tests/api/api-tokens-http.test.ts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { sha256 } from '../../server/auth/tokens.ts';
import { ACCOUNTS, FIXTURE, TEST_PASSWORD, insertFixtureUsers, signIn, testApp } from '../support/db.ts';

type TestApp = Awaited<ReturnType<typeof testApp>>;
let t: TestApp;
beforeEach(async () => {
  t = await testApp(new Date('2026-08-10T03:00:00.000Z'), { peer: '198.51.100.27' });
  await insertFixtureUsers(t.db);
});
afterEach(async () => {
  await t.close();
});

interface Sent { status: number; json: any; text: string; res: Response }
async function send(method: string, path: string, options: { body?: unknown; cookie?: string; token?: string; origin?: boolean } = {}): Promise<Sent> {
  const headers: Record<string, string> = {};
  if (options.origin !== false) headers.origin = 'http://localhost';
  if (options.cookie) headers.cookie = options.cookie;
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const res = await t.app.request(path, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  const text = method === 'HEAD' ? '' : await res.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: res.status, json, text, res };
}

async function createToken(email: string, body: Record<string, unknown> = {}) {
  const session = await signIn(t.app, email);
  const made = await send('POST', '/api/tokens', { cookie: session, body: { name: 'Dasbor Bappeda', password: TEST_PASSWORD, ...body } });
  expect(made.status, made.text).toBe(201);
  return { session, id: made.json.id as string, token: made.json.token as string, made };
}

/** A request path for a route pattern, with the fixture's unit for a slug (the staff of Gorontalo's own unit). */
function samplePath(pattern: string, slug: string = FIXTURE.gorontaloUnit): string {
  return pattern
    .replace(/:slug\{[^}]*\\\.(\w+)\}/g, `${slug}.$1`)
    .replace(/:slug/g, slug)
    .replace(/:file/g, 'scores.csv')
    .replace(/:period/g, '2026-Q2')
    .replace(/:code/g, '75')
    .replace(/:date/g, '2026-08-17')
    .replace(/:\w+(\{[^}]*\})?/g, 'x');
}

const apiRoutes = () => createApp({ db: t.db, now: () => t.clock.now }).routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/') && !r.path.includes('*'));

describe('API tokens', () => {
  it('are made once with the current password, shown once and stored as their SHA-256 only', async () => {
    const session = await signIn(t.app, ACCOUNTS.staffGorontalo);
    // Re-authentication, as for two-factor set-up: a session alone cannot mint a credential that outlives it.
    const without = await send('POST', '/api/tokens', { cookie: session, body: { name: 'x' } });
    expect([without.status, without.json.error.code, without.json.error.fields]).toEqual([400, 'reauthentication_required', { password: 'is required' }]);
    const wrong = await send('POST', '/api/tokens', { cookie: session, body: { name: 'x', password: 'not-the-password' } });
    expect([wrong.status, wrong.json.error.code]).toEqual([401, 'invalid_credentials']);
    // The session routes' cross-site rule holds here too.
    const foreign = await t.app.request('/api/tokens', { method: 'POST', headers: { cookie: session, 'content-type': 'application/json', origin: 'https://evil.example' }, body: JSON.stringify({ name: 'x', password: TEST_PASSWORD }) });
    expect(foreign.status).toBe(403);
    expect(((await foreign.json()) as any).error.code).toBe('cross_origin_refused');

    const { token, id, made } = await createToken(ACCOUNTS.staffGorontalo, { expiresAt: '2026-12-31' });
    expect(token).toMatch(/^rpr_[A-Za-z0-9_-]{43}$/);
    // The end of 31 December in WIB.
    expect(made.json.expiresAt).toBe('2026-12-31T17:00:00.000Z');
    const row = await t.db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(sha256(token));
    expect(JSON.stringify(row)).not.toContain(token.slice(4));
    const audit = await t.db.selectFrom('audit_log').select(['action', 'details']).where('target', '=', id).execute();
    expect(audit.map((a) => a.action)).toEqual(['api_token.create']);
    expect(JSON.stringify(audit)).not.toContain(token.slice(4));

    // Listed with name, creation, expiry and last use; never the token or its hash.
    const list = await send('GET', '/api/tokens', { cookie: session });
    expect(list.json.items).toEqual([{ id, name: 'Dasbor Bappeda', createdAt: t.clock.now.toISOString(), expiresAt: '2026-12-31T17:00:00.000Z', lastUsedAt: null }]);
    expect(list.text).not.toContain(token.slice(4));
    expect(list.text).not.toContain(row.token_hash);

    // Bad fields answer 400 with each field named.
    const bad = await send('POST', '/api/tokens', { cookie: session, body: { name: ' ', expiresAt: '2026-02-30', password: TEST_PASSWORD } });
    expect([bad.status, Object.keys(bad.json.error.fields).sort()]).toEqual([400, ['expiresAt', 'name']]);
    const past = await send('POST', '/api/tokens', { cookie: session, body: { name: 'x', expiresAt: '2026-08-09', password: TEST_PASSWORD } });
    expect([past.status, past.json.error.fields]).toEqual([400, { expiresAt: 'must be in the future' }]);
  });

  it("read what the account's session reads, in its scope, and every use is audited with last_used_at", async () => {
    const { session, token, id } = await createToken(ACCOUNTS.staffGorontalo);
    const scores = `/api/exports/scores.csv?unit=${FIXTURE.gorontaloUnit}`;
    const bySession = await send('GET', scores, { cookie: session });
    const byToken = await send('GET', scores, { token });
    expect(byToken.status).toBe(200);
    expect(byToken.res.headers.get('content-type')).toContain('text/csv');
    expect(byToken.text).toBe(bySession.text);
    // Outside the account's scope: refused as the session is.
    const other = await send('GET', `/api/exports/scores.csv?unit=${FIXTURE.palembangUnit}`, { token });
    expect([other.status, other.json.error.code]).toEqual([403, 'forbidden']);
    expect((await send('GET', '/api/exports/scores.csv?region=75', { token })).status).toBe(403);

    // Every GET route answers a token as it answers the account's session (the heavy files aside).
    const uses0 = await t.db.selectFrom('audit_log').select('id').where('action', '=', 'api_token.use').execute();
    let compared = 0;
    for (const r of apiRoutes().filter((r) => r.method === 'GET' && !/\.pdf|\.zip|\/pack$|\/tokens$/.test(r.path))) {
      for (const slug of [FIXTURE.gorontaloUnit, FIXTURE.palembangUnit]) {
        const path = samplePath(r.path, slug);
        const [s, k] = [await send('GET', path, { cookie: session }), await send('GET', path, { token })];
        expect(`${path} → ${k.status} ${k.json?.error?.code ?? ''}`).toBe(`${path} → ${s.status} ${s.json?.error?.code ?? ''}`);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(80);
    const uses = await t.db.selectFrom('audit_log').select(['user_id', 'unit_id', 'target', 'details']).where('action', '=', 'api_token.use').execute();
    expect(uses.length - uses0.length).toBe(compared);
    expect(uses.every((u) => u.user_id === 'usr-staff-gtlo' && u.unit_id === 'u-gtlo' && u.target === id)).toBe(true);
    expect(JSON.parse(uses[0]!.details!)).toEqual({ method: 'GET', path: scores });
    const row = await t.db.selectFrom('api_tokens').select('last_used_at').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.last_used_at).toBe(t.clock.now.toISOString());
  });

  it('refuse every POST, PUT, PATCH and DELETE route, with or without a session beside them, and change nothing', async () => {
    const { session, token } = await createToken(ACCOUNTS.admin);
    const writes = apiRoutes().filter((r) => r.method !== 'GET');
    expect(writes.length).toBeGreaterThan(40);
    const before = await t.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    for (const r of writes) {
      for (const cookie of [undefined, session]) {
        const res = await send(r.method, samplePath(r.path), { token, cookie, body: {} });
        expect(`${r.method} ${r.path} → ${res.status} ${res.json?.error?.code}`).toBe(`${r.method} ${r.path} → 403 token_read_only`);
      }
    }
    const after = await t.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    // Token management is for sessions only: a token cannot list (a GET) either.
    const list = await send('GET', '/api/tokens', { token });
    expect([list.status, list.json.error.code]).toEqual([403, 'token_not_allowed']);
  });

  it('stop working when revoked, expired or their account is disabled, each with its code', async () => {
    const staff = await createToken(ACCOUNTS.staffGorontalo);
    const later = await createToken(ACCOUNTS.evaluatorGorontalo, { expiresAt: '2026-08-11T00:00:00Z' });
    const path = `/api/exports/scores.csv?unit=${FIXTURE.gorontaloUnit}`;
    expect((await send('GET', path, { token: staff.token })).status).toBe(200);

    // Another account cannot revoke it.
    const plaju = await signIn(t.app, ACCOUNTS.staffPlaju);
    expect((await send('DELETE', `/api/tokens/${staff.id}`, { cookie: plaju })).status).toBe(404);
    expect((await send('DELETE', `/api/tokens/${staff.id}`, { cookie: staff.session })).status).toBe(204);
    const revoked = await send('GET', path, { token: staff.token });
    expect([revoked.status, revoked.json.error.code]).toEqual([401, 'token_revoked']);
    expect(revoked.res.headers.get('www-authenticate')).toContain('invalid_token');
    expect((await send('GET', '/api/tokens', { cookie: staff.session })).json.items).toEqual([]);
    expect((await send('DELETE', `/api/tokens/${staff.id}`, { cookie: staff.session })).status).toBe(404);

    expect((await send('GET', path, { token: later.token })).status).toBe(200);
    t.clock.now = new Date('2026-08-11T00:00:00Z');
    const expired = await send('GET', path, { token: later.token });
    expect([expired.status, expired.json.error.code]).toEqual([401, 'token_expired']);

    const third = await createToken(ACCOUNTS.evaluatorGorontalo);
    expect((await send('GET', path, { token: third.token })).status).toBe(200);
    await t.db.updateTable('users').set({ disabled_at: t.clock.now.toISOString() }).where('email', '=', ACCOUNTS.evaluatorGorontalo).execute();
    const disabled = await send('GET', path, { token: third.token });
    expect([disabled.status, disabled.json.error.code]).toEqual([401, 'account_disabled']);

    // A token that is not one of ours is refused, on a public route too: a credential shown must be valid.
    for (const bad of ['rpr_' + 'A'.repeat(43), 'nonsense', '']) {
      const res = await send('GET', '/api/units', { token: bad });
      expect([res.status, res.json.error.code]).toEqual([401, 'token_invalid']);
    }
  });

  it('are at most 20 live per account', async () => {
    const session = await signIn(t.app, ACCOUNTS.staffPlaju);
    for (let i = 0; i < 20; i++) expect((await send('POST', '/api/tokens', { cookie: session, body: { name: `t${i}`, password: TEST_PASSWORD } })).status).toBe(201);
    const over = await send('POST', '/api/tokens', { cookie: session, body: { name: 't20', password: TEST_PASSWORD } });
    expect([over.status, over.json.error.code]).toEqual([409, 'token_limit_reached']);
  });
});
