// What a unit's scores page, the API's scores route and the SKM report's trend all show: one (db, …) function, so the
// route and the PDF never compute a figure twice (issue 26 item 2). `k` is the small-cell rule's minimum (decision 047):
// the public route passes the setting, the unit's own report passes 0 (exact figures).
import type { Kysely } from 'kysely';
import type { UnitScores } from '../../core/api-types.ts';
import { daysInclusive, trendPeriods, type Period } from '../../core/domain/periods.ts';
import { sampleTarget } from '../../core/domain/sample-size.ts';
import { lowestElements, sampleFlags, serviceScores, summarise, totalOf, weakestElements, type Sums } from '../../core/domain/scores.ts';
import { isBelowMinimum, publicIkm, publicSummary } from '../../core/domain/small-cells.ts';
import { isTimeZone } from '../../core/domain/time-zones.ts';
import { localDayBounds } from '../../core/domain/unit-limits.ts';
import type { Database } from '../../core/schema.ts';
import { unitSumsByMonth, unitSumsByService } from '../../db/queries/scores.ts';
import type { UnitDetail } from '../../db/queries/units.ts';
import { visitCodesOfPeriod } from '../../db/queries/visit-codes.ts';

/** A trend starts at the first period with ratings; the requested period is always the last entry. */
function trimLeadingEmpty<T extends { n: number }>(points: T[]): T[] {
  const first = points.findIndex((p) => p.n > 0);
  return first === -1 ? points.slice(-1) : points.slice(first);
}

export async function unitScores(db: Kysely<Database>, unit: UnitDetail, period: Period, now: Date, k: number): Promise<UnitScores> {
  const trend = trendPeriods(period, now.toISOString().slice(0, 10));
  const tz = isTimeZone(unit.timezone) ? unit.timezone : 'Asia/Jakarta';
  const [byService, byMonth, codes] = await Promise.all([
    unitSumsByService(db, unit.id, period.from, period.to),
    unitSumsByMonth(db, unit.id, trend[0]!.from, trend[trend.length - 1]!.to),
    visitCodesOfPeriod(db, unit.id, localDayBounds(period.from, tz).start, localDayBounds(period.to, tz).end),
  ]);
  const total = totalOf(byService.map((s) => s.sums));
  const summary = summarise(total);
  const declared = unit.services.reduce((sum, s) => sum + (s.declared_users ?? 0), 0) || null;
  const target = sampleTarget(declared, daysInclusive(period.from, period.to));
  const { ikmExact: _exact, ...published } = summary;
  // The unit-wide flag grades the unit's IKM; each service carries its own (docs/decisions/023-sample-adequacy.md).
  const perService = serviceScores(unit.services, byService, daysInclusive(period.from, period.to));
  return {
    unit: { slug: unit.slug, name: unit.name },
    period: { code: period.code, from: period.from, to: period.to },
    ...publicSummary(published, k),
    // Figures behind fewer ratings than this are withheld (null) in public: "kurang dari k penilaian".
    minPublicRatings: k,
    // Beside nVerified and ikmVerified: the codes the unit issued in the period against those used (issue 24 F6),
    // so a unit that mints far more codes than its visitors use shows it.
    visitCodesIssued: codes.issued,
    visitCodesUsed: codes.used,
    sampleTarget: target,
    ...sampleFlags(summary.n, target),
    // The three weakest elements by their exact NRR (issue 16), weakest first.
    weakest: isBelowMinimum(summary.n, k) ? [] : weakestElements(total).map((e) => e.code),
    // Every element tied for the lowest exact NRR: each is marked "terendah" (issue 25, item 6).
    lowest: isBelowMinimum(summary.n, k) ? [] : lowestElements(total),
    services: perService.services.map((sv) => publicIkm(sv, k)),
    servicesSampleAdequate: perService.servicesSampleAdequate,
    trend: trimLeadingEmpty(
      trend.map((p) => {
        const sums: Sums = totalOf(byMonth.filter((m) => m.month >= p.from.slice(0, 7) && m.month <= p.to.slice(0, 7)).map((m) => m.sums));
        const s = summarise(sums);
        const pointTarget = sampleTarget(declared, daysInclusive(p.from, p.to));
        return publicIkm({ period: p.code, from: p.from, to: p.to, n: s.n, ikm: s.ikm, mutu: s.mutu, sampleTarget: pointTarget, provisional: sampleFlags(s.n, pointTarget).provisional }, k);
      }),
    ),
  };
}
