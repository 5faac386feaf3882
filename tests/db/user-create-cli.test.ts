// `npm run user:create` makes the first real administrator of an empty portal, who can then sign in.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { connect } from '../../db/connect.ts';
import { createApp } from '../../server/app.ts';
import { signIn } from '../support/db.ts';

const dir = mkdtempSync(join(tmpdir(), 'rapor-cli-'));
const dbFile = join(dir, 'rapor.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[], password?: string) {
  return spawnSync(join('node_modules', '.bin', 'tsx'), ['server/cli/user-create.ts', ...args], {
    env: { ...process.env, DATABASE_URL: dbFile, RAPOR_DEMO: 'off', ...(password ? { RAPOR_NEW_PASSWORD: password } : {}) },
    encoding: 'utf8',
    input: '',
  });
}

describe('user:create', () => {
  it('creates an administrator who can sign in, and refuses a second account with the same email', async () => {
    const ok = run(['--email', 'Kepala.Diskominfo@gorontaloprov.go.id', '--name', 'Kepala Diskominfo', '--role', 'admin'], 'sandi-rahasia-2026');
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('kepala.diskominfo@gorontaloprov.go.id (admin)');
    const again = run(['--email', 'kepala.diskominfo@gorontaloprov.go.id', '--name', 'X', '--role', 'admin'], 'sandi-rahasia-2026');
    expect(again.status).toBe(1);

    const conn = connect(dbFile);
    try {
      const app = createApp({ db: conn.db, now: () => new Date() });
      const cookie = await signIn(app, 'kepala.diskominfo@gorontaloprov.go.id', 'sandi-rahasia-2026');
      const me = await app.request('/api/auth/me', { headers: { cookie } });
      expect(await me.json()).toMatchObject({ user: { role: 'admin', name: 'Kepala Diskominfo' } });
    } finally {
      await conn.close();
    }
  });

  it('refuses a short password, a missing role and a staff account without a unit', () => {
    expect(run(['--email', 'a@b.id', '--name', 'A', '--role', 'admin'], 'pendek').status).toBe(2);
    expect(run(['--email', 'a@b.id', '--name', 'A'], 'sandi-rahasia-2026').status).toBe(2);
    expect(run(['--email', 'a@b.id', '--name', 'A', '--role', 'staff'], 'sandi-rahasia-2026').status).toBe(2);
  });
});

describe('user:create without DATABASE_URL', () => {
  // Run in a directory of its own, so that its default database files land there.
  function runIn(cwd: string, env: Record<string, string>, email: string) {
    const { DATABASE_URL: _url, RAPOR_DEMO: _demo, NODE_ENV: _node, ...rest } = process.env;
    return spawnSync(resolve('node_modules', '.bin', 'tsx'), [resolve('server/cli/user-create.ts'), '--email', email, '--name', 'Admin', '--role', 'admin'], {
      cwd, env: { ...rest, RAPOR_NEW_PASSWORD: 'sandi-rahasia-2026', ...env }, encoding: 'utf8', input: '',
    });
  }

  it('opens the database npm start opens: data/rapor.db for a live portal, data/demo.db in demo mode', () => {
    const live = mkdtempSync(join(tmpdir(), 'rapor-cli-live-'));
    const demo = mkdtempSync(join(tmpdir(), 'rapor-cli-demo-'));
    try {
      const a = runIn(live, { NODE_ENV: 'Production' }, 'admin@gorontaloprov.go.id');
      expect(a.status, a.stderr).toBe(0);
      expect([existsSync(join(live, 'data', 'rapor.db')), existsSync(join(live, 'data', 'demo.db'))]).toEqual([true, false]);
      const b = runIn(demo, {}, 'admin@gorontaloprov.go.id');
      expect(b.status, b.stderr).toBe(0);
      expect([existsSync(join(demo, 'data', 'rapor.db')), existsSync(join(demo, 'data', 'demo.db'))]).toEqual([false, true]);
    } finally {
      rmSync(live, { recursive: true, force: true });
      rmSync(demo, { recursive: true, force: true });
    }
  });

  it('refuses a demo address for a live portal (it would refuse to start on it)', () => {
    const live = mkdtempSync(join(tmpdir(), 'rapor-cli-live-'));
    try {
      const r = runIn(live, { NODE_ENV: 'production' }, 'Admin@Demo.Rapor.id');
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('demo account');
      expect(existsSync(join(live, 'data'))).toBe(false);
    } finally {
      rmSync(live, { recursive: true, force: true });
    }
  });
});
