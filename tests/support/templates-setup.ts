// vitest's globalSetup: a directory for this run's template databases (tests/support/db.ts, docs/decisions/052), removed
// at the end with the template databases a PostgreSQL server run made.
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    raporTemplates: { dir: string; id: string };
  }
}

export default function setup(project: TestProject) {
  const id = randomBytes(4).toString('hex');
  const dir = join(tmpdir(), `rapor-templates-${id}`);
  mkdirSync(dir, { recursive: true });
  project.provide('raporTemplates', { dir, id });
  return async () => {
    rmSync(dir, { recursive: true, force: true });
    const server = project.config.env?.RAPOR_TEST_DATABASE ?? process.env.RAPOR_TEST_DATABASE;
    if (!server || !/^postgres(ql)?:\/\//.test(server)) return;
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    try {
      const { rows } = await client.query<{ datname: string }>('select datname from pg_database where datname like $1', [`tpl\\_${id}\\_%`]);
      for (const { datname } of rows) await client.query(`drop database if exists "${datname}" with (force)`);
    } finally {
      await client.end();
    }
  };
}
