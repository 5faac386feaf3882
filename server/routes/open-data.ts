// Open data (issue 18 item 5, docs/decisions/038-open-data.md): public, cacheable, aggregates only.
//   GET /api/open-data/{period}/datapackage.json   the Frictionless Tabular Data Package of a closed quarter or year
//   GET /api/open-data/{period}/scores.csv          its one table: a row per unit
//   GET /api/catalog.jsonld                          the DCAT catalogue of every published period (CKAN harvests it)
import { Hono } from 'hono';
import { etag } from 'hono/etag';
import { firstRatedDate, openDataUnits, regionsWithUnits } from '../../db/queries/open-data.ts';
import { sumsByUnit } from '../../db/queries/scores.ts';
import { minPublicRatings } from '../../db/queries/settings.ts';
import { csvRecord } from '../../core/domain/csv.ts';
import { csvSafe } from '../export/table-writers.ts';
import { OPEN_SCORE_FIELDS, dataPackage, dcatCatalog, isPublishable, publishablePeriods, publishedAt, type OpenScoreRow } from '../../core/domain/open-data.ts';
import { PeriodError, daysInclusive, parsePeriodCode, type Period } from '../../core/domain/periods.ts';
import { sampleTarget } from '../../core/domain/sample-size.ts';
import { emptySums, sampleFlags, summarise } from '../../core/domain/scores.ts';
import { publicSummary } from '../../core/domain/small-cells.ts';
import { todayIn } from '../../core/domain/time-zones.ts';
import type { AppDeps } from '../deps.ts';
import { ApiError, validationFailed } from '../errors.ts';

// A closed period's figures do not change (decision 021), so caches may keep them for an hour.
const CACHE = 'public, max-age=3600';

export function openDataRoutes({ db, readDb, now, publicUrl }: AppDeps) {
  const reader = readDb ?? db;
  const baseOf = (url: string) => (publicUrl ?? new URL(url).origin).replace(/\/$/, '');

  /** The period of the path, if it may be published: a closed quarter or year (the day in WIB, the last to close). */
  function publishedPeriod(code: string): Period {
    let period: Period;
    try {
      period = parsePeriodCode(code);
    } catch (error) {
      if (error instanceof PeriodError) throw validationFailed({ period: 'must be a quarter (2026-Q3) or a year (2026)' });
      throw error;
    }
    if (period.kind !== 'quarter' && period.kind !== 'year') throw validationFailed({ period: 'must be a quarter (2026-Q3) or a year (2026)' });
    if (!isPublishable(period, todayIn('Asia/Jakarta', now()))) {
      throw new ApiError(404, 'period_not_published', `${period.code} is not closed yet: its open data is published from the 4th day after it ends.`);
    }
    return period;
  }

  async function rows(period: Period): Promise<OpenScoreRow[]> {
    const [units, sums, k] = await Promise.all([openDataUnits(reader), sumsByUnit(reader, null, null, period.from, period.to), minPublicRatings(reader)]);
    const days = daysInclusive(period.from, period.to);
    return units.map((u) => {
      // Small cells (decision 047): below k ratings the row keeps its count, never the figures.
      const s = publicSummary(summarise(sums.get(u.id) ?? emptySums()), k);
      const target = sampleTarget(u.declaredUsers, days);
      const nrr = Object.fromEntries(s.elements.map((e) => [`nrr_${e.code.toLowerCase()}`, e.nrr]));
      return {
        period: period.code, period_start: period.from, period_end: period.to,
        unit_slug: u.slug, unit_name: u.name, unit_kind: u.kind,
        region_code_bps: u.regionCode, region_code_kemendagri: u.kemendagriCode, region_name: u.regionName,
        n: s.n, ikm: s.ikm, ikm_ci_low: s.ikmCi95?.[0] ?? null, ikm_ci_high: s.ikmCi95?.[1] ?? null, mutu: s.mutu,
        sample_target: target, sample_adequate: sampleFlags(s.n, target).sampleAdequate,
        ...nrr,
        n_verified: s.nVerified, ikm_verified: s.ikmVerified,
      } as OpenScoreRow;
    });
  }

  // Same bytes, same ETag until the data change (issue 25 item 8): a harvester asking again with If-None-Match gets 304.
  const openData = new Hono()
    .use('*', etag())
    .get('/:period/datapackage.json', async (c) => {
      const period = publishedPeriod(c.req.param('period'));
      const created = publishedAt(period);
      const minRatings = await minPublicRatings(reader);
      c.header('Cache-Control', CACHE);
      c.header('Access-Control-Allow-Origin', '*');
      c.header('Last-Modified', new Date(created).toUTCString());
      return c.json(dataPackage({ period, base: baseOf(c.req.url), created, minRatings }), 200);
    })
    .get('/:period/scores.csv', async (c) => {
      const period = publishedPeriod(c.req.param('period'));
      // Names an administrator typed may start like a formula: the same leading apostrophe as every other export.
      const body = csvRecord(OPEN_SCORE_FIELDS.map((f) => f.name)) + (await rows(period)).map((r) => csvRecord(OPEN_SCORE_FIELDS.map((f) => csvSafe(r[f.name] ?? null)))).join('');
      c.header('Content-Type', 'text/csv; charset=utf-8');
      c.header('Content-Disposition', `inline; filename="rapor-ikm-${period.code}.csv"`);
      c.header('Cache-Control', CACHE);
      c.header('Access-Control-Allow-Origin', '*');
      return c.body(body, 200);
    });
  const catalogFile = new Hono()
    .use('/', etag())
    .get('/', async (c) => {
      const [first, regions] = await Promise.all([firstRatedDate(reader), regionsWithUnits(reader)]);
      const periods = publishablePeriods(first, todayIn('Asia/Jakarta', now()));
      // The catalogue changes when a period is published: its time is the newest period's (none yet: the epoch).
      const modified = periods.map(publishedAt).sort().pop() ?? new Date(0).toISOString();
      const catalog = dcatCatalog({
        base: baseOf(c.req.url),
        periods,
        regions: regions.map((r) => ({ bps: r.code, kemendagri: r.kemendagri_code, name: r.name })),
        modified,
      });
      c.header('Cache-Control', CACHE);
      c.header('Last-Modified', new Date(modified).toUTCString());
      c.header('Access-Control-Allow-Origin', '*');
      return c.body(JSON.stringify(catalog), 200, { 'Content-Type': 'application/ld+json; charset=utf-8' });
    });
  return { openData, catalog: catalogFile };
}
