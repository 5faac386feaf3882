// Every error says what happened (issue 17 item 5): offline, forbidden, signed out, too many, server trouble — a 503 is
// not the resident's internet. In both languages.
import { describe, expect, it } from 'vitest';
import { failureText } from '../../site/lib/failure.ts';

const fail = (status: number, retryAfter?: number) => ({ status, retryAfter, error: { code: status === 0 ? 'network_error' : `http_${status}`, message: 'x' } });

describe('failureText', () => {
  it('blames the connection only when the server could not be reached', () => {
    expect(failureText('id', fail(0))).toMatch(/Periksa sambungan internet/);
    expect(failureText('en', fail(0))).toMatch(/Check your internet connection/);
    for (const status of [400, 401, 403, 404, 429, 500, 502, 503, 504]) {
      expect(failureText('id', fail(status))).not.toMatch(/periksa sambungan internet/i);
      expect(failureText('en', fail(status))).not.toMatch(/check your internet connection/i);
    }
  });

  it('says a server failure is the server\'s, with its code, and that the connection is fine', () => {
    expect(failureText('id', fail(503))).toBe('Server sedang bermasalah (kode 503), bukan sambungan internet Anda. Coba lagi beberapa saat lagi.');
    expect(failureText('en', fail(500))).toBe('The server is having trouble (code 500); your connection is fine. Try again in a little while.');
  });

  it('says an account may not open what it asked for', () => {
    expect(failureText('id', fail(403))).toBe('Akun ini tidak berhak membuka data ini.');
    expect(failureText('en', fail(403))).toBe('This account may not open this data.');
  });

  it('says when the session ended, something is missing, or there were too many requests', () => {
    expect(failureText('id', fail(401))).toBe('Sesi Anda sudah berakhir. Masuk lagi, lalu coba lagi.');
    expect(failureText('en', fail(404))).toBe('This was not found: it may have been removed, or the address is wrong.');
    expect(failureText('id', fail(429, 30))).toBe('Terlalu banyak permintaan. Tunggu 30 detik, lalu coba lagi.');
    expect(failureText('en', fail(429))).toBe('Too many requests. Wait a moment, then try again.');
    expect(failureText('id', fail(400))).toBe('Permintaan ini tidak dapat diproses (kode 400).');
  });
});
