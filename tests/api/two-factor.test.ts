// Issue 15: two-factor sign-in (TOTP from an authenticator app, with recovery codes) for administrators and
// evaluators, required for administrators in production (docs/decisions/018). Codes here are made by the same
// well-kept library the server uses, from the secret the enrolment answered with.
import * as OTPAuth from 'otpauth';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { ACCOUNTS, FIXTURE, TEST_PASSWORD, insertFixtureUsers, signIn, testApp } from '../support/db.ts';

type TestApp = Awaited<ReturnType<typeof testApp>>;
let t: TestApp;
/** The app under test: the default one, or one made as in production. */
let app: { request: (path: string, init?: RequestInit) => Response | Promise<Response> };
beforeEach(async () => {
  t = await testApp(new Date('2026-08-10T03:00:00.000Z'), { peer: '198.51.100.21' });
  app = t.app;
  await insertFixtureUsers(t.db);
});
afterEach(async () => {
  await t.close();
});

function later(seconds: number) {
  t.clock.now = new Date(t.clock.now.getTime() + seconds * 1000);
}

async function send(method: string, path: string, body?: unknown, cookie?: string) {
  const res = await app.request(path, {
    method,
    headers: { origin: 'http://localhost', ...(cookie ? { cookie } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { res, status: res.status, json: (await res.json().catch(() => null)) as any };
}

/** Cookie header values from a response's Set-Cookie headers, by name (an empty value means "cleared"). */
function cookiesOf(res: Response): Record<string, string> {
  return Object.fromEntries(res.headers.getSetCookie().map((c) => c.split(';')[0]!.split(/=(.*)/s).slice(0, 2) as [string, string]));
}

/** The code an authenticator app shows now for this secret. */
function codeNow(secret: string, offsetSteps = 0): string {
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate({ timestamp: t.clock.now.getTime() + offsetSteps * 30_000 });
}

/** Signs in with the password only and enrols an authenticator; returns the session, the secret and the recovery codes. */
async function enrolled(email: string = ACCOUNTS.evaluatorGorontalo) {
  const session = await signIn(app, email);
  const setup = await send('POST', '/api/auth/2fa/setup', { password: TEST_PASSWORD }, session);
  expect(setup.status).toBe(200);
  const enable = await send('POST', '/api/auth/2fa/enable', { code: codeNow(setup.json.secret), password: TEST_PASSWORD }, session);
  expect(enable.status).toBe(200);
  return { session, secret: setup.json.secret as string, recoveryCodes: enable.json.recoveryCodes as string[] };
}

/** The password step of a two-factor sign-in: the pending-login cookie. */
async function passwordStep(email: string = ACCOUNTS.evaluatorGorontalo): Promise<string> {
  const r = await send('POST', '/api/auth/login', { email, password: TEST_PASSWORD });
  expect(r.status).toBe(200);
  expect(r.json).toEqual({ twoFactorRequired: true });
  const cookies = cookiesOf(r.res);
  expect(cookies).not.toHaveProperty('rapor_session');
  expect(cookies.rapor_pending).toMatch(/^[A-Za-z0-9_-]{43}$/);
  return `rapor_pending=${cookies.rapor_pending}`;
}

describe('enrolment', () => {
  it('answers a new secret, its otpauth:// URI and a QR code, and changes nothing until a code confirms it', async () => {
    const session = await signIn(app, ACCOUNTS.evaluatorGorontalo);
    const setup = await send('POST', '/api/auth/2fa/setup', { password: TEST_PASSWORD }, session);
    expect(setup.status).toBe(200);
    expect(setup.json.secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(setup.json.uri);
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.searchParams.get('secret')).toBe(setup.json.secret);
    expect(uri.searchParams.get('issuer')).toBe('Rapor');
    expect(decodeURIComponent(uri.pathname)).toContain(ACCOUNTS.evaluatorGorontalo);
    expect(setup.json.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>$/);
    expect((await send('GET', '/api/auth/2fa', undefined, session)).json).toMatchObject({ enabled: false, available: true });
    // Not enabled yet: the password alone still signs in.
    expect(await signIn(app, ACCOUNTS.evaluatorGorontalo)).toMatch(/^rapor_session=/);
  });

  it('enables only with a valid code and answers ten single-use recovery codes, stored hashed', async () => {
    const session = await signIn(app, ACCOUNTS.admin);
    const setup = await send('POST', '/api/auth/2fa/setup', { password: TEST_PASSWORD }, session);
    const wrong = await send('POST', '/api/auth/2fa/enable', { code: codeNow(setup.json.secret) === '000000' ? '111111' : '000000', password: TEST_PASSWORD }, session);
    expect(wrong.status).toBe(400);
    expect(wrong.json).toMatchObject({ error: { code: 'invalid_code' } });
    const enable = await send('POST', '/api/auth/2fa/enable', { code: codeNow(setup.json.secret), password: TEST_PASSWORD }, session);
    expect(enable.status).toBe(200);
    const codes = enable.json.recoveryCodes as string[];
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}$/);
    expect((await send('GET', '/api/auth/2fa', undefined, session)).json).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });
    const stored = JSON.stringify(await t.db.selectFrom('recovery_codes').selectAll().execute());
    for (const code of codes) expect(stored).not.toContain(code.replace(/-/g, '').toUpperCase());
    for (const code of codes) expect(stored).not.toContain(code);
    // A second enrolment would let whoever holds the session swap the authenticator: refused while enabled.
    expect((await send('POST', '/api/auth/2fa/setup', { password: TEST_PASSWORD }, session)).json).toMatchObject({ error: { code: 'two_factor_enabled' } });
  });

  it('never answers the secret again', async () => {
    const { session, secret } = await enrolled(ACCOUNTS.admin);
    for (const path of ['/api/auth/2fa', '/api/auth/me', '/api/admin/users']) {
      const r = await app.request(path, { headers: { cookie: session } });
      expect(r.status).toBe(200);
      expect(await r.text()).not.toContain(secret);
    }
  });

  it('is for evaluators and administrators: staff are refused', async () => {
    const session = await signIn(app, ACCOUNTS.staffGorontalo);
    const r = await send('POST', '/api/auth/2fa/setup', { password: TEST_PASSWORD }, session);
    expect(r.status).toBe(403);
    expect((await send('GET', '/api/auth/2fa', undefined, session)).json).toMatchObject({ enabled: false, available: false });
  });
});

describe('signing in with two factors', () => {
  it('answers twoFactorRequired for the right password, and a session only for the right code', async () => {
    const { secret } = await enrolled();
    later(60);
    const pending = await passwordStep();
    expect((await app.request('/api/auth/me', { headers: { cookie: pending } })).status).toBe(401);
    const wrong = await send('POST', '/api/auth/2fa/verify', { code: codeNow(secret, 5) }, pending);
    expect(wrong.status).toBe(401);
    expect(wrong.json).toMatchObject({ error: { code: 'invalid_code' } });
    const right = await send('POST', '/api/auth/2fa/verify', { code: codeNow(secret) }, pending);
    expect(right.status).toBe(200);
    expect(right.json).toMatchObject({ user: { email: ACCOUNTS.evaluatorGorontalo, role: 'evaluator' } });
    const cookies = cookiesOf(right.res);
    expect(cookies.rapor_session).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(cookies.rapor_pending).toBe('');
    expect((await app.request('/api/auth/me', { headers: { cookie: `rapor_session=${cookies.rapor_session}` } })).status).toBe(200);
    // The pending login is spent, and was stored only as a hash.
    expect(await t.db.selectFrom('pending_logins').selectAll().execute()).toEqual([]);
    expect((await send('POST', '/api/auth/2fa/verify', { code: codeNow(secret, 1) }, pending)).json).toMatchObject({ error: { code: 'sign_in_expired' } });
  });

  it('refuses a code already used, and any earlier code, within its window', async () => {
    const { secret } = await enrolled();
    later(60);
    const code = codeNow(secret);
    expect((await send('POST', '/api/auth/2fa/verify', { code }, await passwordStep())).status).toBe(200);
    later(10);
    const again = await send('POST', '/api/auth/2fa/verify', { code }, await passwordStep());
    expect(again.status).toBe(401);
    expect(again.json).toMatchObject({ error: { code: 'invalid_code' } });
    expect((await send('POST', '/api/auth/2fa/verify', { code: codeNow(secret, -1) }, await passwordStep())).status).toBe(401);
    later(30);
    expect((await send('POST', '/api/auth/2fa/verify', { code: codeNow(secret) }, await passwordStep())).status).toBe(200);
  });

  it('takes a recovery code once, in any case and with or without dashes', async () => {
    const { session, recoveryCodes } = await enrolled();
    const [first, second] = recoveryCodes as [string, string];
    expect((await send('POST', '/api/auth/2fa/verify', { code: first }, await passwordStep())).status).toBe(200);
    const reused = await send('POST', '/api/auth/2fa/verify', { code: first }, await passwordStep());
    expect(reused.status).toBe(401);
    expect((await send('POST', '/api/auth/2fa/verify', { code: ` ${second.replace(/-/g, '').toUpperCase()} ` }, await passwordStep())).status).toBe(200);
    expect((await send('GET', '/api/auth/2fa', undefined, session)).json).toMatchObject({ recoveryCodesLeft: 8 });
  });

  it('lets a pending login expire after five minutes', async () => {
    const { secret } = await enrolled();
    const pending = await passwordStep();
    later(5 * 60 + 1);
    const r = await send('POST', '/api/auth/2fa/verify', { code: codeNow(secret) }, pending);
    expect(r.status).toBe(401);
    expect(r.json).toMatchObject({ error: { code: 'sign_in_expired' } });
    expect((await send('POST', '/api/auth/2fa/verify', { code: codeNow(secret) })).json).toMatchObject({ error: { code: 'sign_in_expired' } });
  });

  it('throttles wrong codes like wrong passwords: five per client, then 429 with Retry-After even for the right code', async () => {
    const { secret } = await enrolled();
    later(60);
    const pending = await passwordStep();
    for (let i = 0; i < 5; i++) expect((await send('POST', '/api/auth/2fa/verify', { code: String(100000 + i) === codeNow(secret) ? '999999' : String(100000 + i) }, pending)).status).toBe(401);
    const blocked = await send('POST', '/api/auth/2fa/verify', { code: codeNow(secret) }, pending);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.res.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('refuses malformed codes with 400', async () => {
    await enrolled();
    const pending = await passwordStep();
    for (const code of [undefined, 12345678, '', 'x'.repeat(200)]) {
      const r = await send('POST', '/api/auth/2fa/verify', { code }, pending);
      expect(r.status).toBe(400);
      expect(r.json.error.fields).toHaveProperty('code');
    }
  });
});

describe('turning two-factor sign-in off', () => {
  it('needs the password or a current code', async () => {
    const { session, secret } = await enrolled();
    expect((await send('POST', '/api/auth/2fa/disable', {}, session)).status).toBe(400);
    expect((await send('POST', '/api/auth/2fa/disable', { password: 'salah-sekali-123' }, session)).json).toMatchObject({ error: { code: 'invalid_credentials' } });
    later(30);
    expect((await send('POST', '/api/auth/2fa/disable', { code: codeNow(secret) }, session)).status).toBe(200);
    expect((await send('GET', '/api/auth/2fa', undefined, session)).json).toMatchObject({ enabled: false, recoveryCodesLeft: 0 });
    expect(await t.db.selectFrom('recovery_codes').selectAll().execute()).toEqual([]);
    expect(await signIn(app, ACCOUNTS.evaluatorGorontalo)).toMatch(/^rapor_session=/);
  });
});

describe('a lost authenticator', () => {
  it('is reset by an administrator: the account signs in with its password again and enrols anew', async () => {
    const { session } = await enrolled();
    const admin = await signIn(app, ACCOUNTS.admin);
    const r = await send('PATCH', '/api/admin/users/usr-eval-75', { resetTwoFactor: true }, admin);
    expect(r.status).toBe(200);
    expect((await app.request('/api/auth/me', { headers: { cookie: session } })).status).toBe(401);
    expect(await signIn(app, ACCOUNTS.evaluatorGorontalo)).toMatch(/^rapor_session=/);
    expect(await t.db.selectFrom('recovery_codes').selectAll().execute()).toEqual([]);
    expect(await t.db.selectFrom('audit_log').select(['user_id', 'target']).where('action', '=', 'auth.2fa.reset').execute()).toEqual([{ user_id: 'usr-admin', target: 'usr-eval-75' }]);
    expect((await send('PATCH', '/api/admin/users/usr-eval-75', { resetTwoFactor: false }, admin)).status).toBe(400);
  });
});

describe('in production', () => {
  beforeEach(() => {
    app = createApp({ db: t.db, now: () => t.clock.now, requireAdminTwoFactor: true });
  });

  it('gives an administrator without two-factor a session that can only enrol', async () => {
    const login = await send('POST', '/api/auth/login', { email: ACCOUNTS.admin, password: TEST_PASSWORD });
    expect(login.status).toBe(200);
    expect(login.json).toMatchObject({ user: { role: 'admin' }, twoFactorSetupRequired: true });
    const session = `rapor_session=${cookiesOf(login.res).rapor_session}`;
    for (const path of ['/api/admin/users', '/api/integrity/excluded?period=2026', `/api/staff/units/${FIXTURE.gorontaloUnit}/responses?period=2026`, '/api/exports/scores.csv?period=2026', `/api/reports/skm/${FIXTURE.gorontaloUnit}?period=2026`]) {
      const r = await send('GET', path, undefined, session);
      expect(r.status, path).toBe(403);
      expect(r.json).toMatchObject({ error: { code: 'two_factor_required' } });
    }
    expect((await send('POST', '/api/admin/users', { email: 'baru@uji.rapor.id', name: 'Baru', role: 'admin', unitSlug: null, regionCode: null }, session)).status).toBe(403);
    expect((await send('GET', '/api/auth/me', undefined, session)).json).toMatchObject({ user: { role: 'admin' }, twoFactorSetupRequired: true });
    expect((await send('GET', '/api/auth/2fa', undefined, session)).json).toMatchObject({ enabled: false, required: true });
    // Enrolling lifts the restriction, and the administrator may not turn it off again.
    const setup = await send('POST', '/api/auth/2fa/setup', { password: TEST_PASSWORD }, session);
    const enable = await send('POST', '/api/auth/2fa/enable', { code: codeNow(setup.json.secret), password: TEST_PASSWORD }, session);
    expect(enable.status).toBe(200);
    expect((await send('GET', '/api/admin/users', undefined, session)).status).toBe(200);
    const off = await send('POST', '/api/auth/2fa/disable', { password: TEST_PASSWORD }, session);
    expect(off.status).toBe(409);
    expect(off.json).toMatchObject({ error: { code: 'two_factor_required' } });
    // Signing out works from a restricted session too.
    expect((await send('POST', '/api/auth/logout', undefined, session)).status).toBe(204);
  });

  it('does not restrict evaluators and staff without two-factor', async () => {
    expect((await send('GET', '/api/integrity/excluded?period=2026', undefined, await signIn(app, ACCOUNTS.evaluatorGorontalo))).status).toBe(200);
    expect((await send('GET', `/api/staff/units/${FIXTURE.gorontaloUnit}/responses?period=2026`, undefined, await signIn(app, ACCOUNTS.staffGorontalo))).status).toBe(200);
  });
});

it('audits every two-factor event', async () => {
  const session = await signIn(app, ACCOUNTS.evaluatorGorontalo);
  later(1);
  const setup = await send('POST', '/api/auth/2fa/setup', { password: TEST_PASSWORD }, session);
  const secret = setup.json.secret as string;
  later(1);
  const recoveryCodes = (await send('POST', '/api/auth/2fa/enable', { code: codeNow(secret), password: TEST_PASSWORD }, session)).json.recoveryCodes as string[];
  later(60);
  const pending = await passwordStep();
  later(1);
  await send('POST', '/api/auth/2fa/verify', { code: '000000' === codeNow(secret) ? '111111' : '000000' }, pending);
  later(1);
  await send('POST', '/api/auth/2fa/verify', { code: codeNow(secret) }, pending);
  later(1);
  const again = await passwordStep();
  later(1);
  await send('POST', '/api/auth/2fa/verify', { code: recoveryCodes[0] }, again);
  later(1);
  await send('POST', '/api/auth/2fa/disable', { password: TEST_PASSWORD }, session);
  const rows = await t.db.selectFrom('audit_log').select(['action', 'user_id', 'details']).where('action', 'like', 'auth.%').orderBy('at').orderBy('action').execute();
  expect(rows.map((r) => r.action)).toEqual([
    'auth.login', 'auth.2fa.setup', 'auth.2fa.enable', 'auth.2fa.challenge', 'auth.2fa.failed', 'auth.login',
    'auth.2fa.challenge', 'auth.2fa.recovery_code_used', 'auth.login', 'auth.2fa.disable',
  ]);
  expect(rows.every((r) => r.user_id === 'usr-eval-75')).toBe(true);
  expect(JSON.parse(rows[5]!.details!)).toMatchObject({ secondFactor: 'totp' });
  expect(JSON.parse(rows[7]!.details!)).toMatchObject({ recoveryCodesLeft: 9 });
  expect(JSON.parse(rows[8]!.details!)).toMatchObject({ secondFactor: 'recovery_code' });
  expect(JSON.stringify(rows)).not.toContain(secret);
});
