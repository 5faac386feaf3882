// Accounts by mail over real SMTP and HTTP (issue 27 item 2, docs/decisions/061): the real server (server/main.ts, as
// `npm start`) mails a real SMTP server (smtp-server, parsed with mailparser); the test follows the links in the parsed
// mails: invitation → choose a password on /atur-sandi (plain HTML form) → sign in; reset → the new password works, the
// old one does not, the link works once, another session ended; an unknown address gets the same answer and no mail;
// too many requests answer 429 with a code; links come from RAPOR_PUBLIC_URL whatever the request's Host says.
import { request as httpRequest } from 'node:http';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../db/connect.ts';
import { signInOverHttp, signInResponse, startServer, type RunningServer } from '../support/browser.ts';
import { startSmtp, until, type TestSmtp } from '../support/smtp.ts';

const PUBLIC_URL = 'https://rapor.example.go.id';
const ADMIN = 'admin@demo.rapor.id';
const EVALUATOR = 'evaluator.gorontalo@demo.rapor.id';
let smtp: TestSmtp;
let server: RunningServer;
beforeAll(async () => {
  smtp = await startSmtp();
  server = await startServer({ RAPOR_SMTP_URL: smtp.url, RAPOR_MAIL_FROM: 'Rapor <rapor@rapor.example.go.id>', RAPOR_OUTBOX_POLL_MS: '200', RAPOR_PUBLIC_URL: PUBLIC_URL });
}, 120_000);
afterAll(async () => {
  await server?.stop();
  await smtp?.close();
});

const recipientOf = (mail: ParsedMail) => (mail.to && 'text' in mail.to ? mail.to.text : '');
const mailsTo = (to: string) => smtp.received.filter((m) => recipientOf(m) === to);
/** Waits for the `n`th mail to `to` and answers it with the /atur-sandi link of its text. */
async function nthMailTo(to: string, n: number) {
  await until(() => mailsTo(to).length >= n, `mail ${n} to ${to}`);
  const mail = mailsTo(to)[n - 1]!;
  const link = /https?:\/\/\S+\/atur-sandi\?token=[\w-]+/.exec(mail.text ?? '')?.[0];
  return { mail, link: link! };
}
/** The link's path on the server under test (the mail's base is RAPOR_PUBLIC_URL, the portal behind its proxy). */
const local = (link: string) => {
  const u = new URL(link);
  return `${server.url}${u.pathname}${u.search}`;
};
const json = (method: string, path: string, body: unknown, cookie?: string) => fetch(`${server.url}${path}`, {
  method, redirect: 'manual',
  headers: { 'content-type': 'application/json', origin: server.url, ...(cookie ? { cookie } : {}) },
  body: JSON.stringify(body),
});
const form = (path: string, fields: Record<string, string>) => fetch(`${server.url}${path}`, {
  method: 'POST', redirect: 'manual',
  headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url },
  body: new URLSearchParams(fields).toString(),
});
const tokenOf = (link: string) => new URL(link).searchParams.get('token')!;

describe('accounts by mail against the real server and a real SMTP server', () => {
  it('an invitation mail links to /atur-sandi, whose plain form sets the password once; then the account signs in', async () => {
    const admin = await signInOverHttp(server, ADMIN);
    const invitee = 'petugas.undangan@example.go.id';
    const made = await json('POST', '/api/admin/users', { email: invitee, name: 'Petugas Undangan', role: 'evaluator', unitSlug: null, regionCode: '75' }, admin);
    expect(made.status, await made.clone().text()).toBe(201);
    const { mail, link } = await nthMailTo(invitee, 1);
    expect(mail.subject).toBe('Undangan akun Rapor');
    expect(mail.headers.get('content-language')).toBe('id');
    expect(link.startsWith(`${PUBLIC_URL}/atur-sandi?token=`)).toBe(true);
    expect(mail.html).toContain(link.replace(/&/g, '&amp;'));

    const page = await fetch(local(link));
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('action="/api/auth/password"');
    expect(html).toContain(`value="${tokenOf(link)}"`);
    // Without JavaScript: a refused post is the page again with its message, the link still unspent.
    const mismatch = await form('/api/auth/password', { lang: 'id', token: tokenOf(link), password: 'kalimat sandi undangan', passwordAgain: 'kalimat lain' });
    expect(mismatch.status).toBe(400);
    expect(await mismatch.text()).toContain('Kedua kata sandi tidak sama');
    const saved = await form('/api/auth/password', { lang: 'id', token: tokenOf(link), password: 'kalimat sandi undangan', passwordAgain: 'kalimat sandi undangan' });
    expect([saved.status, saved.headers.get('location')]).toEqual([303, '/atur-sandi?selesai=1']);
    expect((await signInResponse(server, invitee, 'kalimat sandi undangan')).status).toBe(200);
    const again = await fetch(local(link));
    expect(again.status).toBe(410);
    expect(await again.text()).toContain('Tautan ini sudah dipakai');
  });

  it('a reset: the same answer and no mail for an unknown address; the link ends another session, works once; new password in, old out', async () => {
    const other = await signInOverHttp(server, EVALUATOR);
    expect((await fetch(`${server.url}/api/auth/me`, { headers: { cookie: other } })).status).toBe(200);
    const unknown = await json('POST', '/api/auth/password-reset', { email: 'tidak.ada@example.go.id' });
    const known = await json('POST', '/api/auth/password-reset', { email: EVALUATOR });
    const [u, k] = [[unknown.status, await unknown.text()], [known.status, await known.text()]];
    expect(u[0]).toBe(202);
    expect(k).toEqual(u);
    const { mail, link } = await nthMailTo(EVALUATOR, 1);
    expect(mail.subject).toBe('Atur ulang kata sandi Rapor');
    expect(link.startsWith(`${PUBLIC_URL}/atur-sandi?token=`)).toBe(true);
    // The unknown address's request came first: had it queued a mail, it would be in the outbox and sent by now.
    expect(mailsTo('tidak.ada@example.go.id')).toHaveLength(0);
    const check = connect(server.dbFile);
    try {
      expect(await check.db.selectFrom('outbox').select('id').where('recipient', '=', 'tidak.ada@example.go.id').execute()).toHaveLength(0);
    } finally {
      await check.close();
    }

    const set = await json('POST', '/api/auth/password', { token: tokenOf(link), password: 'sandi baru evaluator' });
    expect(set.status).toBe(200);
    expect((await fetch(`${server.url}/api/auth/me`, { headers: { cookie: other } })).status).toBe(401);
    expect((await signInResponse(server, EVALUATOR)).status).toBe(401);
    expect((await signInResponse(server, EVALUATOR, 'sandi baru evaluator')).status).toBe(200);
    const twice = await json('POST', '/api/auth/password', { token: tokenOf(link), password: 'sandi ketiga evaluator' });
    expect([twice.status, ((await twice.json()) as { error: { code: string } }).error.code]).toEqual([410, 'token_used']);
    expect((await signInResponse(server, EVALUATOR, 'sandi ketiga evaluator')).status).toBe(401);
  });

  it('a reset asked with a forged Host still links to RAPOR_PUBLIC_URL; the plain form lands on the same notice for every address', async () => {
    const staff = 'evaluator@demo.rapor.id';
    const body = new URLSearchParams({ lang: 'id', email: staff }).toString();
    const port = new URL(server.url).port;
    const status = await new Promise<{ status: number; location: string | undefined }>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path: '/api/auth/password-reset', method: 'POST', headers: {
        host: 'evil.example', origin: 'http://evil.example', 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body),
      } }, (res) => {
        res.resume();
        resolve({ status: res.statusCode!, location: res.headers.location });
      });
      req.on('error', reject);
      req.end(body);
    });
    expect(status).toEqual({ status: 303, location: '/lupa-sandi?terkirim=1' });
    const { link } = await nthMailTo(staff, 1);
    expect(new URL(link).origin).toBe(PUBLIC_URL);
    const unknown = await form('/api/auth/password-reset', { lang: 'id', email: 'siapa.pun@example.go.id' });
    expect([unknown.status, unknown.headers.get('location')]).toEqual([303, '/lupa-sandi?terkirim=1']);
    const notice = await fetch(`${server.url}/lupa-sandi?terkirim=1`);
    expect(notice.status).toBe(200);
    expect(await notice.text()).toContain('Jika alamat itu milik sebuah akun, tautan sudah dikirim');
  });

  it('answers 429 too_many_reset_requests with Retry-After past 3 requests an hour for one address', async () => {
    const answers: number[] = [];
    for (let i = 0; i < 4; i++) answers.push((await json('POST', '/api/auth/password-reset', { email: 'banjir@example.go.id' })).status);
    expect(answers).toEqual([202, 202, 202, 429]);
    const refused = await json('POST', '/api/auth/password-reset', { email: 'BANJIR@example.go.id' });
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('too_many_reset_requests');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
