import { defineConfig } from 'vitest/config';

// Two projects: every suite on SQLite (the default engine), and the database and API suites again on PostgreSQL in
// this process (PGlite). CI runs the same two suites a third time on a real PostgreSQL server (.ci/run).
const shared = { pool: 'forks' as const, testTimeout: 30_000, hookTimeout: 120_000 };
const onPostgres = process.env.RAPOR_TEST_DATABASE && process.env.RAPOR_TEST_DATABASE !== 'sqlite';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          ...shared,
          name: onPostgres ? 'postgres' : 'sqlite',
          // One directory per run: the demo world's template database, the shared server and Chromium (decision 051).
          globalSetup: ['tests/support/run-setup.ts'],
          // The first file to need the demo world waits in its set-up while the template is seeded (a loaded machine).
          hookTimeout: 240_000,
          include: onPostgres
            ? ['tests/db/**/*.test.ts', 'tests/api/**/*.test.ts', 'tests/load/multi-process.test.ts']
            : ['tests/**/*.test.ts'],
        },
      },
      ...(onPostgres ? [] : [{
        test: {
          ...shared,
          name: 'pglite',
          include: ['tests/db/**/*.test.ts', 'tests/api/**/*.test.ts'],
          // The account CLI and the server started over real sockets run in processes of their own, on a database file or
          // a PostgreSQL server: PGlite cannot be shared with them. (The over-HTTP parts of the fuzz and security-header
          // suites are defined on SQLite only: the transport does not depend on the engine.)
          exclude: ['tests/db/user-create-cli.test.ts', 'tests/api/address-key-socket.test.ts'],
          env: { RAPOR_TEST_DATABASE: 'pglite' },
        },
      }]),
    ],
  },
});
