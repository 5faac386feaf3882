// What the score reads touch: the rollups only, never the responses, and nothing a board without a filter does not
// need (docs/decisions/036: the national yearly scoreboard's read is a scan of the monthly rollups, so its cost is
// their rows; a join to units for every row, when no region or kind narrows the board, only added to it).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { Database } from '../../core/schema.ts';
import { sumsByUnit, unitSumsByService } from '../../db/queries/scores.ts';
import { testApp } from '../support/db.ts';

type TestApp = Awaited<ReturnType<typeof testApp>>;
let t: TestApp;
beforeEach(async () => {
  t = await testApp();
});
afterEach(async () => {
  await t.close();
});

/** The tables each statement run through the returned instance reads, in order. */
function spy(db: Kysely<Database>): { db: Kysely<Database>; tables: string[][] } {
  const tables: string[][] = [];
  const spied = db.withPlugin({
    transformQuery: (args) => {
      const { sql } = db.getExecutor().compileQuery(args.node, args.queryId);
      tables.push([...sql.matchAll(/\b(?:from|join)\s+"?(\w+)"?/gi)].map((m) => m[1]!));
      return args.node;
    },
    transformResult: async (args) => args.result,
  });
  return { db: spied, tables };
}

describe('score reads', () => {
  it('reads a national board (no region, no kind) from score_monthly alone, without a join per row', async () => {
    const s = spy(t.db);
    await sumsByUnit(s.db, null, null, '2026-01-01', '2026-12-31');
    expect(s.tables).toEqual([['score_monthly']]);
  });

  it('reads the edge days of a national date range from score_daily alone', async () => {
    const s = spy(t.db);
    await sumsByUnit(s.db, null, null, '2026-01-15', '2026-03-10');
    expect(s.tables).toEqual([['score_monthly'], ['score_daily'], ['score_daily']]);
  });

  it('joins units only to narrow a board to regions or a kind, and never reads responses', async () => {
    const s = spy(t.db);
    await sumsByUnit(s.db, ['75'], null, '2026-01-01', '2026-12-31');
    await sumsByUnit(s.db, null, 'puskesmas', '2026-07-01', '2026-09-30');
    await unitSumsByService(s.db, t.ids.gorontaloId, '2026-01-01', '2026-12-31');
    expect(s.tables).toEqual([['score_monthly', 'units'], ['score_monthly', 'units'], ['score_monthly']]);
  });
});
