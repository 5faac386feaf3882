// Issue 24 F6, over a real socket against `npm start`'s server: staff could mint unlimited visit codes (count 500,
// again and again) and verify ratings of no visit with them. Codes per unit and day are capped by what the unit serves
// (an administrator sets the cap), and the scores say how many codes were issued against how many were used.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, reportSkip, signInOverHttp, startServer, type RunningServer } from '../support/browser.ts';

reportSkip('visit code cap (uses the same server helper as the browser tests)');

const UNIT = 'samsat-kota-gorontalo';
let server: RunningServer;
beforeAll(async () => {
  if (hasChromium) server = await startServer({ RAPOR_DEMO: 'on', RAPOR_TRUST_PROXY: '1' });
}, 180_000);
afterAll(async () => {
  await server?.stop();
});

const signIn = (email: string) => signInOverHttp(server, email);

const send = (cookie: string, method: string, path: string, body?: object) =>
  fetch(`${server.url}${path}`, { method, headers: { cookie, origin: server.url, 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });

interface Scores { nVerified: number; ikmVerified: number | null; visitCodesIssued?: number; visitCodesUsed?: number }
const scores = async (): Promise<Scores> => (await (await fetch(`${server.url}/api/units/${UNIT}/scores?period=2026-Q4`)).json()) as Scores;

describe.skipIf(!hasChromium)('visit codes per unit and day', () => {
  it('refuses staff minting past the day’s cap with 409 visit_code_cap_reached, and the scores report codes issued and used', async () => {
    const staff = await signIn(`staff.${UNIT}@demo.rapor.id`);
    const before = await scores();

    // The attack of the finding: batches of 500, repeated.
    let minted = 0;
    const refusals: { status: number; code: string }[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await send(staff, 'POST', `/api/staff/units/${UNIT}/visit-codes`, { count: 500 });
      const body = (await res.json()) as { codes?: string[]; error?: { code: string } };
      if (res.status === 201) minted += body.codes!.length;
      else refusals.push({ status: res.status, code: body.error!.code });
    }
    console.log(`[F6] staff asked for 3 × 500 codes: ${minted} issued, ${refusals.length} refused`);
    expect(refusals).toEqual([{ status: 409, code: 'visit_code_cap_reached' }, { status: 409, code: 'visit_code_cap_reached' }, { status: 409, code: 'visit_code_cap_reached' }]);

    // The administrator's cap holds exactly: 5 a day, all issued, the sixth refused.
    const admin = await signIn('admin@demo.rapor.id');
    const set = await send(admin, 'PUT', `/api/admin/units/${UNIT}/limits`, { visitCodesPerDay: 5 });
    expect(set.status).toBe(200);
    expect(((await set.json()) as { applied: { visitCodesPerDay: number } }).applied.visitCodesPerDay).toBe(5);
    const five = await send(staff, 'POST', `/api/staff/units/${UNIT}/visit-codes`, { count: 5 });
    expect(five.status).toBe(201);
    const { codes } = (await five.json()) as { codes: string[] };
    const sixth = await send(staff, 'POST', `/api/staff/units/${UNIT}/visit-codes`, { count: 1 });
    expect([sixth.status, ((await sixth.json()) as { error: { code: string } }).error.code]).toEqual([409, 'visit_code_cap_reached']);
    // Staff cannot raise their own cap.
    expect((await send(staff, 'PUT', `/api/admin/units/${UNIT}/limits`, { visitCodesPerDay: 500 })).status).toBe(403);

    // Two of the five codes are used by residents.
    for (const [i, code] of codes.slice(0, 2).entries()) {
      const res = await fetch(`${server.url}/api/units/${UNIT}/ratings`, {
        method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': `198.51.100.${10 + i}` },
        body: JSON.stringify({ idempotencyKey: crypto.randomUUID(), service: 'pkb-tahunan', visitCode: code, answers: { U1: 3, U2: 4, U3: 3, U4: 3, U5: 4, U6: 3, U7: 3, U8: 4, U9: 3 - i } }),
      });
      expect(res.status).toBe(201);
    }
    const after = await scores();
    console.log(`[F6] 2026-Q4 scores: nVerified ${before.nVerified} → ${after.nVerified}, codes issued ${before.visitCodesIssued} → ${after.visitCodesIssued}, used ${before.visitCodesUsed} → ${after.visitCodesUsed}`);
    expect(typeof before.visitCodesIssued).toBe('number');
    expect(after.visitCodesIssued! - before.visitCodesIssued!).toBe(minted + 5);
    expect(after.visitCodesUsed! - before.visitCodesUsed!).toBe(2);
  });
});
