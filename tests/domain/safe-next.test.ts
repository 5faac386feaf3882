// Issue 15, finding 7: after sign-in the portal goes only to a path of its own origin, whatever `next` says.
import { describe, expect, it } from 'vitest';
import { safeNext } from '../../site/lib/safe-next.ts';

const ORIGIN = 'https://rapor.example.go.id';
const FALLBACK = '/dasbor';
/** `next` as the sign-in page reads it from its query string (URLSearchParams decodes it). */
const fromQuery = (query: string) => new URLSearchParams(query).get('next');
/** Where the browser would go: resolved against the page, as `location.href = …` does. */
const landing = (target: string) => new URL(target, `${ORIGIN}/masuk?x=1`);

describe('safeNext', () => {
  it.each([
    ['/dasbor/unit?tab=rating#daftar', '/dasbor/unit?tab=rating#daftar'],
    ['/en/admin', '/en/admin'],
    ['/evaluasi?region=75', '/evaluasi?region=75'],
    [`${ORIGIN}/admin`, '/admin'],
    ['/%2F%2Fevil', '/%2F%2Fevil'],
  ])('keeps the same-origin path %s', (next, expected) => {
    expect(safeNext(next, ORIGIN, FALLBACK)).toBe(expected);
  });

  it.each([
    // The payloads, as they arrive in the query string.
    ['next=/\\host', 'host'],
    ['next=/%09/host', 'host'],
    ['next=%2F%2Fevil', 'evil'],
    ['next=/%5Cevil', 'evil'],
    ['next=%5C%5Cevil', 'evil'],
    ['next=/%0A/evil', 'evil'],
    ['next=/%0D%0A/evil', 'evil'],
    ['next=%20//evil', 'evil'],
  ])('never leaves the portal for ?%s', (query, host) => {
    const target = safeNext(fromQuery(query), ORIGIN, FALLBACK);
    expect(landing(target).origin).toBe(ORIGIN);
    expect(landing(target).host).not.toBe(host);
  });

  it.each([
    '//host', '//evil/path', '///evil', '/\\evil', '\\\\evil', '/\t/host', 'https://evil', 'https://evil/dasbor', 'http://rapor.example.go.id/admin',
    `${ORIGIN}.evil/admin`, `${ORIGIN}@evil/admin`, 'javascript:alert(1)', 'JavaScript:alert(1)', ' javascript:alert(1)', 'data:text/html,<script>alert(1)</script>',
    'https:evil', '/.//evil', '/..//evil', '',
  ])('answers the default for %j or a path that stays home', (next) => {
    const target = safeNext(next, ORIGIN, FALLBACK);
    expect(landing(target).origin).toBe(ORIGIN);
    expect(target.startsWith('/')).toBe(true);
    expect(target.startsWith('//')).toBe(false);
    expect(target.startsWith('/\\')).toBe(false);
  });

  it('answers the default without a next', () => {
    expect(safeNext(null, ORIGIN, FALLBACK)).toBe(FALLBACK);
    expect(safeNext('https://evil', ORIGIN, FALLBACK)).toBe(FALLBACK);
    expect(safeNext('javascript:alert(1)', ORIGIN, FALLBACK)).toBe(FALLBACK);
  });
});
