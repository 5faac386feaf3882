// Signed webhooks against the real server over HTTP (issue 27 item 5, docs/decisions/064): a receiver on loopback
// (a node http server) verifies every delivery's Standard Webhooks signature with the secret it was given; answering
// 500 to the first delivery brings a retry with the same webhook-id; a rotated secret signs beside the old one; 410
// disables the endpoint, and no further event is queued for it; resuming and redelivering sends the same webhook-id.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhook } from '../../core/domain/webhooks.ts';
import { hasChromium, reportSkip, signInOverHttp, startServer, type RunningServer } from '../support/browser.ts';
import { until } from '../support/smtp.ts';

reportSkip('signed webhooks (uses the same server helper as the browser tests)');

const UNIT = 'dukcapil-kota-gorontalo';
interface Hit { headers: IncomingHttpHeaders; body: string; answered: number }
const hits: Hit[] = [];
/** What the receiver answers to the next request. */
let answer: (n: number) => number = () => 204;
let receiver: Server;
let receiverUrl: string;
let server: RunningServer;

beforeAll(async () => {
  if (!hasChromium) return;
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const status = answer(hits.length);
      hits.push({ headers: req.headers, body, answered: status });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/rapor-hook`;
  server = await startServer({ RAPOR_WEBHOOK_POLL_MS: '100', RAPOR_WEBHOOK_RETRY_MS: '300' });
}, 180_000);
afterAll(async () => {
  await server?.stop();
  await new Promise((resolve) => (receiver ? receiver.close(resolve) : resolve(null)));
});

const send = async (cookie: string, method: string, path: string, body?: object) => {
  const res = await fetch(`${server.url}${path}`, { method, headers: { cookie, origin: server.url, 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
  return { status: res.status, json: (res.status === 204 ? {} : await res.json()) as Record<string, any> };
};
const verifies = (secret: string, h: Hit) => verifyWebhook(secret, {
  id: String(h.headers['webhook-id']), timestamp: String(h.headers['webhook-timestamp']), signature: String(h.headers['webhook-signature']),
}, h.body, Math.floor(Date.now() / 1000));

describe.skipIf(!hasChromium)('signed webhooks over HTTP', () => {
  it('signs every delivery, retries a 500 with the same webhook-id, signs with both secrets after a rotation, and 410 disables', async () => {
    const admin = await signInOverHttp(server, 'admin@demo.rapor.id');
    const staff = await signInOverHttp(server, `staff.${UNIT}@demo.rapor.id`);
    const created = await send(admin, 'POST', '/api/webhooks', { url: receiverUrl, events: ['reply.published', 'evidence.locked'], unit: UNIT });
    expect(created.status).toBe(201);
    const { id: endpoint, secret } = created.json as { id: string; secret: string };

    // reply.published; the receiver answers 500 first, then 204.
    answer = (n) => (n === 0 ? 500 : 204);
    const responses = await send(staff, 'GET', `/api/staff/units/${UNIT}/responses?period=2026&withComment=true&limit=100`);
    const target = (responses.json.items as { id: string; commentReview: string | null; commentHidden: string | null }[])
      .find((r) => r.commentReview !== 'pending' && r.commentReview !== 'withheld' && !r.commentHidden);
    expect(target).toBeDefined();
    const reply = await send(staff, 'POST', `/api/staff/units/${UNIT}/responses/${target!.id}/replies`, { body: 'Terima kasih, sudah kami tindak lanjuti.' });
    expect(reply.status).toBe(201);
    await until(() => hits.length >= 2, 'the retry of the first delivery', 30_000);
    const [first, retry] = hits;
    expect([first!.answered, retry!.answered]).toEqual([500, 204]);
    expect(retry!.headers['webhook-id']).toBe(first!.headers['webhook-id']);
    expect(String(first!.headers['webhook-id'])).toMatch(/^msg_[0-9a-f]{32}$/);
    expect(String(first!.headers['webhook-signature'])).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
    const payload = JSON.parse(retry!.body) as { type: string; timestamp: string; data: Record<string, unknown> };
    expect(payload.type).toBe('reply.published');
    expect(Object.keys(payload.data).sort()).toEqual(['api', 'replyId', 'unit', 'url']);
    expect(payload.data.unit).toBe(UNIT);
    expect(retry!.body).not.toContain(target!.id);

    const log = await send(admin, 'GET', `/api/webhooks/${endpoint}/deliveries`);
    expect(log.json.items).toMatchObject([{ id: first!.headers['webhook-id'], type: 'reply.published', status: 'delivered', attempts: 2, lastStatus: 204 }]);

    // Rotate, then lock evidence: the delivery carries two signatures (new and old secret); the receiver answers 410.
    const rotated = await send(admin, 'POST', `/api/webhooks/${endpoint}/rotate`);
    const newSecret = rotated.json.secret as string;
    answer = () => 410;
    const lock = await send(admin, 'POST', '/api/evidence/locks', { period: '2026-Q3', unit: UNIT });
    expect(lock.status).toBe(201);
    await until(() => hits.length >= 3, 'the evidence.locked delivery', 30_000);
    const gone = hits[2]!;
    expect(JSON.parse(gone.body)).toMatchObject({ type: 'evidence.locked', data: { lockId: lock.json.id, period: '2026-Q3', scope: `unit:${UNIT}` } });
    expect(String(gone.headers['webhook-signature']).split(' ')).toHaveLength(2);
    await until(async () => (await send(admin, 'GET', '/api/webhooks')).json.items[0].status === 'disabled', 'the endpoint disabled by 410', 30_000);
    for (const h of hits) expect(verifies(h === gone ? newSecret : secret, h)).toBe(true);
    expect(verifies(secret, gone)).toBe(true);
    expect(verifies('whsec_' + Buffer.alloc(32, 1).toString('base64'), gone)).toBe(false);

    // Disabled: a new event queues nothing for it.
    const again = await send(admin, 'POST', '/api/evidence/locks', { period: '2026-Q3', unit: UNIT });
    expect(again.status).toBe(201);
    expect((await send(admin, 'GET', `/api/webhooks/${endpoint}/deliveries`)).json.items).toHaveLength(2);

    // Resumed, a redelivery of the 410'd event goes out again with its own webhook-id.
    answer = () => 204;
    expect((await send(admin, 'PATCH', `/api/webhooks/${endpoint}`, { paused: false })).json.status).toBe('active');
    const goneId = String(gone.headers['webhook-id']);
    expect((await send(admin, 'POST', `/api/webhooks/${endpoint}/deliveries/${goneId}/redeliver`)).status).toBe(202);
    await until(() => hits.length >= 4, 'the redelivery', 30_000);
    expect(hits[3]!.headers['webhook-id']).toBe(goneId);
    expect(verifies(newSecret, hits[3]!)).toBe(true);
    expect(hits).toHaveLength(4);
  }, 120_000);
});
