// server/env.ts: what a live portal is, and which database a start opens when DATABASE_URL is unset (issue 15,
// finding 3: NODE_ENV=Production used to seed the demo world, and demo and live portals shared data/rapor.db).
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
