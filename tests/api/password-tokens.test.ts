// Accounts by mail, in process (issue 27 item 2, docs/decisions/061): the invitation replaces an administrator-typed
// password; the links of invitations and resets are stored hashed, work once, expire, and every refusal has a status and
// a code; a reset request answers the same for every address and is throttled; a reset or a change ends the other
// sessions. tests/mail/accounts-by-mail.test.ts follows the same links over real SMTP and HTTP.
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACCOUNTS, FIXTURE, TEST_PASSWORD, insertFixtureUsers, signIn, testApp } from '../support/db.ts';

type TestApp = Awaited<ReturnType<typeof testApp>>;
let t: TestApp;
let admin: string;
const START = new Date('2026-08-10T03:00:00.000Z');
beforeEach(async () => {
  t = await testApp(new Date(START));
  await insertFixtureUsers(t.db);
  admin = await signIn(t.app, ACCOUNTS.admin);
});
afterEach(async () => {
  await t.close();
});

function send(method: string, path: string, body?: unknown, cookie?: string, peer?: string) {
  return t.app.request(`/api${path}`, {
    method,
    headers: { origin: 'http://localhost', ...(cookie ? { cookie } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  }, peer ? { incoming: { socket: { remoteAddress: peer } } } : undefined);
}
const code = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The newest mail queued for `to`, and the token of its /atur-sandi link. */
async function lastMail(to: string) {
  const row = await t.db.selectFrom('outbox').selectAll().where('recipient', '=', to).orderBy('created_at', 'desc').orderBy('id', 'desc').executeTakeFirstOrThrow();
  const token = /\/atur-sandi\?token=([A-Za-z0-9_-]+)/.exec(row.text)?.[1];
  return { ...row, token: token! };
}
const mailCount = async (to: string) => (await t.db.selectFrom('outbox').select('id').where('recipient', '=', to).execute()).length;

const invitee = { email: 'petugas.baru@uji.rapor.id', name: 'Petugas Baru', role: 'staff', unitSlug: FIXTURE.palembangUnit, regionCode: null };

describe('an invitation', () => {
  it('takes no password from the administrator and mails a single-use link valid 72 hours, storing only its hash', async () => {
    const typed = await send('POST', '/admin/users', { ...invitee, password: 'sandi-baru-123' }, admin);
    expect(typed.status).toBe(400);
    expect(await code(typed)).toBe('password_not_accepted');
    const res = await send('POST', '/admin/users', invitee, admin);
    expect(res.status).toBe(201);
    const made = (await res.json()) as { id: string; invitation: { expiresAt: string } };
    expect(made.invitation.expiresAt).toBe(new Date(START.getTime() + 72 * 3600_000).toISOString());
    const mail = await lastMail(invitee.email);
    expect([mail.kind, mail.language, mail.subject]).toEqual(['account-invite', 'id', 'Undangan akun Rapor']);
    expect(mail.text).toContain('Yth. Petugas Baru,');
    expect(mail.html).toContain(`/atur-sandi?token=${mail.token}`);
    const rows = await t.db.selectFrom('account_tokens').selectAll().where('user_id', '=', made.id).execute();
    expect(rows.map((r) => [r.purpose, r.token_hash, r.used_at])).toEqual([['invite', sha256(mail.token), null]]);
    expect(JSON.stringify(rows)).not.toContain(mail.token);
    // Before the link is used, no password signs in.
    expect((await send('POST', '/auth/login', { email: invitee.email, password: 'sandi-baru-123' })).status).toBe(401);
  });

  it('sets the password once; the link is then 410 token_used, an unknown one 404 token_unknown, a late one 410 token_expired', async () => {
    await send('POST', '/admin/users', invitee, admin);
    const { token } = await lastMail(invitee.email);
    const short = await send('POST', '/auth/password', { token, password: 'pendek' });
    expect([short.status, await code(short)]).toEqual([400, 'validation_failed']);
    const set = await send('POST', '/auth/password', { token, password: 'kalimat sandi saya' });
    expect(set.status).toBe(200);
    expect(await signIn(t.app, invitee.email, 'kalimat sandi saya')).toMatch(/^rapor_session=/);
    const again = await send('POST', '/auth/password', { token, password: 'kalimat sandi lain' });
    expect([again.status, await code(again)]).toEqual([410, 'token_used']);
    for (const unknown of ['A'.repeat(43), 'bukan token!', token.slice(0, -1)]) {
      const res = await send('POST', '/auth/password', { token: unknown, password: 'kalimat sandi lain' });
      expect([unknown, res.status, await code(res)]).toEqual([unknown, 404, 'token_unknown']);
    }
    await send('POST', '/admin/users', { ...invitee, email: 'telat@uji.rapor.id' }, admin);
    const late = await lastMail('telat@uji.rapor.id');
    t.clock.now = new Date(START.getTime() + 72 * 3600_000);
    const expired = await send('POST', '/auth/password', { token: late.token, password: 'kalimat sandi saya' });
    expect([expired.status, await code(expired)]).toEqual([410, 'token_expired']);
  });

  it('refuses the link of a disabled account with 403 account_disabled', async () => {
    const made = (await (await send('POST', '/admin/users', invitee, admin)).json()) as { id: string };
    expect((await send('PATCH', `/admin/users/${made.id}`, { disabled: true }, admin)).status).toBe(200);
    const res = await send('POST', '/auth/password', { token: (await lastMail(invitee.email)).token, password: 'kalimat sandi saya' });
    expect([res.status, await code(res)]).toEqual([403, 'account_disabled']);
  });
});

describe('a password reset', () => {
  it('answers the same status and body for a known, an unknown and a disabled address, and mails only the known one', async () => {
    await t.db.updateTable('users').set({ disabled_at: START.toISOString() }).where('email', '=', ACCOUNTS.evaluatorNational).execute();
    const answers = [];
    for (const email of [ACCOUNTS.staffGorontalo, 'tidak.ada@uji.rapor.id', ACCOUNTS.evaluatorNational]) {
      const res = await send('POST', '/auth/password-reset', { email });
      answers.push([res.status, await res.text()]);
    }
    expect(answers[0]![0]).toBe(202);
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    expect([await mailCount(ACCOUNTS.staffGorontalo), await mailCount('tidak.ada@uji.rapor.id'), await mailCount(ACCOUNTS.evaluatorNational)]).toEqual([1, 0, 0]);
    const mail = await lastMail(ACCOUNTS.staffGorontalo);
    expect([mail.kind, mail.subject]).toEqual(['account-reset', 'Atur ulang kata sandi Rapor']);
    const row = await t.db.selectFrom('account_tokens').selectAll().where('token_hash', '=', sha256(mail.token)).executeTakeFirstOrThrow();
    expect([row.purpose, row.expires_at]).toEqual(['reset', new Date(START.getTime() + 3600_000).toISOString()]);
    const bad = await send('POST', '/auth/password-reset', { email: 'bukan alamat' });
    expect([bad.status, await code(bad)]).toEqual([400, 'validation_failed']);
  });

  it('answers 429 too_many_reset_requests with Retry-After past 3 an hour per address and 10 an hour per client, known or not', async () => {
    for (const email of [ACCOUNTS.staffPlaju, 'tidak.ada@uji.rapor.id']) {
      for (let i = 0; i < 3; i++) expect((await send('POST', '/auth/password-reset', { email })).status).toBe(202);
      const res = await send('POST', '/auth/password-reset', { email: email.toUpperCase() });
      expect([email, res.status, await code(res)]).toEqual([email, 429, 'too_many_reset_requests']);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect(await mailCount(ACCOUNTS.staffPlaju)).toBe(3);
    const peer = '203.0.113.9';
    for (let i = 0; i < 10; i++) expect((await send('POST', '/auth/password-reset', { email: `orang${i}@uji.rapor.id` }, undefined, peer)).status).toBe(202);
    const res = await send('POST', '/auth/password-reset', { email: 'orang10@uji.rapor.id' }, undefined, peer);
    expect([res.status, await code(res)]).toEqual([429, 'too_many_reset_requests']);
    expect((await send('POST', '/auth/password-reset', { email: 'orang10@uji.rapor.id' }, undefined, '203.0.113.10')).status).toBe(202);
  });

  it('ends every session of the account and spends its older links; the old password no longer signs in', async () => {
    const session = await signIn(t.app, ACCOUNTS.staffGorontalo);
    await send('POST', '/auth/password-reset', { email: ACCOUNTS.staffGorontalo });
    const older = (await lastMail(ACCOUNTS.staffGorontalo)).token;
    t.clock.now = new Date(START.getTime() + 1000);
    await send('POST', '/auth/password-reset', { email: ACCOUNTS.staffGorontalo });
    const newer = (await lastMail(ACCOUNTS.staffGorontalo)).token;
    expect(newer).not.toBe(older);
    expect((await send('POST', '/auth/password', { token: newer, password: 'sandi baru gorontalo' })).status).toBe(200);
    expect((await send('GET', '/auth/me', undefined, session)).status).toBe(401);
    const old = await send('POST', '/auth/password', { token: older, password: 'sandi lain gorontalo' });
    expect([old.status, await code(old)]).toEqual([410, 'token_used']);
    expect((await send('POST', '/auth/login', { email: ACCOUNTS.staffGorontalo, password: TEST_PASSWORD })).status).toBe(401);
    expect((await send('POST', '/auth/login', { email: ACCOUNTS.staffGorontalo, password: 'sandi baru gorontalo' })).status).toBe(200);
  });
});

describe('changing one\'s own password', () => {
  it('needs the current password (401 invalid_credentials), keeps this session and ends the others', async () => {
    const here = await signIn(t.app, ACCOUNTS.evaluatorGorontalo);
    const elsewhere = await signIn(t.app, ACCOUNTS.evaluatorGorontalo);
    const anonymous = await send('PUT', '/auth/password', { currentPassword: TEST_PASSWORD, password: 'sandi baru evaluator' });
    expect([anonymous.status, await code(anonymous)]).toEqual([401, 'not_signed_in']);
    const wrong = await send('PUT', '/auth/password', { currentPassword: 'salah-salah-salah', password: 'sandi baru evaluator' }, here);
    expect([wrong.status, await code(wrong)]).toEqual([401, 'invalid_credentials']);
    const short = await send('PUT', '/auth/password', { currentPassword: TEST_PASSWORD, password: 'pendek' }, here);
    expect([short.status, await code(short)]).toEqual([400, 'validation_failed']);
    const ok = await send('PUT', '/auth/password', { currentPassword: TEST_PASSWORD, password: 'sandi baru evaluator' }, here);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ passwordChanged: true, otherSessionsEnded: 1 });
    expect((await send('GET', '/auth/me', undefined, here)).status).toBe(200);
    expect((await send('GET', '/auth/me', undefined, elsewhere)).status).toBe(401);
    expect((await send('POST', '/auth/login', { email: ACCOUNTS.evaluatorGorontalo, password: TEST_PASSWORD })).status).toBe(401);
    expect((await send('POST', '/auth/login', { email: ACCOUNTS.evaluatorGorontalo, password: 'sandi baru evaluator' })).status).toBe(200);
  });
});
