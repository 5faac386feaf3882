// `npm run user:create` makes the first real administrator of an empty portal, who can then sign in.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
