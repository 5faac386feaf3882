// The JSON body rules on the real server (Node's HTTP server), where the body is read from the socket's stream itself
// (server/middleware/json-body.ts): the same answers as through the web stream that app.request() tests use.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, reportSkip, startServer, type RunningServer } from '../support/browser.ts';

reportSkip('request body test (uses the same server helper as the browser tests)');

let server: RunningServer;
beforeAll(async () => {
  if (hasChromium) server = await startServer({ RAPOR_TRUST_PROXY: '1', RAPOR_DEMO: 'on' });
});
afterAll(async () => {
  await server?.stop();
});

const PATH = '/api/units/dukcapil-kota-gorontalo/ratings';
const ANSWERS = { U1: 3, U2: 3, U3: 4, U4: 3, U5: 3, U6: 4, U7: 3, U8: 3, U9: 2 };
let client = 0;

/** Posts `chunks` as they are (chunked when `length` is not given), from an address of its own. */
function post(chunks: Buffer[], length?: number): Promise<{ status: number; body: { error?: { code: string }; receipt?: string } }> {
  const url = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({
      host: url.hostname, port: url.port, path: PATH, method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.77.0.${++client}`, ...(length === undefined ? {} : { 'content-length': String(length) }) },
    }, (res) => {
      const got: Buffer[] = [];
      res.on('data', (d: Buffer) => got.push(d));
      res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(Buffer.concat(got).toString() || '{}') }));
    });
    // The server may answer (413) and stop reading before the whole body is sent.
    req.on('error', reject);
    for (const c of chunks) req.write(c);
    req.end();
  });
}

const rating = () => Buffer.from(JSON.stringify({ idempotencyKey: crypto.randomUUID(), service: 'perekaman-ktp-el', answers: ANSWERS }));

describe.skipIf(!hasChromium)('JSON bodies read from the Node stream', () => {
  it('stores a rating sent with a length, and one sent in chunks without it', async () => {
    const whole = rating();
    expect((await post([whole], whole.length)).status).toBe(201);
    const body = rating();
    const chunked = await post([body.subarray(0, 20), body.subarray(20, 60), body.subarray(60)]);
    expect(chunked.status).toBe(201);
    expect(chunked.body.receipt).toMatch(/^RPR-/);
  });

  it('refuses a body past 16 KiB, declared or streamed, with 413 payload_too_large', async () => {
    const big = Buffer.alloc(17 * 1024, 0x20);
    const declared = await post([big], big.length);
    expect([declared.status, declared.body.error?.code]).toEqual([413, 'payload_too_large']);
    const streamed = await post([big.subarray(0, 9000), big.subarray(9000)]);
    expect([streamed.status, streamed.body.error?.code]).toEqual([413, 'payload_too_large']);
  });

  it('refuses an empty body, bad UTF-8 and broken JSON with 400 malformed_json', async () => {
    for (const chunks of [[], [Buffer.from([0x7b, 0xff, 0xfe, 0x7d])], [Buffer.from('{"answers": ')]]) {
      const r = await post(chunks, chunks.reduce((n, c) => n + c.length, 0));
      expect([r.status, r.body.error?.code]).toEqual([400, 'malformed_json']);
    }
  });
});
