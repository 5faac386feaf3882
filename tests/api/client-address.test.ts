// Issue 15, finding 2: the client address behind a proxy. The client is the first untrusted hop counted from the right of
// X-Forwarded-For (proxy-addr's semantics); an address that is missing or not an IP shares one bucket, never "no limit".
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { throttleKey, UNKNOWN_CLIENT } from '../../server/auth/client.ts';
import { clientHasher } from '../../server/auth/client-hash.ts';
import { EnvError, readEnv } from '../../server/env.ts';
import { ACCOUNTS, FIXTURE, insertFixtureUsers, TEST_PASSWORD, testApp } from '../support/db.ts';

type TestApp = Awaited<ReturnType<typeof testApp>>;
const opened: TestApp[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((t) => t.close()));
});

async function open(options?: Parameters<typeof testApp>[1]): Promise<TestApp> {
  const t = await testApp(new Date('2026-08-10T02:00:00.000Z'), options);
  opened.push(t);
  return t;
}

type Requester = { request: (path: string, init?: RequestInit) => Response | Promise<Response> };

function rate(app: Requester, headers: Record<string, string>, i: number) {
  return app.request(`/api/units/${FIXTURE.gorontaloUnit}/ratings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    // Answers vary, so only the address-based rules can hold these back.
    body: JSON.stringify({ idempotencyKey: crypto.randomUUID(), service: FIXTURE.ktp, answers: Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => [`U${n}`, 1 + ((i + n) % 4)])) }),
  });
}

/** Sends 25 ratings, the i-th with headers(i); says how many were refused (429), answered 201, and counted in the IKM. */
async function flood(t: TestApp, headers: (i: number) => Record<string, string>, app: Requester = t.app) {
  const statuses: number[] = [];
  for (let i = 0; i < 25; i++) statuses.push((await rate(app, headers(i), i)).status);
  const scores = (await (await t.app.request(`/api/units/${FIXTURE.gorontaloUnit}/scores?period=2026`)).json()) as { n: number; nExcluded: number };
  return { refused: statuses.filter((s) => s === 429).length, accepted: statuses.filter((s) => s === 201).length, counted: scores.n };
}

/** What 25 ratings from one plain client (one stable address) come to: the yardstick for every evasion below. */
async function oneClient() {
  const t = await open({ trustProxy: true });
  return flood(t, () => ({ 'x-forwarded-for': '203.0.113.7' }));
}

describe('a client behind one trusted proxy', () => {
  it('rotating the leftmost X-Forwarded-For entry is throttled and held back like one client', async () => {
    const yardstick = await oneClient();
    expect(yardstick.counted).toBeLessThan(10);
    const t = await open({ trustProxy: true });
    // The client writes any X-Forwarded-For it likes; the proxy appends the address it saw (203.0.113.7).
    const result = await flood(t, (i) => ({ 'x-forwarded-for': `10.${i}.0.1, 203.0.113.7` }));
    expect(result).toEqual(yardstick);
  });

  const GARBAGE = ['unknown', 'not-an-ip', '999.1.1.1', '1.2.3.4.5', '01.2.3.4', '<script>', '2001:db8::zz', 'unknown, unknown', '_hidden', '[::1]'];

  it('X-Forwarded-For "unknown" still gets limits', async () => {
    const yardstick = await oneClient();
    const t = await open({ trustProxy: true });
    expect(await flood(t, () => ({ 'x-forwarded-for': 'unknown' }))).toEqual(yardstick);
  });

  it('hops that are not IP addresses share one bucket, whichever garbage they carry', async () => {
    const yardstick = await oneClient();
    const t = await open({ trustProxy: true });
    expect(await flood(t, (i) => ({ 'x-forwarded-for': GARBAGE[i % GARBAGE.length]! }))).toEqual(yardstick);
  });

  it('garbage on the left of the address the proxy appended is ignored', async () => {
    const yardstick = await oneClient();
    const t = await open({ trustProxy: true });
    expect(await flood(t, (i) => ({ 'x-forwarded-for': `${GARBAGE[i % GARBAGE.length]!}, 203.0.113.7` }))).toEqual(yardstick);
  });

  it('an empty X-Forwarded-For makes the proxy itself the client, limited like any other', async () => {
    const yardstick = await oneClient();
    const t = await open({ trustProxy: true });
    expect(await flood(t, (i) => (i % 2 ? { 'x-forwarded-for': ' , ' } : {}) as Record<string, string>)).toEqual(yardstick);
  });
});

describe('a hop count (RAPOR_TRUST_PROXY=2: a load balancer, then a proxy)', () => {
  const viaTwo = (leftmost: string) => ({ 'x-forwarded-for': `${leftmost}, 203.0.113.7, 10.0.0.5` });

  it('takes the address the outer proxy saw, whatever the client wrote on the left', async () => {
    const yardstick = await oneClient();
    const t = await open({ trustProxy: '2', peer: '10.0.0.9' });
    expect(await flood(t, (i) => viaTwo(`10.${i}.0.1`))).toEqual(yardstick);
  });

  it('tells two clients apart', async () => {
    const t = await open({ trustProxy: '2', peer: '10.0.0.9' });
    const a = await flood(t, (i) => (i < 12 ? viaTwo('x') : { 'x-forwarded-for': '192.0.2.1, 198.51.100.20, 10.0.0.5' }));
    // The first 12 from one client (10 admitted), the other 13 from another (10 admitted).
    expect(a.accepted).toBe(20);
  });
});

describe('a list of trusted proxies (RAPOR_TRUST_PROXY="loopback, 10.0.0.0/8")', () => {
  it('skips every trusted hop from the right and stops at the first untrusted one', async () => {
    const yardstick = await oneClient();
    const t = await open({ trustProxy: 'loopback, 10.0.0.0/8' });
    // 10.0.0.5 is ours; 203.0.113.7 is not, so it is the client, and what it wrote (192.168.…) is ignored.
    expect(await flood(t, (i) => ({ 'x-forwarded-for': `192.168.${i}.1, 10.${i}.0.1, 203.0.113.7, 10.0.0.5` }))).toEqual(yardstick);
  });

  it('reads no X-Forwarded-For from a peer that is not on the list', async () => {
    const yardstick = await oneClient();
    const t = await open({ trustProxy: 'loopback, 10.0.0.0/8', peer: '203.0.113.7' });
    expect(await flood(t, (i) => ({ 'x-forwarded-for': `198.51.100.${i}` }))).toEqual(yardstick);
  });
});

describe('without a trusted proxy', () => {
  it('ignores a spoofed X-Forwarded-For: the socket peer is the client', async () => {
    const yardstick = await oneClient();
    const t = await open({ peer: '203.0.113.7' });
    expect(await flood(t, (i) => ({ 'x-forwarded-for': `198.51.100.${i}` }))).toEqual(yardstick);
  });

  it('ignores X-Forwarded-Proto: a session cookie is not marked Secure on plain HTTP', async () => {
    const t = await open({ peer: '203.0.113.7' });
    await insertFixtureUsers(t.db);
    const res = await t.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost', 'x-forwarded-proto': 'https' },
      body: JSON.stringify({ email: ACCOUNTS.admin, password: TEST_PASSWORD }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).not.toMatch(/Secure/i);
    expect(res.headers.get('strict-transport-security')).toBeNull();
  });
});

describe('X-Forwarded-Proto', () => {
  async function signInOver(options: Parameters<typeof testApp>[1]) {
    const t = await open(options);
    await insertFixtureUsers(t.db);
    return t.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://localhost', 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.7' },
      body: JSON.stringify({ email: ACCOUNTS.admin, password: TEST_PASSWORD }),
    });
  }

  it('is believed from a trusted proxy: Secure cookie and HSTS', async () => {
    const res = await signInOver({ trustProxy: 'loopback' });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(/; Secure/i);
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=/);
  });

  it('is ignored from a peer the list does not trust, even when RAPOR_TRUST_PROXY is set', async () => {
    // The scheme stays http, so the https:// Origin is another origin and the sign-in is refused.
    const res = await signInOver({ trustProxy: 'loopback', peer: '198.51.100.1' });
    expect(res.status).toBe(403);
    expect(res.headers.get('strict-transport-security')).toBeNull();
  });
});

describe('IPv6 clients', () => {
  it('are limited per /48 network, the block one subscriber is given (issue 24, F7: not per /64)', async () => {
    const yardstick = await oneClient();
    const t = await open({ trustProxy: '1' });
    expect(await flood(t, (i) => ({ 'x-forwarded-for': `2001:db8:7:${i.toString(16)}:${i.toString(16)}::${i + 1}` }))).toEqual(yardstick);
  });
});

describe('a request whose address cannot be known', () => {
  it('shares one bucket with every other such request instead of escaping the limits', async () => {
    const yardstick = await oneClient();
    const t = await open();
    // No socket at all (an in-process request): the address is unknown.
    const bare = createApp({ db: t.db, now: () => t.clock.now });
    expect(await flood(t, () => ({}), bare)).toEqual(yardstick);
  });
});

describe('sign-in throttling', () => {
  it('counts failed sign-ins per client address, whatever the leftmost X-Forwarded-For says', async () => {
    const t = await open({ trustProxy: true });
    await insertFixtureUsers(t.db);
    const statuses: number[] = [];
    // Each guess against another account, so only the per-address limit (30 in 15 minutes) can stop them.
    for (let i = 0; i < 40; i++) {
      const res = await t.app.request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'http://localhost', 'x-forwarded-for': `10.${i}.0.1, 203.0.113.7` },
        body: JSON.stringify({ email: `tebak${i}@uji.rapor.id`, password: 'salah-tebak-123' }),
      });
      statuses.push(res.status);
    }
    expect(statuses.filter((s) => s === 429).length).toBe(10);
  });

  it('uses the address ratings use: one client behind two proxies rotating its leftmost entry is one client', async () => {
    const t = await open({ trustProxy: '2', peer: '10.0.0.9' });
    await insertFixtureUsers(t.db);
    const statuses: number[] = [];
    for (let i = 0; i < 35; i++) {
      const res = await t.app.request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'http://localhost', 'x-forwarded-for': `unknown, 10.${i}.0.1, 203.0.113.7, 10.0.0.5` },
        body: JSON.stringify({ email: `tebak${i}@uji.rapor.id`, password: 'salah-tebak-123' }),
      });
      statuses.push(res.status);
    }
    expect(statuses.filter((s) => s === 429).length).toBe(5);
  });
});

describe('RAPOR_TRUST_PROXY', () => {
  it.each([undefined, '', 'off', 'OFF', '0', 'false'])('%j means no proxy is trusted', (value) => {
    expect(readEnv({ RAPOR_TRUST_PROXY: value }).trustProxy).toBeUndefined();
  });

  it('reads a hop count', () => {
    const trust = readEnv({ RAPOR_TRUST_PROXY: '1' }).trustProxy!;
    expect([trust.trusts('203.0.113.1', 0), trust.trusts('203.0.113.1', 1)]).toEqual([true, false]);
  });

  it('reads a list of addresses, ranges and proxy-addr names', () => {
    const trust = readEnv({ RAPOR_TRUST_PROXY: ' loopback , uniquelocal, 203.0.113.0/24,2001:db8::1 ' }).trustProxy!;
    expect(trust.setting).toBe('loopback, uniquelocal, 203.0.113.0/24, 2001:db8::1');
    expect(['127.0.0.1', '::1', '10.1.2.3', '192.168.0.9', '203.0.113.200', '2001:db8::1', '::ffff:10.0.0.1'].every((a) => trust.trusts(a, 0))).toBe(true);
    expect(['198.51.100.1', '2001:db8::2', 'unknown', ''].some((a) => trust.trusts(a, 0))).toBe(false);
  });

  it.each([
    ['true', /does not say which proxies are yours/],
    ['on', /does not say which proxies are yours/],
    ['proxy.internal', /not "proxy.internal" \(invalid IP address: proxy.internal\)/],
    ['10.0.0.0/33', /invalid range on address/],
    ['99', /more than 16 proxies/],
  ])('refuses %j with a message that says what to write', (value, message) => {
    expect(() => readEnv({ RAPOR_TRUST_PROXY: value })).toThrow(EnvError);
    expect(() => readEnv({ RAPOR_TRUST_PROXY: value })).toThrow(message);
    expect(() => readEnv({ RAPOR_TRUST_PROXY: value })).toThrow(/loopback, 10\.0\.0\.0\/8/);
  });
});

describe('the throttling key', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    [' 203.0.113.7 ', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:7:8:1:2:3:4', '2001:db8:7::/48'],
    ['2001:DB8:7:8::1', '2001:db8:7::/48'],
    ['2001:db8::1', '2001:db8:0::/48'],
    ['::1', '0:0:0::/48'],
    ['fe80::1%eth0', 'fe80:0:0::/48'],
    ['2001:0db8:0007:0008::', '2001:db8:7::/48'],
    ['64:ff9b::203.0.113.7', '64:ff9b:0::/48'],
    ['unknown', UNKNOWN_CLIENT],
    ['', UNKNOWN_CLIENT],
    [undefined, UNKNOWN_CLIENT],
    ['01.2.3.4', UNKNOWN_CLIENT],
    ['1.2.3.4:5678', UNKNOWN_CLIENT],
  ])('%j → %j', (address, key) => {
    expect(throttleKey(address)).toBe(key);
  });

  it('is always hashed: no request goes without a client hash', async () => {
    const t = await open();
    const hash = clientHasher(t.db);
    const at = new Date('2026-08-10T02:00:00.000Z');
    const unknown = await hash(UNKNOWN_CLIENT, at);
    expect(unknown).toMatch(/^[0-9a-f]{64}$/);
    expect(await hash(UNKNOWN_CLIENT, at)).toBe(unknown);
    expect(await hash('203.0.113.7', at)).not.toBe(unknown);
  });
});
