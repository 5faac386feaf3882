// Public: units ranked by how much their IKM and their permit times improved against the previous period.
import { Hono } from 'hono';
import { holidaySet } from '../../db/queries/holidays.ts';
import { permitServicesInRegions, reportsForPeriod } from '../../db/queries/permits.ts';
import { regionAndDescendants } from '../../db/queries/regions.ts';
import { sumsByUnit, unitsForBoard } from '../../db/queries/scores.ts';
import { minPublicRatings } from '../../db/queries/settings.ts';
import { MIN_PERMITS, comparedSpans, ikmChange, ikmChangeInterval, isSignificant, rankByImprovement, round2, shiftInterval } from '../../core/domain/improvement.ts';
import { daysInclusive } from '../../core/domain/periods.ts';
import { permitStats } from '../../core/domain/permit-stats.ts';
import { sampleTarget } from '../../core/domain/sample-size.ts';
import { emptySums, summarise } from '../../core/domain/scores.ts';
import { todayIn } from '../../core/domain/time-zones.ts';
import type { AppDeps } from '../deps.ts';
import { notFound, validationFailed } from '../errors.ts';
import { periodFromQuery } from './period-query.ts';

export function improvementRoutes({ db, now }: AppDeps) {
  return new Hono().get('/', async (c) => {
    const region = c.req.query('region');
    if (region && !/^[0-9.]{2,20}$/.test(region)) throw validationFailed({ region: 'must be a region code' });
    const today = todayIn('Asia/Jakarta', now());
    // A period in progress is compared with the same span of the previous one (decision 028).
    const { current, previous, partial } = comparedSpans(periodFromQuery(c.req.query(), now()), today);
    const codes = region ? await regionAndDescendants(db, region) : null;
    if (codes && codes.length === 0) throw notFound(`Region "${region}"`, 'region_not_found');
    const [units, nowSums, prevSums, services, holidays, k] = await Promise.all([
      unitsForBoard(db, codes, null),
      sumsByUnit(db, codes, null, current.from, current.to),
      sumsByUnit(db, codes, null, previous.from, previous.to),
      permitServicesInRegions(db, codes),
      holidaySet(db),
      minPublicRatings(db),
    ]);
    const ikmRows = [];
    for (const u of units) {
      const sa = prevSums.get(u.id) ?? emptySums();
      const sb = nowSums.get(u.id) ?? emptySums();
      const a = summarise(sa);
      const b = summarise(sb);
      const ta = sampleTarget(u.declaredUsers, daysInclusive(previous.from, previous.to));
      const tb = sampleTarget(u.declaredUsers, daysInclusive(current.from, current.to));
      // Neither IKM is published behind fewer than k ratings (small cells, decision 047).
      if (a.ikm === null || b.ikm === null || ta === null || tb === null || a.n < ta || b.n < tb || a.n < k || b.n < k) continue;
      const interval = ikmChangeInterval(sa, sb);
      if (interval === null) continue;
      ikmRows.push({
        unit: { slug: u.slug, name: u.name, region: { code: u.regionCode, name: u.regionName } },
        change: { previous: a.ikm, current: b.ikm, change: ikmChange(sa, sb) },
        ci95: [round2(interval[0]), round2(interval[1])] as [number, number],
        significant: isSignificant(interval),
        n: { previous: a.n, current: b.n },
      });
    }
    // Per permit type: a unit's mix of types would move a pooled median without any permit getting faster.
    const dayServices = services.filter((s) => s.slaUnit === 'working_days');
    const [prevReports, nowReports] = await Promise.all([
      reportsForPeriod(db, dayServices.map((s) => s.id), previous.from, previous.to),
      reportsForPeriod(db, dayServices.map((s) => s.id), current.from, current.to),
    ]);
    const completedDays = (rows: typeof prevReports) => rows.filter((r) => r.completed_on !== null).map((r) => r.working_days ?? 0);
    const permitRows = [];
    for (const u of units) {
      for (const s of dayServices.filter((x) => x.unitSlug === u.slug)) {
        const ra = prevReports.filter((r) => r.service_id === s.id);
        const rb = nowReports.filter((r) => r.service_id === s.id);
        const a = permitStats(ra, 'working_days', today, holidays);
        const b = permitStats(rb, 'working_days', today, holidays);
        if (a.n < MIN_PERMITS || b.n < MIN_PERMITS || a.medianDays === null || b.medianDays === null) continue;
        const interval = shiftInterval(completedDays(ra), completedDays(rb))!;
        permitRows.push({
          unit: { slug: u.slug, name: u.name, region: { code: u.regionCode, name: u.regionName } },
          service: { slug: s.slug, name: s.name },
          change: { previous: a.medianDays, current: b.medianDays, change: round2(b.medianDays - a.medianDays) },
          ci95: [round2(interval[0]), round2(interval[1])] as [number, number],
          significant: isSignificant(interval),
          n: { previous: a.n, current: b.n },
        });
      }
    }
    return c.json({
      period: { code: current.code, from: current.from, to: current.to, partial },
      previous: { code: previous.code, from: previous.from, to: previous.to },
      ikm: rankByImprovement(ikmRows, false),
      permitMedianDays: rankByImprovement(permitRows, true),
    }, 200);
  });
}
