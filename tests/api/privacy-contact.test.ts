// Issue 17 item 13: the data-protection contact an administrator sets (kept in the settings table) and the public
// privacy page reads.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACCOUNTS, insertFixtureUsers, signIn, testApp } from '../support/db.ts';

type TestApp = Awaited<ReturnType<typeof testApp>>;
let t: TestApp;
beforeEach(async () => {
  t = await testApp(new Date('2026-11-02T02:00:00.000Z'));
  await insertFixtureUsers(t.db);
});
afterEach(async () => {
  await t.close();
});

const put = (cookie: string, body: unknown) =>
  t.app.request('/api/admin/settings', { method: 'PUT', headers: { cookie, 'content-type': 'application/json', origin: 'http://localhost' }, body: JSON.stringify(body) });
const contact = { name: 'Pejabat PDP Kota Gorontalo', email: 'ppdp@gorontalokota.go.id', phone: '0435 123456' };

describe('the data-protection contact', () => {
  it('is empty until an administrator sets it, then the public reads it', async () => {
    const before = await t.app.request('/api/privacy-contact');
    expect(before.status).toBe(200);
    expect(await before.json()).toEqual({ contact: null });

    const admin = await signIn(t.app, ACCOUNTS.admin);
    const r = await put(admin, { dataProtectionContact: contact });
    expect(r.status).toBe(200);
    expect(((await r.json()) as { dataProtectionContact: unknown }).dataProtectionContact).toEqual(contact);

    const after = await t.app.request('/api/privacy-contact');
    expect(await after.json()).toEqual({ contact });
    // The other setting is left as it was.
    const settings = (await (await t.app.request('/api/admin/settings', { headers: { cookie: admin } })).json()) as Record<string, unknown>;
    expect(settings).toEqual({ asnPermitVerifiedOnly: false, dataProtectionContact: contact, minPublicRatings: 5 });
  });

  it('refuses a contact without a name or with a malformed email, naming the field', async () => {
    const admin = await signIn(t.app, ACCOUNTS.admin);
    const r = await put(admin, { dataProtectionContact: { name: '', email: 'bukan-email', phone: null } });
    expect(r.status).toBe(400);
    const body = (await r.json()) as { error: { code: string; fields: Record<string, string> } };
    expect(body.error.code).toBe('validation_failed');
    expect(Object.keys(body.error.fields).sort()).toEqual(['dataProtectionContact.email', 'dataProtectionContact.name']);
    expect(await (await t.app.request('/api/privacy-contact')).json()).toEqual({ contact: null });
  });

  it('is on /privasi and /aksesibilitas in the HTML the server sends, without JavaScript (issue 26: no component fills itself in)', async () => {
    const site = await testApp(new Date('2026-11-02T02:00:00.000Z'), { site: true });
    try {
      await insertFixtureUsers(site.db);
      const bare = await (await site.app.request('/privasi')).text();
      expect(bare).toContain('pejabat pelindungan data pribadi pemerintah daerah');
      expect(bare).not.toContain('ppdp@gorontalokota.go.id');
      const admin = await signIn(site.app, ACCOUNTS.admin);
      expect((await site.app.request('/api/admin/settings', { method: 'PUT', headers: { cookie: admin, 'content-type': 'application/json', origin: 'http://localhost' }, body: JSON.stringify({ dataProtectionContact: { ...contact, name: 'PPID <Kota> Gorontalo' } }) })).status).toBe(200);
      for (const path of ['/privasi', '/en/privasi', '/aksesibilitas', '/en/aksesibilitas']) {
        const res = await site.app.request(path);
        expect(res.status, path).toBe(200);
        const html = await res.text();
        expect(html, path).toContain('<a href="mailto:ppdp@gorontalokota.go.id">ppdp@gorontalokota.go.id</a>');
        expect(html, path).toContain('PPID &lt;Kota&gt; Gorontalo');
        expect(html, path).toContain('0435 123456');
        expect(html, path).not.toContain('/api/privacy-contact');
      }
      expect((await site.app.request('/id/privasi')).status).toBe(404);
    } finally {
      await site.close();
    }
  });

  it('can be cleared, and only an administrator may set it', async () => {
    const admin = await signIn(t.app, ACCOUNTS.admin);
    expect((await put(admin, { dataProtectionContact: contact })).status).toBe(200);
    const staff = await signIn(t.app, ACCOUNTS.staffGorontalo);
    expect((await put(staff, { dataProtectionContact: null })).status).toBe(403);
    expect((await put(admin, { dataProtectionContact: null })).status).toBe(200);
    expect(await (await t.app.request('/api/privacy-contact')).json()).toEqual({ contact: null });
  });
});
