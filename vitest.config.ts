import { defineConfig } from 'vitest/config';

// Every suite runs on SQLite (the default engine); the database and API suites run again on PostgreSQL: in this process
// (PGlite) for a developer without a PostgreSQL server, or on a real server (RAPOR_TEST_DATABASE=postgres://…), as CI
// does. A run on a real server covers every file PGlite runs (and the two-process suite), so CI drops the PGlite project
// (RAPOR_TEST_PGLITE=off, .ci/run) instead of running the same files on PostgreSQL twice (docs/decisions/052).
// Migrated databases and the demo world are copied from templates built once per run (tests/support/templates-setup.ts).
// expect.poll waits as long as the browser tests' own waits (page.setDefaultTimeout(15_000)): its default, one second, is
// less than an island's first fetch takes with two test files on two cores (decision 067).
const shared = { pool: 'forks' as const, testTimeout: 30_000, hookTimeout: 120_000, globalSetup: ['tests/support/templates-setup.ts'], expect: { poll: { timeout: 15_000 } } };
const onPostgres = process.env.RAPOR_TEST_DATABASE && process.env.RAPOR_TEST_DATABASE !== 'sqlite';
const pglite = process.env.RAPOR_TEST_PGLITE !== 'off';
/** The suites that run on every engine. */
const engineSuites = ['tests/db/**/*.test.ts', 'tests/api/**/*.test.ts'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          ...shared,
          name: onPostgres ? 'postgres' : 'sqlite',
          // One directory per run: the demo world's template database, the shared server and Chromium (decision 051), beside
          // the database templates (decision 052).
          globalSetup: ['tests/support/templates-setup.ts', 'tests/support/run-setup.ts'],
          // The first file to need the demo world waits in its set-up while the template is seeded (a loaded machine).
          hookTimeout: 240_000,
          include: onPostgres ? [...engineSuites, 'tests/load/multi-process.test.ts'] : ['tests/**/*.test.ts'],
        },
      },
      ...(onPostgres || !pglite ? [] : [{
        test: {
          ...shared,
          name: 'pglite',
          include: engineSuites,
          // The account CLI and the server started over real sockets run in processes of their own, on a database file or
          // a PostgreSQL server: PGlite cannot be shared with them. (The over-HTTP parts of the fuzz and security-header
          // suites are defined on SQLite only: the transport does not depend on the engine.)
          exclude: ['tests/db/user-create-cli.test.ts', 'tests/api/address-key-socket.test.ts'],
          env: { RAPOR_TEST_DATABASE: 'pglite' },
          // A demo suite's set-up may build the PGlite demo template (migrate, seed, dump) before loading its copy.
          hookTimeout: 300_000,
        },
      }]),
    ],
  },
});
