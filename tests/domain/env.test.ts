// server/env.ts: what a live portal is, and which database a start opens when DATABASE_URL is unset (issue 15,
// finding 3: NODE_ENV=Production used to seed the demo world, and demo and live portals shared data/rapor.db).
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SQLITE_FILE, DEMO_SQLITE_FILE } from '../../db/connect.ts';
import { EnvError, readEnv } from '../../server/env.ts';

describe('readEnv: NODE_ENV', () => {
  it.each(['production', 'Production', 'PRODUCTION', ' PRODUCTION', 'production\n', '\tProduction '])('%j is a live portal: no demo world', (value) => {
    const env = readEnv({ NODE_ENV: value });
    expect(env).toMatchObject({ production: true, demo: false });
  });

  it.each(['Production', ' PRODUCTION', 'production'])('%j with RAPOR_DEMO=on is refused', (value) => {
    expect(() => readEnv({ NODE_ENV: value, RAPOR_DEMO: 'on' })).toThrow(EnvError);
    expect(() => readEnv({ NODE_ENV: value, RAPOR_DEMO: 'ON' })).toThrow(/RAPOR_DEMO is refused when NODE_ENV=production/);
  });

  it.each([undefined, '', 'development', 'test', 'prod', 'production-like'])('%j is not production: the demo world by default', (value) => {
    const env = readEnv(value === undefined ? {} : { NODE_ENV: value });
    expect(env).toMatchObject({ production: false, demo: true });
  });
});

describe('readEnv: the default database file', () => {
  it('is data/demo.db in demo mode and data/rapor.db otherwise', () => {
    expect(DEMO_SQLITE_FILE).toBe('data/demo.db');
    expect(DEFAULT_SQLITE_FILE).toBe('data/rapor.db');
    expect(readEnv({}).databaseUrl).toBe('data/demo.db');
    expect(readEnv({ NODE_ENV: 'development', RAPOR_DEMO: 'on' }).databaseUrl).toBe('data/demo.db');
    expect(readEnv({ NODE_ENV: 'production' }).databaseUrl).toBe('data/rapor.db');
    expect(readEnv({ NODE_ENV: ' Production ' }).databaseUrl).toBe('data/rapor.db');
    expect(readEnv({ RAPOR_DEMO: 'off' }).databaseUrl).toBe('data/rapor.db');
  });

  it('is whatever DATABASE_URL names when it is set (an empty value counts as unset)', () => {
    expect(readEnv({ DATABASE_URL: '/srv/rapor/live.db' }).databaseUrl).toBe('/srv/rapor/live.db');
    expect(readEnv({ NODE_ENV: 'production', DATABASE_URL: 'postgres://rapor@db:5432/rapor' }).databaseUrl).toBe('postgres://rapor@db:5432/rapor');
    expect(readEnv({ NODE_ENV: 'production', DATABASE_URL: '  ' }).databaseUrl).toBe('data/rapor.db');
    expect(readEnv({ DATABASE_URL: '' }).databaseUrl).toBe('data/demo.db');
  });
});

describe('readEnv: mail (issue 27 item 1, decision 060)', () => {
  it('without RAPOR_SMTP_URL writes .eml files in data/mail, or in RAPOR_MAIL_DIR', () => {
    const { mail } = readEnv({});
    expect(mail).toMatchObject({ smtpUrl: undefined, from: 'Rapor <rapor@localhost>', pollMs: 5000, firstRetryMs: 60_000, leaseMs: 300_000 });
    expect(mail.dir).toBe(resolve('data/mail'));
    expect(readEnv({ RAPOR_MAIL_DIR: '/tmp/surel' }).mail.dir).toBe('/tmp/surel');
  });

  it('takes an smtp:// or smtps:// address with a sender, and says what to change otherwise without repeating the password', () => {
    const url = 'smtp://rapor:rahasia@mail.example.go.id:587';
    expect(readEnv({ RAPOR_SMTP_URL: url, RAPOR_MAIL_FROM: 'Rapor <rapor@example.go.id>' }).mail).toMatchObject({ smtpUrl: url, from: 'Rapor <rapor@example.go.id>' });
    expect(() => readEnv({ RAPOR_SMTP_URL: url })).toThrow(/RAPOR_MAIL_FROM is needed with RAPOR_SMTP_URL/);
    for (const bad of ['http://rapor:rahasia@mail.example.go.id', 'rapor:rahasia@mail', 'smtp://']) {
      expect(() => readEnv({ RAPOR_SMTP_URL: bad, RAPOR_MAIL_FROM: 'rapor@example.go.id' })).toThrow(EnvError);
      expect(() => readEnv({ RAPOR_SMTP_URL: bad, RAPOR_MAIL_FROM: 'rapor@example.go.id' })).not.toThrow(/rahasia/);
    }
    expect(() => readEnv({ RAPOR_MAIL_FROM: 'Rapor' })).toThrow(/RAPOR_MAIL_FROM must be an address/);
    expect(() => readEnv({ RAPOR_OUTBOX_POLL_MS: '0' })).toThrow(/RAPOR_OUTBOX_POLL_MS must be a whole number/);
    expect(readEnv({ RAPOR_OUTBOX_RETRY_MS: '20', RAPOR_OUTBOX_LEASE_MS: '1000', RAPOR_OUTBOX_POLL_MS: '50' }).mail)
      .toMatchObject({ firstRetryMs: 20, leaseMs: 1000, pollMs: 50 });
  });
});
