// Issue 15, finding 13: the CSRF check compares the whole origin (scheme, host and port) with the request's own origin;
// the scheme comes from the connection, or from X-Forwarded-Proto only when the proxy that sent it is trusted.
import { afterEach, describe, expect, it } from 'vitest';
import { ACCOUNTS, FIXTURE, insertFixtureUsers, signIn, testApp } from '../support/db.ts';

type TestApp = Awaited<ReturnType<typeof testApp>>;
let t: TestApp;
afterEach(async () => {
  await t.close();
});

async function signedIn(options?: Parameters<typeof testApp>[1]): Promise<string> {
  t = await testApp(new Date('2026-08-10T03:00:00.000Z'), options);
  await insertFixtureUsers(t.db);
  return signIn(t.app, ACCOUNTS.admin);
}

function logout(cookie: string, headers: Record<string, string>) {
  return t.app.request('http://localhost/api/auth/logout', { method: 'POST', headers: { cookie, ...headers } });
}

async function stillSignedIn(cookie: string): Promise<boolean> {
  return (await t.app.request('/api/auth/me', { headers: { cookie } })).status === 200;
}

describe('a portal served over HTTPS behind a trusted proxy', () => {
  const viaProxy = { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.7' };

  it('refuses a POST with a session cookie from http:// on the same host', async () => {
    const cookie = await signedIn({ trustProxy: true });
    const res = await logout(cookie, { ...viaProxy, origin: 'http://localhost' });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: 'cross_origin_refused' } });
    expect(await stillSignedIn(cookie)).toBe(true);
  });

  it('refuses the same from an http:// Referer when Origin is missing', async () => {
    const cookie = await signedIn({ trustProxy: true });
    expect((await logout(cookie, { ...viaProxy, referer: 'http://localhost/dasbor' })).status).toBe(403);
  });

  it('refuses a POST from the same host on another port', async () => {
    const cookie = await signedIn({ trustProxy: true });
    const res = await logout(cookie, { ...viaProxy, origin: 'https://localhost:8443' });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: 'cross_origin_refused' } });
  });

  it('accepts its own origin, with or without the default port', async () => {
    let cookie = await signedIn({ trustProxy: true });
    expect((await logout(cookie, { ...viaProxy, origin: 'https://localhost' })).status).toBe(204);
    await t.close();
    cookie = await signedIn({ trustProxy: true });
    expect((await logout(cookie, { ...viaProxy, origin: 'https://localhost:443' })).status).toBe(204);
  });
});

describe('a portal served over plain HTTP', () => {
  it('refuses an https:// origin on the same host, and ignores X-Forwarded-Proto from an untrusted peer', async () => {
    const cookie = await signedIn();
    expect((await logout(cookie, { origin: 'https://localhost' })).status).toBe(403);
    expect((await logout(cookie, { origin: 'https://localhost', 'x-forwarded-proto': 'https' })).status).toBe(403);
    expect(await stillSignedIn(cookie)).toBe(true);
    expect((await logout(cookie, { origin: 'http://localhost' })).status).toBe(204);
  });

  it('refuses another port on the same host', async () => {
    const cookie = await signedIn();
    expect((await logout(cookie, { origin: 'http://localhost:4321' })).status).toBe(403);
  });
});

// Issue 24, F2 (in the browser: tests/browser/cross-site-forms.test.ts): a rating without a session from a hidden
// origin or another site is refused; an API client without browser headers still rates (docs/decisions/043).
describe('a rating without a session', () => {
  function rate(headers: Record<string, string>) {
    return t.app.request(`http://localhost/api/units/${FIXTURE.palembangUnit}/ratings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ idempotencyKey: crypto.randomUUID(), answers: { U1: 3, U2: 3, U3: 3, U4: 3, U5: 3, U6: 3, U7: 3, U8: 3, U9: 3 } }),
    });
  }

  it.each([
    ['Origin: null', { origin: 'null' }],
    ['an unreadable Referer', { referer: 'not a url' }],
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['Sec-Fetch-Site: same-site', { 'sec-fetch-site': 'same-site' }],
    ['our Origin with Sec-Fetch-Site: cross-site', { origin: 'http://localhost', 'sec-fetch-site': 'cross-site' }],
  ])('is refused with %s', async (_name, headers) => {
    t = await testApp(new Date('2026-08-10T03:00:00.000Z'));
    const res = await rate(headers);
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: 'cross_origin_refused' } });
  });

  it.each([
    ['no browser headers (an API client)', {}],
    ['our own page', { origin: 'http://localhost', 'sec-fetch-site': 'same-origin' }],
  ])('is taken from %s', async (_name, headers) => {
    t = await testApp(new Date('2026-08-10T03:00:00.000Z'));
    expect((await rate(headers)).status).toBe(201);
  });
});
