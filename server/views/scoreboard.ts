// The scoreboard the API's GET /scoreboard answers and the /peringkat page shows: one (db, …) function, so the page
// and the API never disagree (issue 26 item 1; decision 054). The small-cell rule always applies (decision 047).
import type { Kysely } from 'kysely';
import type { Scoreboard } from '../../core/api-types.ts';
import { daysInclusive, type Period } from '../../core/domain/periods.ts';
import { emptySums, rankUnits, type Sums } from '../../core/domain/scores.ts';
import type { Database } from '../../core/schema.ts';
import { regionAndDescendants } from '../../db/queries/regions.ts';
import { sumsByUnit, unitsForBoard } from '../../db/queries/scores.ts';
import { minPublicRatings } from '../../db/queries/settings.ts';
import { notFound, validationFailed } from '../errors.ts';
import { periodFromQuery } from '../routes/period-query.ts';

/** What the ranking takes of each unit: its public description and its sums for the period (none yet: empty). */
export function boardEntries(units: Awaited<ReturnType<typeof unitsForBoard>>, sums: Map<string, Sums>) {
  return units.map((u) => ({
    unit: { slug: u.slug, name: u.name, kind: u.kind, region: { code: u.regionCode, name: u.regionName } },
    sums: sums.get(u.id) ?? emptySums(),
    declaredUsers: u.declaredUsers,
  }));
}

export interface ScoreboardQuery {
  period: Period;
  region: string | null;
  kind: string | null;
}

/** The API's query (`period`/`from`/`to`, `region`, `kind`), checked: a bad value throws the contract's 400. */
export function scoreboardQuery(query: Record<string, string | undefined>, now: Date): ScoreboardQuery {
  const { region, kind } = query;
  const fields: Record<string, string> = {};
  if (region && !/^[0-9.]{2,20}$/.test(region)) fields.region = 'must be a region code';
  if (kind && !/^[a-z-]{2,30}$/.test(kind)) fields.kind = 'must be a unit kind';
  if (Object.keys(fields).length) throw validationFailed(fields);
  const defined = Object.fromEntries(Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined));
  return { period: periodFromQuery(defined, now), region: region || null, kind: kind || null };
}

/** Units ranked by the shrunk IKM, and those with too little data; an unknown region throws 404 region_not_found. */
export async function scoreboard(db: Kysely<Database>, { period, region, kind }: ScoreboardQuery): Promise<Scoreboard> {
  let regionCodes: string[] | null = null;
  if (region) {
    regionCodes = await regionAndDescendants(db, region);
    if (regionCodes.length === 0) throw notFound(`Region "${region}"`, 'region_not_found');
  }
  const [units, sums, k] = await Promise.all([
    unitsForBoard(db, regionCodes, kind),
    sumsByUnit(db, regionCodes, kind, period.from, period.to),
    minPublicRatings(db),
  ]);
  const board = rankUnits(
    boardEntries(units, sums),
    daysInclusive(period.from, period.to),
    // A unit ranks only with at least k ratings as well as its sample target (decision 047).
    k,
  );
  return {
    period: { code: period.code, from: period.from, to: period.to },
    region,
    priorMean: board.priorMean === null ? null : Math.round(board.priorMean * 100) / 100,
    ranked: board.ranked,
    insufficient: board.insufficient,
  };
}
