// Two server processes on one database behave as one: a session made on one is honoured and ended on the other, the
// same idempotency key sent to both at once counts once, and a client's rating limit holds across both. Runs on the
// SQLite file by default and, in CI, on a real PostgreSQL server (RAPOR_TEST_DATABASE=postgres://…).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../db/seed.ts';
import { signInResponse, startServer, type RunningServer } from '../support/browser.ts';
import { freshDatabaseUrl, TEST_DATABASE } from '../support/db.ts';

const UNIT = 'dukcapil-kota-gorontalo';
const SERVICE = 'perekaman-ktp-el';
const ANSWERS = { U1: 3, U2: 3, U3: 4, U4: 3, U5: 3, U6: 4, U7: 3, U8: 3, U9: 2 };

let dir: string;
let target: Awaited<ReturnType<typeof freshDatabaseUrl>>;
let a: RunningServer;
let b: RunningServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rapor-two-'));
  target = await freshDatabaseUrl(dir);
  const env = { DATABASE_URL: target.url, RAPOR_TRUST_PROXY: '1' };
  a = await startServer(env); // migrates and seeds the demo world
  b = await startServer(env); // finds it migrated and seeded
});

afterAll(async () => {
  await a?.stop();
  await b?.stop();
  await target?.drop();
  rmSync(dir, { recursive: true, force: true });
});

function rate(server: RunningServer, key: string, client: string, answers = ANSWERS) {
  return fetch(`${server.url}/api/units/${UNIT}/ratings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': client },
    body: JSON.stringify({ idempotencyKey: key, service: SERVICE, answers }),
  });
}

async function counted(server: RunningServer): Promise<number> {
  const s = (await (await fetch(`${server.url}/api/units/${UNIT}/scores?period=2026`)).json()) as { n: number; nExcluded: number };
  return s.n + s.nExcluded;
}

describe(`two server processes on one database (${TEST_DATABASE === 'sqlite' ? 'SQLite file' : 'PostgreSQL server'})`, () => {
  it('share sessions: signed in on one, recognised and signed out on the other', async () => {
    const login = await signInResponse(a, 'admin@demo.rapor.id', DEMO_PASSWORD);
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const me = await fetch(`${b.url}/api/auth/me`, { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as any).user.email).toBe('admin@demo.rapor.id');
    expect((await fetch(`${b.url}/api/auth/logout`, { method: 'POST', headers: { cookie, origin: b.url } })).status).toBe(204);
    expect((await fetch(`${a.url}/api/auth/me`, { headers: { cookie } })).status).toBe(401);
  });

  it('count one rating once when its key reaches both at the same moment', async () => {
    const before = await counted(a);
    const key = crypto.randomUUID();
    const replies = await Promise.all(Array.from({ length: 10 }, async (_, i) => {
      const res = await rate(i % 2 ? a : b, key, '192.0.2.50');
      return { status: res.status, id: ((await res.json()) as { id: string }).id };
    }));
    expect(replies.filter((r) => r.status === 201)).toHaveLength(1);
    expect(replies.filter((r) => r.status === 200)).toHaveLength(9);
    expect(new Set(replies.map((r) => r.id)).size).toBe(1);
    expect(await counted(b)).toBe(before + 1);
  });

  it('hold one client to its limit of 10 ratings per unit across both', async () => {
    const before = await counted(a);
    const statuses = await Promise.all(Array.from({ length: 24 }, async (_, i) =>
      (await rate(i % 2 ? a : b, crypto.randomUUID(), '192.0.2.60', { ...ANSWERS, U1: 1 + (i % 4), U9: 1 + ((i >> 2) % 4) })).status));
    expect(statuses.filter((s) => s !== 201 && s !== 429)).toEqual([]);
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(14);
    expect(await counted(a)).toBe(before + 10);
    expect(await counted(b)).toBe(before + 10);
  });
});
