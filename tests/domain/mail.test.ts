import { describe, expect, it } from 'vitest';
import { composeMail, escapeHtml, mailLink } from '../../core/domain/mail.ts';

describe('composeMail', () => {
  it('escapes every value in the HTML and keeps the text plain', () => {
    const mail = composeMail({
      language: 'id',
      subject: 'Uji <b>',
      blocks: [
        { kind: 'paragraph', text: 'Nilai <script>alert(1)</script> & "kutip"' },
        { kind: 'facts', rows: [['IKM', '82,5 <B>']] },
        { kind: 'list', items: ['satu <i>'] },
        { kind: 'action', label: 'Buka', url: 'https://rapor.example/a?b=1&c=2' },
      ],
    });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('Nilai &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;kutip&quot;');
    expect(mail.html).toContain('href="https://rapor.example/a?b=1&amp;c=2"');
    expect(mail.text).toContain('Nilai <script>alert(1)</script> & "kutip"');
    expect(mail.text).toContain('- IKM: 82,5 <B>');
    expect(mail.text).toContain('Buka:\nhttps://rapor.example/a?b=1&c=2');
    expect(mail.text.startsWith('Yth. Bapak/Ibu,')).toBe(true);
    expect(mail.headers).toEqual({});
  });

  it('adds the RFC 8058 headers and the footer links when the mail can be unsubscribed', () => {
    const mail = composeMail({
      language: 'en',
      subject: 'Weekly digest',
      blocks: [],
      reason: 'You get this because you work at a unit.',
      unsubscribeUrl: 'https://rapor.example/api/notifications/unsubscribe?token=x',
      preferencesUrl: 'https://rapor.example/en/akun',
    });
    expect(mail.headers['List-Unsubscribe']).toBe('<https://rapor.example/api/notifications/unsubscribe?token=x>');
    expect(mail.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(mail.text).toContain('Stop receiving this kind of mail: https://rapor.example/api/notifications/unsubscribe?token=x');
    expect(mail.html).toContain('lang="en"');
  });

  it('refuses a link that is not http(s)', () => {
    expect(() => composeMail({ language: 'id', subject: 's', blocks: [{ kind: 'action', label: 'x', url: 'javascript:alert(1)' }] })).toThrow(/http/);
    expect(() => mailLink('https://rapor.example', 'javascript:alert(1)')).toThrow(/http/);
  });

  it('joins a base address and a path', () => {
    expect(mailLink('https://rapor.example/portal', 'atur-sandi', { token: 'a b' })).toBe('https://rapor.example/portal/atur-sandi?token=a+b');
    expect(mailLink('http://localhost:3000/', '/tanda-terima/R-1')).toBe('http://localhost:3000/tanda-terima/R-1');
    expect(escapeHtml(`<'&">`)).toBe('&lt;&#39;&amp;&quot;&gt;');
  });
});
