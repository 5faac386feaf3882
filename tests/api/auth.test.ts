// API.md "Accounts": sign-in, cookie flags, sessions (expiry, logout, fixation), throttling, and the CSRF check.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACCOUNTS, TEST_PASSWORD, insertFixtureUsers, signIn, testApp } from '../support/db.ts';

type TestApp = Awaited<ReturnType<typeof testApp>>;
let t: TestApp;
beforeEach(async () => {
  t = await testApp(new Date('2026-08-10T03:00:00.000Z'), { peer: '198.51.100.20' });
  await insertFixtureUsers(t.db);
});
afterEach(async () => {
  await t.close();
});

const ORIGIN = { origin: 'http://localhost' };

function login(email: string, password: string, headers: Record<string, string> = {}, url = 'http://localhost/api/auth/login') {
  return t.app.request(url, { method: 'POST', headers: { 'content-type': 'application/json', ...ORIGIN, ...headers }, body: JSON.stringify({ email, password }) });
}

function me(cookie?: string) {
  return t.app.request('/api/auth/me', { headers: cookie ? { cookie } : {} });
}

describe('sign-in', () => {
  it('answers 200 with the account and an HttpOnly, SameSite=Lax session cookie', async () => {
    const res = await login(ACCOUNTS.staffGorontalo, TEST_PASSWORD);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      user: { email: ACCOUNTS.staffGorontalo, name: 'Petugas Gorontalo', role: 'staff', unit: { slug: 'dukcapil-uji-gorontalo', name: 'Dukcapil Uji Gorontalo' }, region: null },
    });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^rapor_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Path=/');
    expect(cookie).not.toContain('Secure');
  });

  it('marks the cookie Secure over HTTPS', async () => {
    const res = await login(ACCOUNTS.admin, TEST_PASSWORD, { origin: 'https://localhost' }, 'https://localhost/api/auth/login');
    expect(res.headers.get('set-cookie')).toContain('Secure');
  });

  it('stores only a hash of the session token', async () => {
    const cookie = await signIn(t.app, ACCOUNTS.admin);
    const token = cookie.split('=')[1]!;
    const rows = await t.db.selectFrom('sessions').select('id_hash').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]!.id_hash).not.toContain(token);
  });

  it('gives the same 401 for a wrong password and an unknown email', async () => {
    const wrong = await login(ACCOUNTS.admin, 'salah-sekali-123');
    const unknown = await login('tidak.ada@uji.rapor.id', 'salah-sekali-123');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
  });

  it('treats the email case-insensitively', async () => {
    expect((await login(ACCOUNTS.admin.toUpperCase(), TEST_PASSWORD)).status).toBe(200);
  });

  it('refuses malformed sign-in bodies with 400', async () => {
    const res = await login('bukan-email', '');
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).error.fields).toHaveProperty('email');
  });

  it('throttles repeated failures from one client with 429 and Retry-After, even for the right password (tests/api/lockout.test.ts: the owner elsewhere is not)', async () => {
    for (let i = 0; i < 5; i++) expect((await login(ACCOUNTS.admin, `salah-${i}-xxxxxx`)).status).toBe(401);
    const blocked = await login(ACCOUNTS.admin, TEST_PASSWORD);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another account from the same address is still allowed.
    expect((await login(ACCOUNTS.staffPlaju, TEST_PASSWORD)).status).toBe(200);
    // After the window the account can sign in again.
    t.clock.now = new Date(t.clock.now.getTime() + 16 * 60 * 1000);
    expect((await login(ACCOUNTS.admin, TEST_PASSWORD)).status).toBe(200);
  });

  it('refuses a disabled account', async () => {
    await t.db.updateTable('users').set({ disabled_at: '2026-08-01T00:00:00.000Z' }).where('email', '=', ACCOUNTS.admin).execute();
    expect((await login(ACCOUNTS.admin, TEST_PASSWORD)).status).toBe(401);
  });
});

describe('sessions', () => {
  it('knows the account with the cookie and answers 401 without it', async () => {
    const cookie = await signIn(t.app, ACCOUNTS.evaluatorGorontalo);
    const res = await me(cookie);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ user: { role: 'evaluator', region: { code: '75', name: 'Provinsi Gorontalo' } } });
    expect((await me()).status).toBe(401);
    expect((await me('rapor_session=tebakan-acak')).status).toBe(401);
  });

  it('ends at logout: 204, the cookie cleared, and the old token no longer works', async () => {
    const cookie = await signIn(t.app, ACCOUNTS.admin);
    const res = await t.app.request('/api/auth/logout', { method: 'POST', headers: { cookie, ...ORIGIN } });
    expect(res.status).toBe(204);
    expect(res.headers.get('set-cookie')).toMatch(/rapor_session=;.*Max-Age=0/);
    expect((await me(cookie)).status).toBe(401);
    expect(await t.db.selectFrom('sessions').selectAll().execute()).toEqual([]);
  });

  it('expires after two idle hours', async () => {
    const cookie = await signIn(t.app, ACCOUNTS.admin);
    t.clock.now = new Date(t.clock.now.getTime() + 119 * 60 * 1000);
    expect((await me(cookie)).status).toBe(200);
    t.clock.now = new Date(t.clock.now.getTime() + 121 * 60 * 1000);
    expect((await me(cookie)).status).toBe(401);
  });

  it('expires twelve hours after sign-in however active it is', async () => {
    const cookie = await signIn(t.app, ACCOUNTS.admin);
    for (let hour = 1; hour < 12; hour++) {
      t.clock.now = new Date(t.clock.now.getTime() + 60 * 60 * 1000);
      expect((await me(cookie)).status).toBe(200);
    }
    t.clock.now = new Date(t.clock.now.getTime() + 61 * 60 * 1000);
    expect((await me(cookie)).status).toBe(401);
  });

  it('gives a new session id at sign-in and drops a token planted before it (fixation)', async () => {
    const planted = await signIn(t.app, ACCOUNTS.staffPlaju);
    const res = await login(ACCOUNTS.staffGorontalo, TEST_PASSWORD, { cookie: planted });
    const fresh = res.headers.get('set-cookie')!.split(';')[0]!;
    expect(fresh).not.toBe(planted);
    expect((await me(planted)).status).toBe(401);
    expect(await (await me(fresh)).json()).toMatchObject({ user: { email: ACCOUNTS.staffGorontalo } });
  });
});

describe('the CSRF check', () => {
  it('refuses a cross-origin POST carrying a session cookie', async () => {
    const cookie = await signIn(t.app, ACCOUNTS.admin);
    const res = await t.app.request('/api/auth/logout', { method: 'POST', headers: { cookie, origin: 'https://jahat.example' } });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: 'cross_origin_refused' } });
    expect((await me(cookie)).status).toBe(200);
  });

  it('refuses a POST with a session cookie and no Origin or Referer', async () => {
    const cookie = await signIn(t.app, ACCOUNTS.admin);
    expect((await t.app.request('/api/auth/logout', { method: 'POST', headers: { cookie } })).status).toBe(403);
  });

  it('accepts a same-origin Referer when Origin is missing', async () => {
    const cookie = await signIn(t.app, ACCOUNTS.admin);
    expect((await t.app.request('/api/auth/logout', { method: 'POST', headers: { cookie, referer: 'http://localhost/dasbor' } })).status).toBe(204);
  });

  it('refuses a sign-in posted from another site (login CSRF)', async () => {
    expect((await login(ACCOUNTS.admin, TEST_PASSWORD, { origin: 'https://jahat.example' })).status).toBe(403);
  });

  it('lets residents rate without a cookie or an Origin header', async () => {
    const res = await t.app.request('/api/units/dukcapil-uji-gorontalo/ratings', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ idempotencyKey: crypto.randomUUID(), answers: { U1: 3, U2: 3, U3: 3, U4: 3, U5: 3, U6: 3, U7: 3, U8: 3, U9: 3 } }),
    });
    expect(res.status).toBe(201);
  });
});
