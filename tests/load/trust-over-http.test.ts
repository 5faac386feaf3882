// Issue 24 ("Trust, round two"), over real HTTP against the server `npm start` runs (demo data, its own database file):
// F8, a receipt that tells a bot whether its rating counted; F11, one form ticket counted once per spelling;
// F13, two-factor enrolment with a session alone (docs/decisions/022, 043).
import Database from 'better-sqlite3';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../db/seed.ts';
import { signInOverHttp, startServer, type RunningServer } from '../support/browser.ts';

const UNIT = 'dukcapil-kota-gorontalo';
const SERVICE = 'perekaman-ktp-el';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ RAPOR_TRUST_PROXY: '1' });
});
afterAll(async () => {
  await server?.stop();
});

/** Nine answers that differ from one call to the next (identical answers from one address are a rule of their own). */
const answers = (i: number) => Object.fromEntries(Array.from({ length: 9 }, (_, k) => [`U${k + 1}`, ((i + k) % 4) + 1]));

function rate(address: string, body: Record<string, unknown>) {
  return fetch(`${server.url}/api/units/${UNIT}/ratings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ idempotencyKey: crypto.randomUUID(), service: SERVICE, ...body }),
  });
}

/** Whether each receipt's rating counts (null) or was held back (its reason), read from the server's database file. */
function exclusions(receipts: string[]): (string | null)[] {
  const db = new Database(server.dbFile, { readonly: true });
  try {
    const row = db.prepare('select exclusion_reason as reason from responses where receipt = ?');
    return receipts.map((r) => (row.get(r) as { reason: string | null }).reason);
  } finally {
    db.close();
  }
}

describe('F8: the receipt of a held-back rating', () => {
  it('reads exactly like the receipt of a counted one, on the page and in the JSON answer', async () => {
    // Without a ticket, one rating per address and unit counts in ten minutes; the second is held back.
    const address = '198.51.100.81';
    const sent = [await rate(address, { answers: answers(1), comment: 'Antrean cepat.' }), await rate(address, { answers: answers(2), comment: 'Antrean cepat sekali.' })];
    expect(sent.map((r) => r.status)).toEqual([201, 201]);
    const acks = (await Promise.all(sent.map((r) => r.json()))) as { id: string; receipt: string }[];
    const receipts = acks.map((a) => a.receipt);
    const [counted, held] = exclusions(receipts);
    expect(counted).toBeNull();
    expect(held).not.toBeNull();
    // The JSON answers differ only in the rating's own id and receipt.
    const strip = ({ id: _id, receipt: _receipt, ...rest }: { id: string; receipt: string }) => rest;
    expect(strip(acks[1]!)).toEqual(strip(acks[0]!));
    for (const prefix of ['', '/en']) {
      const pages = await Promise.all(receipts.map(async (r) => {
        const res = await fetch(`${server.url}${prefix}/tanda-terima/${r}`);
        expect(res.status).toBe(200);
        return (await res.text()).replaceAll(r, 'RPR-XXXX-XXXX');
      }));
      expect(pages[1]).toBe(pages[0]);
    }
  });
});

describe('F11: one form ticket', () => {
  it('counts once, however its time and its MAC are spelled', async () => {
    const address = '198.51.100.82';
    const res = await fetch(`${server.url}/api/units/${UNIT}/form-ticket?purpose=rating`, { headers: { 'x-forwarded-for': address } });
    const { ticket, usableFrom } = (await res.json()) as { ticket: string; usableFrom: string };
    await sleep(Math.max(0, Date.parse(usableFrom) - Date.now()) + 500);
    const [t1, kind, time, nonce, tag] = ticket.split('.') as [string, string, string, string, string];
    const spellings = [
      ticket,
      [t1, kind, `0${time}`, nonce, tag].join('.'),
      [t1, kind, `${time}_`, nonce, tag].join('.'),
      [t1, kind, time.toUpperCase(), nonce, tag].join('.'),
      [t1, kind, time, nonce, `${tag}=`].join('.'),
      [t1, kind, time, nonce, `${tag}==`].join('.'),
    ];
    expect(new Set(spellings).size).toBe(spellings.length);
    const receipts: string[] = [];
    for (const [i, spelling] of spellings.entries()) {
      const sent = await rate(address, { answers: answers(i), ticket: spelling });
      expect(sent.status).toBe(201);
      receipts.push(((await sent.json()) as { receipt: string }).receipt);
    }
    const reasons = exclusions(receipts);
    expect(reasons[0]).toBeNull();
    expect(reasons.filter((r) => r === null)).toHaveLength(1);
  });
});

describe('F13: two-factor enrolment', () => {
  /** A signed-in evaluator's cookie (over HTTP, as the sign-in page does it). */
  async function signIn(): Promise<string> {
    return signInOverHttp(server, 'evaluator@demo.rapor.id', DEMO_PASSWORD, { 'x-forwarded-for': '198.51.100.83' });
  }
  const post = (cookie: string, path: string, body: unknown) => fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url, cookie, 'x-forwarded-for': '198.51.100.83' },
    body: JSON.stringify(body),
  });

  it('needs the current password to start and to enable, not only a session', async () => {
    const stolen = await signIn();
    const withoutPassword = await post(stolen, '/api/auth/2fa/setup', {});
    expect(withoutPassword.status).toBe(400);
    expect(await withoutPassword.json()).toMatchObject({ error: { code: 'reauthentication_required' } });
    const wrong = await post(stolen, '/api/auth/2fa/setup', { password: 'bukan-kata-sandinya' });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ error: { code: 'invalid_credentials' } });

    const started = await post(stolen, '/api/auth/2fa/setup', { password: DEMO_PASSWORD });
    expect(started.status).toBe(200);
    const enableWithout = await post(stolen, '/api/auth/2fa/enable', { code: '123456' });
    expect(enableWithout.status).toBe(400);
    expect(await enableWithout.json()).toMatchObject({ error: { code: 'reauthentication_required' } });
    const status = await fetch(`${server.url}/api/auth/2fa`, { headers: { cookie: stolen } });
    expect(await status.json()).toMatchObject({ enabled: false });
  });
});
