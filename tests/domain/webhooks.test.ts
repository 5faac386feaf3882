// Signed webhooks' rules (issue 27 item 5, docs/decisions/064): the Standard Webhooks signature (against the spec's
// reference libraries' published example), the receiver's check with its replay window, the retry schedule with
// jitter, and which addresses a live portal refuses to call.
import { describe, expect, it } from 'vitest';
import {
  RETRY_SCHEDULE_MS, isNonPublicAddress, newWebhookSecret, secretKey, signWebhook, verifyWebhook, webhookRetryDelayMs,
} from '../../core/domain/webhooks.ts';

describe('the webhook signature', () => {
  it('is v1,<base64 HMAC-SHA256 of id.timestamp.body> keyed by the bytes after whsec_ (the Standard Webhooks example)', () => {
    // The example of the Standard Webhooks reference libraries' tests.
    const signature = signWebhook('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, '{"test": 2432232314}');
    expect(signature).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('verifies with the secret within five minutes, and not with another secret, another body or an old timestamp', () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(secretKey(secret)).toHaveLength(32);
    const body = '{"type":"reply.published"}';
    const headers = { id: 'msg_1', timestamp: '1700000000', signature: signWebhook(secret, 'msg_1', 1700000000, body) };
    expect(verifyWebhook(secret, headers, body, 1700000000 + 299)).toBe(true);
    expect(verifyWebhook(secret, headers, body, 1700000000 + 301)).toBe(false);
    expect(verifyWebhook(newWebhookSecret(), headers, body, 1700000000)).toBe(false);
    expect(verifyWebhook(secret, headers, body.replace('reply', 'review'), 1700000000)).toBe(false);
    // During a rotation two signatures travel, space-separated; either secret verifies.
    const other = newWebhookSecret();
    const both = { ...headers, signature: `${signWebhook(other, 'msg_1', 1700000000, body)} ${headers.signature}` };
    expect(verifyWebhook(secret, both, body, 1700000000)).toBe(true);
    expect(verifyWebhook(other, both, body, 1700000000)).toBe(true);
  });
});

describe('the retry schedule', () => {
  it('waits 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h (±20 % jitter), then gives up', () => {
    expect(RETRY_SCHEDULE_MS).toEqual([5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000]);
    RETRY_SCHEDULE_MS.forEach((ms, i) => {
      expect(webhookRetryDelayMs(i + 1, 0)).toBe(Math.round(ms * 0.8));
      expect(webhookRetryDelayMs(i + 1, 0.5)).toBe(ms);
      expect(webhookRetryDelayMs(i + 1, 0.999999)).toBeLessThanOrEqual(Math.round(ms * 1.2));
    });
    expect(webhookRetryDelayMs(RETRY_SCHEDULE_MS.length + 1, 0.5)).toBeNull();
    expect(webhookRetryDelayMs(1, 0.5, 0.01)).toBe(50);
  });
});

describe('addresses a live portal refuses to call', () => {
  it.each([
    '127.0.0.1', '127.8.9.10', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1',
    '0.0.0.0', '224.0.0.1', '::1', '::', 'fe80::1', 'fc00::1', 'fd12:3456::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1',
    '::ffff:a9fe:a9fe', '64:ff9b::a9fe:a9fe', '[::1]', 'fe80::1%eth0', 'localhost', 'not-an-address',
  ])('refuses %s', (address) => {
    expect(isNonPublicAddress(address)).toBe(true);
  });

  it.each(['8.8.8.8', '1.1.1.1', '172.32.0.1', '192.169.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8', '64:ff9b::808:808'])('allows %s', (address) => {
    expect(isNonPublicAddress(address)).toBe(false);
  });
});

describe('the sealed secret', () => {
  it('opens with the key it was sealed with, names a different key clearly, and RAPOR_WEBHOOK_KEY must be 32 bytes', async () => {
    const { parseWebhookKey, secretBox } = await import('../../server/webhooks/secrets.ts');
    const { EnvError, readEnv } = await import('../../server/env.ts');
    const key = Buffer.alloc(32, 7);
    const secret = newWebhookSecret();
    const sealed = secretBox(key).seal(secret);
    expect(sealed).not.toContain(secret.slice(6));
    expect(secretBox(key).open(sealed)).toBe(secret);
    expect(() => secretBox(Buffer.alloc(32, 8)).open(sealed)).toThrow(/sealed with another key/);
    expect(parseWebhookKey(key.toString('base64'))).toEqual(key);
    expect(parseWebhookKey(key.toString('hex'))).toEqual(key);
    expect(readEnv({ RAPOR_WEBHOOK_KEY: key.toString('base64') }).webhooks.key).toEqual(key);
    expect(() => readEnv({ RAPOR_WEBHOOK_KEY: 'kurang-panjang' })).toThrow(EnvError);
  });
});
