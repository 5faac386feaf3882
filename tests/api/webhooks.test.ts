// Signed webhooks in process (issue 27 item 5, docs/decisions/064): who may register which endpoint, the creation
// refusal of private addresses in production mode (NODE_ENV=production), the delivery-time refusal after DNS
// resolution, the secret kept sealed, and review.queued queued only for a held comment that an endpoint subscribes to,
// held back to the next whole hour. The real server over HTTP is in tests/mail/webhook-delivery.test.ts.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { readEnv } from '../../server/env.ts';
import { startWebhookWorker } from '../../server/jobs/webhooks.ts';
import { webhookSecretBox } from '../../server/webhooks/secrets.ts';
import { ACCOUNTS, FIXTURE, insertFixtureUsers, signIn, testApp } from '../support/db.ts';

type TestApp = Awaited<ReturnType<typeof testApp>>;
let t: TestApp;
let receiver: Server | undefined;
beforeEach(async () => {
  t = await testApp(new Date('2026-08-10T03:17:00.000Z'));
  await insertFixtureUsers(t.db);
});
afterEach(async () => {
  await new Promise((resolve) => (receiver ? receiver.close(resolve) : resolve(null)));
  receiver = undefined;
  await t.close();
});

type App = Pick<TestApp['app'], 'request'>;
const cookies = new Map<string, string>();
async function as(app: App, account: keyof typeof ACCOUNTS, method: string, path: string, body?: unknown) {
  const key = `${account}:${app === t.app}`;
  if (!cookies.has(key) || app !== t.app) cookies.set(key, await signIn(app, ACCOUNTS[account]));
  return app.request(path, {
    method,
    headers: { cookie: cookies.get(key)!, origin: 'http://localhost', ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
beforeEach(() => cookies.clear());

const HOOK = 'https://hooks.example.go.id/rapor';

describe('registering a webhook endpoint', () => {
  it('answers the whsec_ secret once, keeps it sealed, and lists, pauses, rotates and deletes for the owner only', async () => {
    const res = await as(t.app, 'evaluatorGorontalo', 'POST', '/api/webhooks', { url: HOOK, events: ['review.queued', 'evidence.locked'] });
    expect(res.status).toBe(201);
    const created = (await res.json()) as { id: string; secret: string; region: string; unit: null; status: string };
    expect(created).toMatchObject({ region: '75', unit: null, status: 'active' });
    expect(created.secret).toMatch(/^whsec_/);
    const stored = await t.db.selectFrom('webhook_endpoints').select('secret_sealed').where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(stored.secret_sealed).not.toContain(created.secret.slice(6));
    const list = (await (await as(t.app, 'evaluatorGorontalo', 'GET', '/api/webhooks')).json()) as { items: Record<string, unknown>[] };
    expect(list.items).toHaveLength(1);
    expect(JSON.stringify(list)).not.toContain(created.secret);
    // Another evaluator neither sees nor touches it; an administrator does.
    expect(((await (await as(t.app, 'evaluatorPalembang', 'GET', '/api/webhooks')).json()) as { items: unknown[] }).items).toHaveLength(0);
    expect((await as(t.app, 'evaluatorPalembang', 'PATCH', `/api/webhooks/${created.id}`, { paused: true })).status).toBe(404);
    const paused = await as(t.app, 'admin', 'PATCH', `/api/webhooks/${created.id}`, { paused: true });
    expect(((await paused.json()) as { status: string }).status).toBe('paused');
    const rotated = (await (await as(t.app, 'evaluatorGorontalo', 'POST', `/api/webhooks/${created.id}/rotate`)).json()) as { secret: string };
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(created.secret);
    expect((await as(t.app, 'evaluatorGorontalo', 'DELETE', `/api/webhooks/${created.id}`)).status).toBe(204);
    expect(await t.db.selectFrom('webhook_endpoints').selectAll().execute()).toHaveLength(0);
    const audit = await t.db.selectFrom('audit_log').select('action').where('action', 'like', 'webhook.%').orderBy('at').execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['webhook.create', 'webhook.delete', 'webhook.pause', 'webhook.rotate']);
  });

  it('lets staff watch only their own unit and not the review queue; evaluators only inside their region', async () => {
    expect((await as(t.app, 'staffGorontalo', 'POST', '/api/webhooks', { url: HOOK, events: ['reply.published'], unit: FIXTURE.palembangUnit })).status).toBe(403);
    const review = await as(t.app, 'staffGorontalo', 'POST', '/api/webhooks', { url: HOOK, events: ['review.queued'] });
    expect(review.status).toBe(400);
    expect(((await review.json()) as { error: { fields: Record<string, string> } }).error.fields.events).toMatch(/evaluators and administrators/);
    const own = await as(t.app, 'staffGorontalo', 'POST', '/api/webhooks', { url: HOOK, events: ['reply.published'] });
    expect(own.status).toBe(201);
    expect(((await own.json()) as { unit: string }).unit).toBe(FIXTURE.gorontaloUnit);
    expect((await as(t.app, 'evaluatorPalembang', 'POST', '/api/webhooks', { url: HOOK, events: ['evidence.locked'], unit: FIXTURE.gorontaloUnit })).status).toBe(403);
    expect((await as(t.app, 'admin', 'POST', '/api/webhooks', { url: HOOK, events: ['evidence.locked'], unit: FIXTURE.palembangUnit })).status).toBe(201);
    const bad = await as(t.app, 'admin', 'POST', '/api/webhooks', { url: 'ftp://x.example/h', events: ['nope'] });
    expect(bad.status).toBe(400);
    expect(Object.keys(((await bad.json()) as { error: { fields: object } }).error.fields).sort()).toEqual(['events.0', 'url']);
  });

  it('refuses private, loopback and link-local addresses in production mode (NODE_ENV=production), and allows them otherwise', async () => {
    const production = readEnv({ NODE_ENV: 'production' }).production;
    const live = createApp({ db: t.db, now: () => t.clock.now, refuseNonPublicWebhooks: production });
    const request = live.request;
    live.request = (input, init, env, ctx) => request(input, init, env ?? { incoming: { socket: { remoteAddress: '198.18.0.9' } } }, ctx);
    for (const url of ['http://127.0.0.1:9/h', 'http://localhost/h', 'http://[::1]/h', 'http://169.254.169.254/latest/meta-data', 'http://10.0.0.5/h', 'http://[::ffff:192.168.1.1]/h']) {
      const res = await as(live, 'admin', 'POST', '/api/webhooks', { url, events: ['evidence.locked'] });
      expect([url, res.status]).toEqual([url, 422]);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('webhook_address_refused');
    }
    expect((await as(live, 'admin', 'POST', '/api/webhooks', { url: 'https://93.184.215.14/h', events: ['evidence.locked'] })).status).toBe(201);
    expect((await as(t.app, 'admin', 'POST', '/api/webhooks', { url: 'http://127.0.0.1:9/h', events: ['evidence.locked'] })).status).toBe(201);
  });
});

async function startReceiver(): Promise<{ url: string; hits: { id: string; body: string }[] }> {
  const hits: { id: string; body: string }[] = [];
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      hits.push({ id: String(req.headers['webhook-id']), body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver!.listen(0, '127.0.0.1', resolve));
  return { url: `http://localhost:${(receiver.address() as AddressInfo).port}/hook`, hits };
}

describe('queueing and delivering', () => {
  it('refuses at delivery, after DNS resolution, a host that resolves to loopback in production mode; sends it otherwise', async () => {
    const rx = await startReceiver();
    await as(t.app, 'admin', 'POST', '/api/webhooks', { url: rx.url, events: ['review.queued'] });
    expect((await as(t.app, 'staffGorontalo', 'POST', `/api/staff/units/${FIXTURE.gorontaloUnit}/responses/x/replies`, { body: 'x' })).status).toBe(404);
    // A held comment queues review.queued, due at the next whole hour.
    await rateWith('Pak Budi di loket 3 minta uang 50 ribu');
    const [queued] = await t.db.selectFrom('webhook_deliveries').selectAll().execute();
    expect(queued!.next_attempt_at).toBe('2026-08-10T04:00:00.000Z');
    expect(JSON.parse(queued!.payload)).toEqual({
      type: 'review.queued', timestamp: '2026-08-10T04:00:00.000Z',
      data: { unit: FIXTURE.gorontaloUnit, api: 'http://localhost:3000/api/review/comments?status=pending' },
    });
    const clock = { now: new Date('2026-08-10T04:00:01.000Z') };
    const base = { db: t.db, secrets: webhookSecretBox(t.db, undefined), now: () => clock.now, pollMs: 60_000, log: () => {} };
    const live = startWebhookWorker({ ...base, refuseNonPublic: true });
    expect(await live.drain()).toBe(0);
    await live.stop();
    expect(rx.hits).toHaveLength(0);
    const refused = await t.db.selectFrom('webhook_deliveries').selectAll().executeTakeFirstOrThrow();
    expect(refused.last_error).toMatch(/localhost resolves to (127\.0\.0\.1|::1).*refused/);
    expect(refused.attempts).toBe(1);
    clock.now = new Date(Date.parse(refused.next_attempt_at!) + 1);
    const dev = startWebhookWorker({ ...base, refuseNonPublic: false });
    expect(await dev.drain()).toBe(1);
    await dev.stop();
    expect(rx.hits.map((h) => h.id)).toEqual([queued!.id]);
  });

  it('queues nothing for a rating without a held comment, nor for a held one nobody subscribed to', async () => {
    await as(t.app, 'evaluatorPalembang', 'POST', '/api/webhooks', { url: HOOK, events: ['review.queued'] });
    await as(t.app, 'evaluatorGorontalo', 'POST', '/api/webhooks', { url: HOOK, events: ['evidence.locked'] });
    await rateWith('Pelayanan cepat dan ramah');
    await rateWith('Pak Budi di loket 3 minta uang 50 ribu');
    expect(await t.db.selectFrom('webhook_deliveries').selectAll().execute()).toHaveLength(0);
    // The Gorontalo evaluator's region-wide endpoint (75 covers the unit's 7571) gets the next one.
    await as(t.app, 'evaluatorGorontalo', 'POST', '/api/webhooks', { url: HOOK, events: ['review.queued'] });
    await rateWith('Bu Sari di loket 2 minta uang rokok');
    expect(await t.db.selectFrom('webhook_deliveries').select('event_type').execute()).toEqual([{ event_type: 'review.queued' }]);
  });
});

async function rateWith(comment: string) {
  const res = await t.app.request(`/api/units/${FIXTURE.gorontaloUnit}/ratings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ idempotencyKey: crypto.randomUUID(), service: FIXTURE.ktp, answers: Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => [`U${i}`, 3])), comment }),
  });
  expect(res.status).toBe(201);
}

describe('time-based events', () => {
  it('queues period.closed, comment.awaiting_reply and followup.overdue once each, for subscribers only, and nothing again on the next scan', async () => {
    const { scanTimedEvents } = await import('../../server/jobs/webhook-events.ts');
    const deps = { publicUrl: 'https://rapor.example.go.id' };
    // Nobody subscribes yet: nothing is marked.
    expect(await scanTimedEvents(t.db, deps, new Date('2026-10-05T03:00:00Z'))).toBe(0);
    await as(t.app, 'staffGorontalo', 'POST', '/api/webhooks', { url: HOOK, events: ['period.closed', 'comment.awaiting_reply', 'followup.overdue'] });
    // A comment left on Monday 10 August, unanswered; a follow-up item due 20 August, not done.
    await rateWith('Antreannya panjang sekali');
    await t.db.insertInto('follow_ups').values({
      id: 'fu-1', unit_id: 'u-gtlo', period: '2026-Q2', element: 'U7', problem: 'Antrean', action: 'Tambah loket', responsible: 'Kasi',
      due_date: '2026-08-20', status: 'berjalan', progress: 10, evidence_url: null, completed_on: null, created_at: '2026-07-01T00:00:00.000Z',
      updated_at: '2026-07-01T00:00:00.000Z', planned_on: '2026-07-01', started_on: '2026-07-02',
    }).execute();
    // 21 August: the comment waited more than 3 working days; the item is overdue; no quarter closed within 7 days.
    const scan = async (at: string) => {
      await scanTimedEvents(t.db, deps, new Date(at));
      return (await t.db.selectFrom('webhook_deliveries').select('payload').orderBy('id').execute()).map((d) => JSON.parse(d.payload) as { type: string; data: object });
    };
    const august = await scan('2026-08-21T03:00:00Z');
    // Two deliveries made in the same scan share their ids' millisecond: compared in the order of their types.
    expect(august.map((p) => [p.type, p.data]).sort((a, b) => String(a[0]).localeCompare(String(b[0])))).toEqual([
      ['comment.awaiting_reply', { unit: FIXTURE.gorontaloUnit, date: '2026-08-10', waiting: 1, url: `https://rapor.example.go.id/unit/${FIXTURE.gorontaloUnit}`, api: `https://rapor.example.go.id/api/units/${FIXTURE.gorontaloUnit}/comments` }],
      ['followup.overdue', { unit: FIXTURE.gorontaloUnit, followUpId: 'fu-1', dueDate: '2026-08-20', api: `https://rapor.example.go.id/api/units/${FIXTURE.gorontaloUnit}/follow-ups` }],
    ]);
    expect(await scan('2026-08-21T09:00:00Z')).toHaveLength(2);
    // Q3 closes on 4 October (decision 021): period.closed for the staff's unit only (their endpoint's scope).
    const october = await scan('2026-10-05T03:00:00Z');
    expect(october.slice(2).map((p) => [p.type, p.data])).toEqual([
      ['period.closed', { unit: FIXTURE.gorontaloUnit, period: '2026-Q3', url: `https://rapor.example.go.id/unit/${FIXTURE.gorontaloUnit}`, api: `https://rapor.example.go.id/api/units/${FIXTURE.gorontaloUnit}/scores?period=2026-Q3` }],
    ]);
    expect(await scan('2026-10-06T03:00:00Z')).toHaveLength(3);
  });
});
