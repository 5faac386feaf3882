// A resident hears back (issue 27 item 4, docs/decisions/063), end to end: the real server over HTTP and a real SMTP
// server. A resident leaves an address with the receipt page's plain form (no JavaScript), the unit replies, the one
// mail arrives once, its link opens the receipt showing the reply, and the address is nowhere in the database
// afterwards; a second reply sends nothing. Then, in Chromium with JavaScript, the thank-you screen offers the same form.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Database from 'better-sqlite3';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPLY_NOTICE_KIND } from '../../core/domain/reply-subscription.ts';
import { SKM_ELEMENTS } from '../../core/domain/skm.ts';
import { hasChromium, islandsStarted, sharedBrowser, signInOverHttp, startServer, type RunningServer } from '../support/browser.ts';
import { startSmtp, until, type TestSmtp } from '../support/smtp.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const UNIT = 'dpmptsp-kota-gorontalo';
const SERVICE = 'penerbitan-pbg';
const ADDRESS = 'warga.kabar+http@contoh-warga.id';
const COMMENT = 'Ruang tunggu panas, mohon kipas angin ditambah';
const REPLY = 'Terima kasih, dua kipas angin sudah dipasang di ruang tunggu';

let smtp: TestSmtp;
let server: RunningServer;
beforeAll(async () => {
  smtp = await startSmtp();
  server = await startServer({ RAPOR_SMTP_URL: smtp.url, RAPOR_MAIL_FROM: 'Rapor <rapor@rapor.example.go.id>', RAPOR_OUTBOX_POLL_MS: '200' });
});
afterAll(async () => {
  await server?.stop();
  await smtp?.close();
});

/** Reads the server's SQLite file (WAL: the running server's commits are seen). */
function query<T>(read: (db: Database.Database) => T): T {
  const db = new Database(server.dbFile, { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/** Every table and text column of the database that holds `needle` anywhere, as "table.column". */
function whereFound(needle: string): string[] {
  return query((db) => {
    const tables = (db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'").all() as { name: string }[]).map((t) => t.name);
    return tables.flatMap((table) =>
      (db.prepare(`select name, type from pragma_table_info(?)`).all(table) as { name: string; type: string }[])
        .filter((c) => !/int|real|num/i.test(c.type))
        .filter((c) => (db.prepare(`select count(*) as n from "${table}" where instr(lower(cast("${c.name}" as text)), lower(?)) > 0`).get(needle) as { n: number }).n > 0)
        .map((c) => `${table}.${c.name}`));
  });
}

const form = (fields: Record<string, string>) => ({
  method: 'POST', redirect: 'manual' as const,
  headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url }, body: new URLSearchParams(fields).toString(),
});

async function staffReply(cookie: string, responseId: string, body: string) {
  return fetch(`${server.url}/api/staff/units/${UNIT}/responses/${responseId}/replies`, {
    method: 'POST', headers: { cookie, origin: server.url, 'content-type': 'application/json' }, body: JSON.stringify({ body }),
  });
}

describe('a resident hears back, over HTTP and SMTP', () => {
  it('subscribes with the plain form, gets one mail when the unit replies, the link shows the reply, and the address is gone; a second reply sends nothing', async () => {
    // A rating with a suggestion, posted as the rating page's plain form (no JavaScript), from the English page.
    const rated = await fetch(`${server.url}/api/units/${UNIT}/ratings`, form({
      idempotencyKey: crypto.randomUUID(), lang: 'en', service: SERVICE, comment: COMMENT,
      ...Object.fromEntries(SKM_ELEMENTS.map((e) => [e.code, '3'])),
    }));
    expect(rated.status).toBe(303);
    const receiptPath = rated.headers.get('location')!;
    const receipt = receiptPath.split('/').pop()!;
    expect(receiptPath).toBe(`/en/tanda-terima/${receipt}`);

    // The receipt page offers the plain form; posting it as a browser without JavaScript would.
    const page = await (await fetch(server.url + receiptPath)).text();
    const action = /<form method="post" action="([^"]+)"/.exec(page)?.[1];
    expect(action).toBe(`/api/receipts/${receipt}/subscribe`);
    expect(page).toContain('name="lang" value="en"');
    // A mistyped address: the receipt page again (400), with the message beside the field and the value kept; an
    // unknown receipt answers the site's 404 page.
    const mistyped = await fetch(server.url + action, form({ lang: 'en', email: 'warga.kabar@' }));
    expect(mistyped.status).toBe(400);
    const again = await mistyped.text();
    expect(again).toContain('class="error-summary"');
    expect(again).toContain('Enter a valid email address');
    expect(again).toContain('value="warga.kabar@"');
    const unknown = await fetch(`${server.url}/api/receipts/RPR-ZZZZ-ZZZZ/subscribe`, form({ lang: 'en', email: ADDRESS }));
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toContain('text/html');
    const subscribed = await fetch(server.url + action, form({ lang: 'en', email: ADDRESS }));
    expect(subscribed.status).toBe(303);
    expect(subscribed.headers.get('location')).toBe(receiptPath);
    const after = await (await fetch(server.url + receiptPath)).text();
    expect(after).toContain('data-testid="subscribed"');
    expect(after).not.toContain(ADDRESS);
    expect(whereFound(ADDRESS)).toEqual(['reply_subscriptions.email']);

    const responseId = query((db) => (db.prepare('select id from responses where receipt = ?').get(receipt) as { id: string }).id);
    const cookie = await signInOverHttp(server, `staff.${UNIT}@demo.rapor.id`);
    expect((await staffReply(cookie, responseId, REPLY)).status).toBe(201);

    // The server mails others too (the staff's weekly digests at a first start, decision 062): the resident's mails are
    // those to the address left on the receipt.
    const toResident = () => smtp.received.filter((m) => m.to && 'text' in m.to && m.to.text === ADDRESS);
    await until(() => toResident().length >= 1, 'the reply mail');
    const [mail] = toResident();
    expect(mail!.to && 'text' in mail!.to ? mail!.to.text : '').toBe(ADDRESS);
    expect(mail!.subject).toBe('The unit replied to your suggestion');
    expect(mail!.headers.get('content-language')).toBe('en');
    const link = /https?:\/\/\S+\/en\/tanda-terima\/\S+/.exec(mail!.text ?? '')?.[0];
    expect(link).toBeDefined();
    const url = new URL(link!);
    expect(url.pathname).toBe(receiptPath);
    expect(mail!.html).toContain(`href="${link}"`);
    // Nothing of the comment, the reply, the answers, the unit or the resident is in the mail.
    for (const part of [mail!.subject ?? '', mail!.text ?? '', String(mail!.html)]) {
      for (const secret of ['Ruang tunggu', 'kipas', UNIT, 'DPMPTSP', 'warga.kabar']) expect(part, secret).not.toContain(secret);
    }
    // The link opens the receipt page, which shows the reply (the mail's host is the portal's own address; asked here
    // on the test server's, the same process).
    const opened = await fetch(server.url + url.pathname + url.search);
    expect(opened.status).toBe(200);
    expect(await opened.text()).toContain(REPLY);

    // Once the outbox has marked it sent, the address is nowhere in the database.
    await until(() => query((db) => (db.prepare('select count(*) as n from outbox where kind = ? and sent_at is not null').get(REPLY_NOTICE_KIND) as { n: number }).n === 1), 'the mail marked sent');
    expect(whereFound(ADDRESS)).toEqual([]);
    expect(whereFound('warga.kabar')).toEqual([]);

    // A second reply queues (and so sends) nothing: the outbox is the only way out.
    expect((await staffReply(cookie, responseId, 'Tambahan: ruang tunggu kini juga diberi dispenser air')).status).toBe(201);
    expect(query((db) => (db.prepare('select count(*) as n from outbox where kind = ?').get(REPLY_NOTICE_KIND) as { n: number }).n)).toBe(1);
    await until(() => query((db) => (db.prepare('select count(*) as n from outbox where sent_at is null and failed_at is null').get() as { n: number }).n === 0), 'the outbox to be empty');
    expect(toResident()).toHaveLength(1);
  });
});

describe.skipIf(!hasChromium)('the thank-you screen with JavaScript', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await sharedBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('offers the form after a rating with a suggestion (not without one), and posting it lands on the receipt that says an address waits', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 }, locale: 'id-ID' });
    const rate = async (comment: string) => {
      await page.goto(`${server.url}/nilai/${UNIT}`);
      await islandsStarted(page);
      await page.getByLabel('Layanan yang Anda terima').selectOption(SERVICE);
      for (const [i, element] of SKM_ELEMENTS.entries()) {
        const group = page.getByRole('group', { name: new RegExp(`Pertanyaan ${i + 1} dari 9`) });
        await group.getByRole('radio', { name: element.labels.id[3], exact: true }).check();
      }
      if (comment) await page.getByLabel('Saran atau masukan (tidak wajib)').fill(comment);
      await page.getByRole('button', { name: 'Kirim penilaian' }).click();
      await page.getByTestId('receipt').waitFor();
      return (await page.getByTestId('receipt').textContent())!.trim();
    };
    await rate('');
    expect(await page.getByTestId('hear-back').count()).toBe(0);

    const receipt = await rate('Loket pengambilan berkas perlu papan petunjuk');
    const offer = page.getByTestId('hear-back');
    await offer.getByRole('heading', { name: 'Kabari saya bila unit menanggapi' }).waitFor();
    // A mistyped address first: the receipt page with its error summary, which axe finds sound; then the right one.
    await offer.getByLabel('Alamat email').fill('warga.kabar');
    await offer.getByRole('button', { name: 'Kabari saya' }).click();
    await page.waitForURL(`${server.url}/api/receipts/${receipt}/subscribe`);
    await page.locator('.error-summary').waitFor();
    await page.evaluate(axeSource);
    const result = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
      return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
    });
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await page.getByLabel('Alamat email').fill('warga.kabar+js@contoh-warga.id');
    await page.getByRole('button', { name: 'Kabari saya' }).click();
    await page.waitForURL(`${server.url}/tanda-terima/${receipt}`);
    await page.getByTestId('subscribed').waitFor();
    expect(query((db) => db.prepare('select s.email, s.language from reply_subscriptions s join responses r on r.id = s.response_id where r.receipt = ?').get(receipt)))
      .toEqual({ email: 'warga.kabar+js@contoh-warga.id', language: 'id' });
    await page.close();
  }, 120_000);
});
