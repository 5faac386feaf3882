// The unit staff's digest over a real SMTP server and the real server over HTTP (issue 27 item 3, decision 062): the
// scheduler's digest for dpmptsp-kota-gorontalo shows the open quarter's IKM the scores route answers; a restart sends
// no digest twice (digest_window_to); the mail's List-Unsubscribe POST (RFC 8058) turns the digest off and the next
// run skips the address; the run route and `npm run notify` queue digests the server's worker delivers.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePeriodCode, periodCodeOf } from '../../core/domain/periods.ts';
import { todayIn } from '../../core/domain/time-zones.ts';
import { fmtNumber } from '../../core/i18n/format.ts';
import { connect } from '../../db/connect.ts';
import { outboxCounts } from '../../db/queries/outbox.ts';
import { demoTemplate, signInOverHttp, startServer, type RunningServer } from '../support/browser.ts';
import { startSmtp, until, type TestSmtp } from '../support/smtp.ts';

const SLUG = 'dpmptsp-kota-gorontalo';
const STAFF = `staff.${SLUG}@demo.rapor.id`;
const FROM = 'Rapor <rapor@rapor.example.go.id>';

let smtp: TestSmtp;
let server: RunningServer | undefined;
const dir = mkdtempSync(join(tmpdir(), 'rapor-digests-'));
const dbFile = join(dir, 'rapor.db');
let env: Record<string, string>;

beforeAll(async () => {
  smtp = await startSmtp();
  copyFileSync(await demoTemplate(), dbFile);
  env = { RAPOR_SMTP_URL: smtp.url, RAPOR_MAIL_FROM: FROM, RAPOR_MAIL_DIR: join(dir, 'mail'), RAPOR_OUTBOX_POLL_MS: '100', RAPOR_DIGEST_POLL_MS: '200' };
});
afterAll(async () => {
  await server?.stop();
  await smtp.close();
  rmSync(dir, { recursive: true, force: true });
});

const to = (m: ParsedMail) => (m.to && 'text' in m.to ? m.to.text : '');
/** Digests only (the same start may send follow-up alerts for items of the demo world that just became overdue). */
const digests = () => smtp.received.filter((m) => /^Ringkasan /.test(m.subject ?? ''));
const mailsTo = (address: string) => digests().filter((m) => to(m) === address);
/** The first pass of a server's digest scheduler has run and queued what was due. */
const firstPass = (s: RunningServer) => /Ringkasan \/ digests: (\d+) queued/.exec(s.output());
async function allSent(): Promise<void> {
  const check = connect(dbFile);
  try {
    await until(async () => (await outboxCounts(check.db)).pending === 0, 'every queued mail to be sent');
  } finally {
    await check.close();
  }
}

describe('the weekly digest of unit staff, on the real server', () => {
  it('sends each staff account its digest once at start, with the open quarter’s IKM the scores route answers, and not again after a restart', async () => {
    server = await startServer(env, { dbFile, keepFiles: true });
    await until(() => firstPass(server!) !== null, 'the scheduler’s first pass');
    expect(Number(firstPass(server)![1])).toBeGreaterThan(0);
    await allSent();
    const [digest] = mailsTo(STAFF);
    expect(mailsTo(STAFF)).toHaveLength(1);
    const quarter = parsePeriodCode(periodCodeOf(todayIn('Asia/Makassar'), 'quarter'));
    const scores = await (await fetch(`${server.url}/api/units/${SLUG}/scores?period=${quarter.code}`)).json() as { ikm: number | null; n: number };
    expect(typeof scores.ikm).toBe('number');
    expect(digest!.text).toContain(`- IKM: ${fmtNumber('id', scores.ikm)}`);
    expect(digest!.text).toMatch(/Ringkasan ini mencakup \d+ \w+ \d{4} sampai \d+ \w+ \d{4}\./);
    expect(digest!.subject).toMatch(/^Ringkasan mingguan DPMPTSP/);
    const perAddress = new Map<string, number>();
    for (const m of digests()) perAddress.set(to(m), (perAddress.get(to(m)) ?? 0) + 1);
    expect([...perAddress.values()].every((n) => n === 1)).toBe(true);
    const before = smtp.received.length;

    await server.stop();
    server = await startServer(env, { dbFile, keepFiles: true });
    await until(() => firstPass(server!) !== null, 'the restarted scheduler’s first pass');
    expect(firstPass(server)![1]).toBe('0');
    await allSent();
    expect(smtp.received.length).toBe(before);
  }, 240_000);

  it('unsubscribes by the mail’s one-click POST (a GET only asks), after which the run route skips the address; the CLI queues what the worker sends', async () => {
    const [digest] = mailsTo(STAFF);
    const line = digest!.headerLines.find((h) => h.key === 'list-unsubscribe')!.line;
    const link = /<(.+)>/.exec(line)![1]!;
    expect(digest!.headerLines.find((h) => h.key === 'list-unsubscribe-post')!.line).toMatch(/List-Unsubscribe=One-Click$/);
    // Made from the portal's own local address (no RAPOR_PUBLIC_URL here; the first server's port): followed on this one.
    expect(link).toMatch(/^http:\/\/localhost:\d+\/api\/notifications\/unsubscribe\?token=u1\./);
    const local = server!.url + new URL(link).pathname + new URL(link).search;
    // Opening the link shows the question and a button; nothing changes.
    const page = await fetch(local);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('data-testid="unsubscribe-button"');
    expect(html).toContain(STAFF);
    // The mail client's RFC 8058 POST: no session, no Origin.
    const post = await fetch(local, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(await post.json()).toEqual({ unsubscribed: true, kind: 'unit-digest', changed: true });
    expect(await (await fetch(local)).text()).toContain('data-testid="unsubscribed"');
    // The preferences on /akun (a plain form) show it off; the account turns it on again there, without JavaScript.
    const staffCookie = await signInOverHttp(server!, STAFF);
    const akun = await (await fetch(`${server!.url}/akun`, { headers: { cookie: staffCookie } })).text();
    expect(akun).toMatch(/<select id="notif-unit-digest" name="unit-digest"[^>]*>.*<option value="off" selected>/s);
    const saved = await fetch(`${server!.url}/api/account/notifications`, {
      method: 'POST', redirect: 'manual', body: 'lang=id&unit-digest=weekly',
      headers: { cookie: staffCookie, origin: server!.url, 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect([saved.status, saved.headers.get('location')]).toEqual([303, '/akun?pemberitahuan=tersimpan#notifikasi']);
    expect(await (await fetch(`${server!.url}/akun?pemberitahuan=tersimpan`, { headers: { cookie: staffCookie } })).text()).toContain('data-testid="notifications-saved"');
    await fetch(local, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });

    const before = digests().length;
    const staffCount = new Set(digests().map(to)).size;
    const cookie = await signInOverHttp(server!, 'admin@demo.rapor.id');
    const run = await fetch(`${server!.url}/api/admin/notifications/run`, {
      method: 'POST', headers: { cookie, origin: server!.url, 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'weekly-digest' }),
    });
    expect(await run.json()).toEqual({ kind: 'weekly-digest', unit: null, queued: staffCount - 1, skipped: 1 });
    await allSent();
    expect(digests().length).toBe(before + staffCount - 1);
    expect(mailsTo(STAFF)).toHaveLength(1);

    const other = 'staff.dukcapil-kota-gorontalo@demo.rapor.id';
    const had = mailsTo(other).length;
    expect(had).toBe(2);
    const cli = spawnSync(join('node_modules', '.bin', 'tsx'), ['server/cli/notify.ts', '--kind', 'weekly-digest', '--unit', 'dukcapil-kota-gorontalo'], {
      env: { ...process.env, DATABASE_URL: dbFile }, encoding: 'utf8',
    });
    expect(cli.status, cli.stderr).toBe(0);
    expect(cli.stdout).toContain('weekly-digest: 1 surel diantrekan / mails queued, 0 dilewati / skipped.');
    await allSent();
    expect(mailsTo(other)).toHaveLength(3);
    const bad = spawnSync(join('node_modules', '.bin', 'tsx'), ['server/cli/notify.ts', '--kind', 'monthly'], { env: { ...process.env, DATABASE_URL: dbFile }, encoding: 'utf8' });
    expect([bad.status, bad.stderr.trim()]).toEqual([2, 'usage: npm run notify -- --kind weekly-digest|daily-digest [--unit SLUG]']);
  }, 240_000);
});
