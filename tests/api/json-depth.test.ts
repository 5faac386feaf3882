// Issue 15, finding 10: deeply nested JSON (6,000 levels in 12 KB) must not crash a route. Every JSON route answers
// 400 malformed_json, and nothing answers 5xx.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, nestedDeeperThan } from '../../server/middleware/json-body.ts';
import { ACCOUNTS, FIXTURE, insertFixtureUsers, signIn, testApp } from '../support/db.ts';

type TestApp = Awaited<ReturnType<typeof testApp>>;
let t: TestApp;
let admin: string;
let staff: string;
beforeAll(async () => {
  t = await testApp(new Date('2026-08-10T03:00:00.000Z'));
  await insertFixtureUsers(t.db);
  admin = await signIn(t.app, ACCOUNTS.admin);
  staff = await signIn(t.app, ACCOUNTS.staffGorontalo);
});
afterAll(async () => {
  await t.close();
});

const BODIES: [string, string][] = [
  ['6,000 levels of [', '['.repeat(6000) + ']'.repeat(6000)],
  ['6,000 unclosed levels of [', '['.repeat(6000)],
  ['3,000 levels of {"":', '{"":'.repeat(3000) + '0' + '}'.repeat(3000)],
  ['3,000 unclosed levels of {"a":', '{"a":'.repeat(3000)],
  ['2,000 levels of [{"a":', '[{"a":'.repeat(2000) + '1' + '}]'.repeat(2000)],
  ['6,000 levels of [ after stray closers', ']'.repeat(3000) + '['.repeat(6000)],
  ['a valid rating wrapping 6,000 levels', `{"idempotencyKey":"${crypto.randomUUID()}","answers":{"U1":${'['.repeat(5000)}${']'.repeat(5000)}}}`],
];

const ROUTES: [string, string, () => Record<string, string>][] = [
  ['POST', `/api/units/${FIXTURE.gorontaloUnit}/ratings`, () => ({})],
  ['POST', `/api/units/${FIXTURE.gorontaloUnit}/permit-reports`, () => ({})],
  ['POST', '/api/auth/login', () => ({ origin: 'http://localhost' })],
  ['PUT', '/api/admin/holidays/2026-12-24', () => ({ origin: 'http://localhost', cookie: admin })],
  ['POST', '/api/admin/users', () => ({ origin: 'http://localhost', cookie: admin })],
  ['POST', `/api/staff/units/${FIXTURE.gorontaloUnit}/follow-ups`, () => ({ origin: 'http://localhost', cookie: staff })],
];

describe.each(ROUTES)('%s %s', (method, path, headers) => {
  it.each(BODIES)('answers 400 malformed_json to %s', async (_, body) => {
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(16 * 1024);
    const res = await t.app.request(path, { method, headers: { 'content-type': 'application/json', ...headers() }, body });
    expect(res.status).toBe(400);
    const answer = (await res.json()) as { error: { code: string; message: string } };
    expect(answer.error.code).toBe('malformed_json');
    expect(answer.error.message).toMatch(/nested|not valid JSON/);
  });
});

describe('ordinary nesting', () => {
  it('still reads a body nested a few levels deep', async () => {
    const res = await t.app.request(`/api/units/${FIXTURE.gorontaloUnit}/ratings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ idempotencyKey: crypto.randomUUID(), service: FIXTURE.ktp, answers: { U1: 3, U2: 3, U3: 3, U4: 3, U5: 3, U6: 3, U7: 3, U8: 3, U9: 3 }, comment: '[[[{{{ bukan JSON, hanya teks ]]]}}}' }),
    });
    expect(res.status).toBe(201);
  });
});

describe('nestedDeeperThan', () => {
  const nest = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);

  it('lets the limit through and refuses one level more', () => {
    expect(nestedDeeperThan(nest(MAX_JSON_DEPTH), MAX_JSON_DEPTH)).toBe(false);
    expect(nestedDeeperThan(nest(MAX_JSON_DEPTH + 1), MAX_JSON_DEPTH)).toBe(true);
    expect(nestedDeeperThan('{"a":'.repeat(MAX_JSON_DEPTH + 1), MAX_JSON_DEPTH)).toBe(true);
  });

  it('counts levels side by side once, not their sum', () => {
    expect(nestedDeeperThan(`[${Array.from({ length: 100 }, () => nest(MAX_JSON_DEPTH - 1)).join(',')}]`, MAX_JSON_DEPTH)).toBe(false);
  });

  it('skips brackets inside strings, escaped quotes and backslashes included', () => {
    expect(nestedDeeperThan(JSON.stringify({ comment: '['.repeat(500), quote: '\\"[[[[', slash: '\\\\' + '{'.repeat(100) }), 2)).toBe(false);
    expect(nestedDeeperThan(`["\\\\", ${nest(5)}]`, 5)).toBe(true);
  });

  it('gives stray closers no credit', () => {
    expect(nestedDeeperThan(']'.repeat(100) + nest(MAX_JSON_DEPTH + 1), MAX_JSON_DEPTH)).toBe(true);
  });
});
