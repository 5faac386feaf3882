// API.md "Submitting a rating": validation, idempotency, redaction, visit codes and the rollup in one transaction.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { issueVisitCodes } from '../../db/queries/visit-codes.ts';
import { MASKS } from '../../core/domain/redaction.ts';
import { FIXTURE, testApp } from '../support/db.ts';

type TestApp = Awaited<ReturnType<typeof testApp>>;
let t: TestApp;
beforeEach(async () => {
  t = await testApp();
});
afterEach(async () => {
  await t.close();
});

const ANSWERS = { U1: 4, U2: 3, U3: 2, U4: 4, U5: 3, U6: 4, U7: 4, U8: 3, U9: 3 };

function body(overrides: Record<string, unknown> = {}) {
  return {
    idempotencyKey: crypto.randomUUID(),
    service: FIXTURE.ktp,
    answers: { ...ANSWERS },
    respondent: { gender: 'P', age: 34, education: 'D4-S1', occupation: 'Wirausaha' },
    comment: 'Antrian cepat, tapi ruang tunggu panas.',
    channel: 'qr',
    ...overrides,
  };
}

function post(payload: unknown, slug = FIXTURE.gorontaloUnit, headers: Record<string, string> = {}) {
  return t.app.request(`/api/units/${slug}/ratings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });
}

async function rollups() {
  return t.db.selectFrom('score_daily').selectAll().orderBy('local_date').execute();
}

describe('POST /api/units/{slug}/ratings', () => {
  it('stores a valid rating, answers 201 with a receipt, and adds it to the day rollup', async () => {
    const res = await post(body());
    expect(res.status).toBe(201);
    const ack = (await res.json()) as { id: string; receipt: string; status: string };
    expect(ack.status).toBe('accepted');
    expect(ack.receipt).toMatch(/^RPR-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const row = await t.db.selectFrom('responses').selectAll().where('id', '=', ack.id).executeTakeFirstOrThrow();
    expect([row.u1, row.u2, row.u3, row.u4, row.u5, row.u6, row.u7, row.u8, row.u9]).toEqual([4, 3, 2, 4, 3, 4, 4, 3, 3]);
    expect(row.service_id).toBe('s-ktp');
    expect(row.channel).toBe('qr');
    expect(row.local_date).toBe('2026-08-10');
    const [r] = await rollups();
    expect(r).toMatchObject({ n: 1, sum_u3: 2, sum_total: 30, sum_total_sq: 900, n_verified: 0 });
    const monthly = await t.db.selectFrom('score_monthly').selectAll().execute();
    expect(monthly).toEqual([expect.objectContaining({ month: '2026-08', n: 1, sum_u3: 2, sum_total: 30, sum_total_sq: 900 })]);
  });

  it('counts a retry with the same idempotency key once and answers 200 with the first receipt', async () => {
    const payload = body();
    const first = await post(payload);
    const again = await post(payload);
    const third = await post({ ...payload, answers: { ...ANSWERS, U1: 1 } });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(third.status).toBe(200);
    const a = await first.json();
    expect(await again.json()).toEqual(a);
    expect(await third.json()).toEqual(a);
    const count = await t.db.selectFrom('responses').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
    expect((await rollups())[0]?.n).toBe(1);
    expect((await t.db.selectFrom('score_monthly').select('n').executeTakeFirstOrThrow()).n).toBe(1);
  });

  it('treats the same key at another unit as a different rating', async () => {
    const payload = body();
    expect((await post(payload)).status).toBe(201);
    expect((await post({ ...payload, service: undefined }, FIXTURE.palembangUnit)).status).toBe(201);
  });

  it('stores the redacted comment, never the original', async () => {
    const res = await post(body({ comment: 'Hubungi saya 0812-3456-7890 atau budi@gmail.com, NIK 7571014509880002' }));
    const { id } = (await res.json()) as { id: string };
    const row = await t.db.selectFrom('responses').select('comment').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.comment).toBe(`Hubungi saya ${MASKS.phone} atau ${MASKS.email}, NIK ${MASKS.nik}`);
  });

  it('dates a rating at 00:30 WITA on 1 April on that local day (16:30 UTC on 31 March)', async () => {
    t.clock.now = new Date('2026-03-31T16:30:00Z');
    await post(body());
    await post(body({ service: undefined }), FIXTURE.palembangUnit);
    const rows = await t.db.selectFrom('responses').select(['unit_id', 'local_date', 'local_hour']).orderBy('unit_id').execute();
    expect(rows).toEqual([
      { unit_id: 'u-gtlo', local_date: '2026-04-01', local_hour: 0 },
      { unit_id: 'u-plaju', local_date: '2026-03-31', local_hour: 23 },
    ]);
  });

  it('uses the only service of a single-service unit when none is named', async () => {
    const res = await post(body({ service: undefined }), FIXTURE.palembangUnit);
    expect(res.status).toBe(201);
    const row = await t.db.selectFrom('responses').select('service_id').executeTakeFirstOrThrow();
    expect(row.service_id).toBe('s-leg');
  });

  it('marks a rating with an unused visit code verified and spends the code', async () => {
    const [code] = await issueVisitCodes(t.db, t.ids.gorontaloId, 1);
    const res = await post(body({ visitCode: code!.toLowerCase() }));
    expect(res.status).toBe(201);
    expect(((await res.json()) as { status: string }).status).toBe('verified');
    expect((await rollups())[0]).toMatchObject({ n: 1, n_verified: 1, v_sum_total: 30 });

    const spent = await post(body({ visitCode: code }));
    expect(spent.status).toBe(409);
    expect(await spent.json()).toMatchObject({ error: { code: 'visit_code_spent', fields: { visitCode: expect.any(String) } } });
  });

  it('refuses an unknown visit code with 409 and stores nothing', async () => {
    const res = await post(body({ visitCode: 'K7Q2-MX4D' }));
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: { code: 'visit_code_unknown' } });
    expect(await rollups()).toEqual([]);
  });

  it('answers 404 for an unknown unit or service', async () => {
    const unit = await post(body(), 'tidak-ada');
    expect(unit.status).toBe(404);
    expect(await unit.json()).toMatchObject({ error: { code: 'unit_not_found' } });
    const bad = await post(body(), 'Not%20A%20Slug');
    expect(bad.status).toBe(404);
    const service = await post(body({ service: 'tidak-ada' }));
    expect(service.status).toBe(404);
    expect(await service.json()).toMatchObject({ error: { code: 'service_not_found', fields: { service: expect.any(String) } } });
  });

  it('answers 415 for a body that is not JSON', async () => {
    const res = await t.app.request(`/api/units/${FIXTURE.gorontaloUnit}/ratings`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify(body()),
    });
    expect(res.status).toBe(415);
    expect(await res.json()).toMatchObject({ error: { code: 'unsupported_media_type' } });
  });

  it('answers 413 for a body over 16 KiB, even when it is valid JSON', async () => {
    const res = await post(body({ comment: 'a'.repeat(17 * 1024) }));
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: 'payload_too_large' } });
  });

  it.each([
    ['{', 'malformed JSON'],
    ['', 'an empty body'],
    ['[1,2]', 'a JSON array'],
    ['"text"', 'a JSON string'],
    ['null', 'JSON null'],
  ])('answers 400 for %j (%s)', async (raw) => {
    const res = await post(raw);
    expect(res.status).toBe(400);
    const json = (await res.json()) as { error: { code: string; message: string } };
    expect(['malformed_json', 'validation_failed']).toContain(json.error.code);
    expect(json.error.message).not.toMatch(/at .*\.ts/);
  });
});

// Every field's bad values give 400 with that field named (API.md field rules).
const badValues: [string, Record<string, unknown>, string][] = [
  ['idempotencyKey', { idempotencyKey: undefined }, 'idempotencyKey'],
  ['idempotencyKey', { idempotencyKey: 'not-a-uuid' }, 'idempotencyKey'],
  ['idempotencyKey', { idempotencyKey: 12345 }, 'idempotencyKey'],
  ['answers', { answers: undefined }, 'answers.U1'],
  ['answers', { answers: 'semua baik' }, 'answers'],
  ['service', { service: 'Bukan Slug!' }, 'service'],
  ['service', { service: 7 }, 'service'],
  ['respondent', { respondent: 'P' }, 'respondent'],
  ['respondent.gender', { respondent: { gender: 'X' } }, 'respondent.gender'],
  ['respondent.age', { respondent: { age: 14 } }, 'respondent.age'],
  ['respondent.age', { respondent: { age: 101 } }, 'respondent.age'],
  ['respondent.age', { respondent: { age: 30.5 } }, 'respondent.age'],
  ['respondent.age', { respondent: { age: '34' } }, 'respondent.age'],
  ['respondent.education', { respondent: { education: 'SMK' } }, 'respondent.education'],
  ['respondent.occupation', { respondent: { occupation: 'Petani' } }, 'respondent.occupation'],
  ['comment', { comment: 'x'.repeat(2001) }, 'comment'],
  ['comment', { comment: 42 }, 'comment'],
  ['visitCode', { visitCode: 'ABC' }, 'visitCode'],
  ['visitCode', { visitCode: 12345678 }, 'visitCode'],
  ['channel', { channel: 'sms' }, 'channel'],
];
for (const code of ['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9']) {
  for (const bad of [0, 5, 2.5, '3', null, undefined, -1]) {
    badValues.push([`answers.${code}`, { answers: { ...ANSWERS, [code]: bad } }, `answers.${code}`]);
  }
}

describe('the validation matrix', () => {
  it.each(badValues)('a bad %s (%j) gives 400 naming %s', async (_field, override, named) => {
    const res = await post(body(override));
    expect(res.status).toBe(400);
    const json = (await res.json()) as { error: { code: string; fields: Record<string, string> } };
    expect(json.error.code).toBe('validation_failed');
    expect(Object.keys(json.error.fields)).toContain(named);
    expect(await rollups()).toEqual([]);
  });

  it('accepts a rating with nothing but the key and the nine answers', async () => {
    const res = await post({ idempotencyKey: crypto.randomUUID(), answers: ANSWERS });
    expect(res.status).toBe(201);
  });

  it("accepts the contract's example spelling of education (S1) and stores the SKM level D4-S1", async () => {
    const res = await post(body({ respondent: { education: 'S1' } }));
    expect(res.status).toBe(201);
    const row = await t.db.selectFrom('responses').select('education').executeTakeFirstOrThrow();
    expect(row.education).toBe('D4-S1');
  });
});
