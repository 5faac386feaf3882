// Issue 24, findings F4 and F7, over real sockets against `npm start`'s server (tests/support/browser.ts):
// F7 — IPv6 clients were keyed by /64, so a subscriber's /48 (or /56) was 65,536 (or 256) clients;
// F4 — on PostgreSQL, concurrent permit reports from one address all counted: the checks read outside the transaction.
// RAPOR_TEST_DATABASE (a postgres:// address) runs the server on that PostgreSQL; otherwise on a SQLite file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, migrateToLatest, type Connection } from '../../db/connect.ts';
import { startServer, type RunningServer } from '../support/browser.ts';
import { FIXTURE, freshDatabaseUrl, insertFixture, ON_POSTGRES } from '../support/db.ts';

let server: RunningServer;
let target: { url: string; drop(): Promise<void> };
let dir: string;
let conn: Connection;
beforeAll(async () => {
  // The fixture world in a database of its own (a SQLite file, or a schema on the PostgreSQL server under test), so
  // the server starts without seeding the demo world.
  dir = mkdtempSync(join(tmpdir(), 'rapor-socket-'));
  target = await freshDatabaseUrl(dir);
  conn = connect(target.url);
  await migrateToLatest(conn.db);
  await insertFixture(conn.db);
  // Requests come from a proxy on the loopback, so a test's X-Forwarded-For names the client (docs/decisions/017).
  server = await startServer({ RAPOR_TRUST_PROXY: 'loopback', DATABASE_URL: target.url });
}, 300_000);
afterAll(async () => {
  await server?.stop();
  await conn?.close();
  await target?.drop();
  rmSync(dir, { recursive: true, force: true });
});

const UNIT = FIXTURE.gorontaloUnit;

const json = { 'content-type': 'application/json' };

async function ticket(unit: string, purpose: 'rating' | 'permit', client: string): Promise<string> {
  const res = await fetch(`${server.url}/api/units/${unit}/form-ticket?purpose=${purpose}`, { headers: { 'x-forwarded-for': client } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { ticket: string }).ticket;
}

describe('F7: an IPv6 subscriber is one client', () => {
  it('64 ticketed ratings from 16 /64 networks inside one /48 count as one address would (at most 30 in 10 minutes)', async () => {
    const unit = UNIT;
    const clients = Array.from({ length: 64 }, (_, i) => `2001:db8:4a:${(i % 16).toString(16)}00:${i.toString(16)}::${i + 1}`);
    // The full browser protocol: a ticket per form, 10 s to fill it in, a browser token of its own, varied answers.
    const tickets = await Promise.all(clients.map((client) => ticket(unit, 'rating', client)));
    await new Promise((resolve) => setTimeout(resolve, 10_500));
    const statuses: number[] = [];
    for (const [i, client] of clients.entries()) {
      // Every rating's answers differ (the identical-answers rule is not what is tested here).
      const answers = Object.fromEntries(Array.from({ length: 9 }, (_, k) => [`U${k + 1}`, k < 3 ? 1 + (Math.floor(i / 4 ** k) % 4) : 3 + ((i + k) % 2)]));
      const res = await fetch(`${server.url}/api/units/${unit}/ratings`, {
        method: 'POST', headers: { ...json, 'x-forwarded-for': client },
        body: JSON.stringify({ idempotencyKey: crypto.randomUUID(), answers, ticket: tickets[i], browserToken: crypto.randomUUID() }),
      });
      statuses.push(res.status);
    }
    const rows = await conn.db.selectFrom('responses').select('exclusion_reason').where('ticket_hash', 'is not', null).execute();
    const counted = rows.filter((r) => r.exclusion_reason === null).length;
    console.log(`[F7] ${ON_POSTGRES ? 'PostgreSQL' : 'SQLite'}: 64 ratings from 16 /64s in one /48: answered ${statuses.filter((s) => s === 201).length}×201; stored ${rows.length}, counted ${counted}`);
    expect(statuses.every((s) => s === 201)).toBe(true);
    expect(rows.length).toBe(64);
    expect(counted).toBeLessThanOrEqual(30);
  }, 120_000);
});

describe('F4: concurrent permit reports from one address', () => {
  it('150 sent at once with the full browser protocol count no more than one address may (30 ticketed per 10 minutes)', async () => {
    const unit = UNIT;
    const client = '198.51.100.44';
    // A ticket per form (fetched as a browser opens the page), 10 s to fill it in, then all sent at once, each with its
    // own browser token and its own dates (so neither the per-browser throttle nor the identical-report rule decides).
    const tickets = await Promise.all(Array.from({ length: 150 }, () => ticket(unit, 'permit', client)));
    await new Promise((resolve) => setTimeout(resolve, 10_500));
    const statuses = await Promise.all(tickets.map((form, i) => fetch(`${server.url}/api/units/${unit}/permit-reports`, {
      method: 'POST', headers: { ...json, 'x-forwarded-for': client },
      body: JSON.stringify({
        idempotencyKey: crypto.randomUUID(), service: FIXTURE.kk, ticket: form, browserToken: crypto.randomUUID(),
        submittedOn: `2026-09-${String(1 + (i % 25)).padStart(2, '0')}`, completedOn: `2026-11-${String(2 + Math.floor(i / 25)).padStart(2, '0')}`,
      }),
    }).then((r) => r.status)));
    const rows = await conn.db.selectFrom('permit_reports').select('exclusion_reason').execute();
    const counted = rows.filter((r) => r.exclusion_reason === null).length;
    console.log(`[F4] ${ON_POSTGRES ? 'PostgreSQL' : 'SQLite'}: 150 concurrent reports: ${statuses.filter((s) => s === 201).length}×201, ${statuses.filter((s) => s === 429).length}×429; stored ${rows.length}, counted ${counted}`);
    expect(rows.length).toBe(statuses.filter((s) => s === 201).length);
    expect(counted).toBeLessThanOrEqual(30);
  }, 120_000);
});
