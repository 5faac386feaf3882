// What a unit's public page and the API's public unit routes both show: the unit, its follow-up plan, its public
// comments and its permit times, each one (db, …) function, so the page (site/pages/[...lang]/unit/[slug].astro,
// decision 054) and the JSON answers never compute them twice (issue 26 item 1).
import type { Kysely } from 'kysely';
import { publicComments } from '../../db/queries/comments.ts';
import { followUpEvidenceList, listFollowUps } from '../../db/queries/follow-ups.ts';
import { holidaySet } from '../../db/queries/holidays.ts';
import { reportsForPeriod } from '../../db/queries/permits.ts';
import type { UnitDetail } from '../../db/queries/units.ts';
import { yearProgress } from '../../core/domain/follow-up-periods.ts';
import { calendarNotice } from '../../core/domain/holiday-calendar.ts';
import type { Period } from '../../core/domain/periods.ts';
import { permitStats } from '../../core/domain/permit-stats.ts';
import { SKM_ELEMENTS } from '../../core/domain/skm.ts';
import { isTimeZone, todayIn } from '../../core/domain/time-zones.ts';
import type { SlaUnit } from '../../core/domain/working-days.ts';
import type { FollowUpPublic, FollowUpsPublic, Page, PermitServiceTimes, PermitTimes, PublicComment, ServicePublic, UnitPublic } from '../../core/api-types.ts';
import type { Database, Service } from '../../core/schema.ts';
import { encodeCursor } from '../routes/pagination.ts';

export function publicService(s: Service): ServicePublic {
  return {
    slug: s.slug,
    name: s.name,
    isPermit: s.is_permit === 1,
    sla: s.sla_value !== null && s.sla_unit !== null ? { value: s.sla_value, unit: s.sla_unit, startsAt: s.sla_starts_at } : null,
  };
}

/** A unit as GET /api/units/{slug} answers it. */
export function unitPublic(unit: UnitDetail): UnitPublic {
  return {
    slug: unit.slug,
    name: unit.name,
    kind: unit.kind,
    region: unit.region,
    timezone: unit.timezone,
    address: unit.address,
    services: unit.services.map(publicService),
  };
}

/** One page of a unit's public comments, newest first, as GET /api/units/{slug}/comments answers it. */
export async function unitComments(db: Kysely<Database>, unit: UnitDetail, limit: number, after?: { localDate: string; id: string }): Promise<Page<PublicComment>> {
  const rows = await publicComments(db, unit.id, limit + 1, after);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { items: page, nextCursor: rows.length > limit && last ? encodeCursor({ localDate: last.localDate, id: last.id }) : null };
}

/** A unit's follow-up plan (RTL) and this year's progress, as GET /api/units/{slug}/follow-ups answers it. */
export async function unitFollowUps(db: Kysely<Database>, unit: UnitDetail, now: Date): Promise<FollowUpsPublic> {
  const [rows, files] = await Promise.all([listFollowUps(db, unit.id), followUpEvidenceList(db, unit.id)]);
  const year = Number(todayIn(isTimeZone(unit.timezone) ? unit.timezone : 'Asia/Jakarta', now).slice(0, 4));
  return {
    // The RTL register's progress this year, for the unit page's small block (issue 18).
    progress: yearProgress(rows, year),
    items: rows.map((f): FollowUpPublic => ({
      id: f.id,
      period: f.period,
      element: f.element ? { code: f.element, name: SKM_ELEMENTS.find((e) => e.code === f.element)?.name.id ?? f.element } : null,
      problem: f.problem,
      action: f.action,
      responsible: f.responsible,
      dueDate: f.due_date,
      status: f.status,
      progress: f.progress,
      evidenceUrl: f.evidence_url,
      plannedOn: f.planned_on,
      startedOn: f.started_on,
      completedOn: f.completed_on,
      updatedAt: f.updated_at,
      evidenceFiles: files.filter((e) => e.follow_up_id === f.id).map((e) => ({
        id: e.id, name: e.name, mediaType: e.media_type, bytes: e.bytes, sha256: e.sha256,
        url: `/api/units/${unit.slug}/follow-ups/${f.id}/evidence/${e.id}`,
      })),
    })),
  };
}

export function isPermitWithSla(s: Service): boolean {
  return s.is_permit === 1 && s.sla_value !== null && s.sla_unit !== null;
}

/** A unit's permit times in a period, as GET /api/units/{slug}/permit-times answers it. */
export async function unitPermitTimes(db: Kysely<Database>, unit: UnitDetail, period: Period, now: Date): Promise<PermitTimes> {
  const today = todayIn(isTimeZone(unit.timezone) ? unit.timezone : 'Asia/Jakarta', now);
  const services = unit.services.filter(isPermitWithSla);
  const [rows, holidays] = await Promise.all([
    reportsForPeriod(db, services.map((s) => s.id), period.from, period.to),
    holidaySet(db),
  ]);
  return {
    period: { code: period.code, from: period.from, to: period.to },
    // Years without a holiday calendar: the current or next one missing, and any the figures counted days of.
    calendar: calendarNotice(rows, today, holidays),
    services: services.map((s): PermitServiceTimes => {
      const stats = permitStats(rows.filter((r) => r.service_id === s.id), s.sla_unit as SlaUnit, today, holidays);
      return { slug: s.slug, name: s.name, sla: publicService(s).sla, ...stats };
    }),
  };
}
