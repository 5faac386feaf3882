// The SP4N-LAPOR! hand-off of a held comment that alleges misconduct (issue 27 item 7, decision 066): prepare the
// complaint, record LAPOR!'s tracking number, record the agency's answer; each step audited, each scope-checked as the
// review is (evaluators: their region and below; administrators: everything). Due dates in working days for the alerts.
import { sql, type Kysely, type Transaction } from 'kysely';
import {
  complaintText, draftComplaint, laporDue, laporStage, type LaporComplaint, type LaporStage,
} from '../../core/domain/lapor.ts';
import { isTimeZone, todayIn } from '../../core/domain/time-zones.ts';
import type { Database, LaporHandoff } from '../../core/schema.ts';
import { writeAudit } from './audit.ts';
import { holidaySet } from './holidays.ts';
import { unitsInScope, type Scope } from './scope.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface LaporHandoffView {
  /** The rating's id (the held comment). */
  id: string;
  unit: { slug: string; name: string };
  stage: LaporStage;
  complaint: LaporComplaint;
  /** The complaint as text to paste into LAPOR!'s form. */
  text: string;
  /** The day the comment was held (it arrived), in the unit's time zone. */
  heldOn: string;
  preparedAt: string;
  trackingNumber: string | null;
  forwardedOn: string | null;
  answer: { answeredOn: string; summary: string } | null;
  /** What is due next and by when; null once answered. */
  due: { step: 'forward' | 'answer'; dueOn: string; overdue: boolean } | null;
}

export type LaporRefusal =
  | 'not_found' | 'forbidden' | 'not_misconduct' | 'not_prepared' | 'not_forwarded' | 'already_forwarded' | 'already_answered'
  | 'date_before_held' | 'date_before_forwarded' | 'date_in_future';
export type LaporOutcome = { ok: true; handoff: LaporHandoffView } | { ok: false; error: LaporRefusal };

/** The held comment with its unit, and whether the scope covers it (so the route can tell 404 from 403). */
async function subject(db: Db, scope: Scope, responseId: string) {
  const row = await db
    .selectFrom('responses')
    .innerJoin('units', 'units.id', 'responses.unit_id')
    .innerJoin('regions', 'regions.code', 'units.region_code')
    .leftJoin('lapor_handoffs', 'lapor_handoffs.response_id', 'responses.id')
    .select([
      'responses.id as id', 'responses.comment as comment', 'responses.comment_review_flags as flags', 'responses.local_date as localDate',
      'units.id as unitId', 'units.slug as unitSlug', 'units.name as unitName', 'units.address as unitAddress',
      'regions.name as regionName', 'regions.timezone as timezone',
      sql<number>`case when ${unitsInScope(scope)} then 1 else 0 end`.as('inScope'),
    ])
    .select((eb) => eb.ref('lapor_handoffs.response_id').as('handoffId'))
    .where('responses.id', '=', responseId)
    .where('responses.comment', 'is not', null)
    .executeTakeFirst();
  return row && { ...row, inScope: Number(row.inScope) === 1 };
}

function view(
  h: LaporHandoff, unit: { slug: string; name: string }, heldOn: string, today: string, holidays: ReadonlySet<string>,
): LaporHandoffView {
  const complaint: LaporComplaint = {
    jenis: 'pengaduan', judul: h.title, isi: h.body, tanggalKejadian: h.incident_date, lokasi: h.location, instansi: h.agency,
    kategori: h.category, anonim: h.anonymous === 1, rahasia: h.confidential === 1,
  };
  return {
    id: h.response_id,
    unit,
    stage: laporStage(h),
    complaint,
    text: complaintText(complaint),
    heldOn,
    preparedAt: h.prepared_at,
    trackingNumber: h.tracking_number,
    forwardedOn: h.forwarded_on,
    answer: h.answered_on && h.answer_summary !== null ? { answeredOn: h.answered_on, summary: h.answer_summary } : null,
    due: laporDue({ heldOn, forwardedOn: h.forwarded_on, answeredOn: h.answered_on }, today, holidays),
  };
}

const todayOf = (timezone: string, now: Date) => todayIn(isTimeZone(timezone) ? timezone : 'Asia/Jakarta', now);

async function load(db: Db, s: NonNullable<Awaited<ReturnType<typeof subject>>>, now: Date): Promise<LaporHandoffView> {
  const h = await db.selectFrom('lapor_handoffs').selectAll().where('response_id', '=', s.id).executeTakeFirstOrThrow();
  return view(h, { slug: s.unitSlug, name: s.unitName }, s.localDate, todayOf(s.timezone, now), await holidaySet(db));
}

/** A held comment's hand-off as prepared so far; not_prepared when nobody prepared it yet. */
export async function laporHandoff(db: Kysely<Database>, scope: Scope, responseId: string, now: Date): Promise<LaporOutcome> {
  const s = await subject(db, scope, responseId);
  if (!s) return { ok: false, error: 'not_found' };
  if (!s.inScope) return { ok: false, error: 'forbidden' };
  if (!s.handoffId) return { ok: false, error: 'not_prepared' };
  return { ok: true, handoff: await load(db, s, now) };
}

/**
 * Prepares (or, until it is forwarded, prepares again) the complaint for a comment held because it alleges misconduct:
 * the draft (draftComplaint) with the evaluator's changes. Audited as `lapor.prepare`.
 */
export async function prepareLaporHandoff(
  db: Kysely<Database>, scope: Scope, responseId: string, changes: Partial<Omit<LaporComplaint, 'jenis'>>, userId: string, now: Date,
): Promise<LaporOutcome> {
  return db.transaction().execute(async (trx) => {
    const s = await subject(trx, scope, responseId);
    if (!s) return { ok: false, error: 'not_found' } as const;
    if (!s.inScope) return { ok: false, error: 'forbidden' } as const;
    if (!(s.flags ?? '').split(',').includes('alleges_misconduct')) return { ok: false, error: 'not_misconduct' } as const;
    const existing = await trx.selectFrom('lapor_handoffs').select('tracking_number').where('response_id', '=', s.id).executeTakeFirst();
    if (existing?.tracking_number) return { ok: false, error: 'already_forwarded' } as const;
    const c = { ...draftComplaint({ comment: s.comment!, localDate: s.localDate, unitName: s.unitName, unitAddress: s.unitAddress, regionName: s.regionName }), ...changes };
    const columns = {
      title: c.judul, body: c.isi, incident_date: c.tanggalKejadian, location: c.lokasi, agency: c.instansi, category: c.kategori,
      anonymous: c.anonim ? 1 : 0, confidential: c.rahasia ? 1 : 0, prepared_at: now.toISOString(), prepared_by: userId,
    };
    if (existing) await trx.updateTable('lapor_handoffs').set(columns).where('response_id', '=', s.id).execute();
    else await trx.insertInto('lapor_handoffs').values({ response_id: s.id, unit_id: s.unitId, ...columns }).execute();
    // The audit names the step and the switches, not the resident's words.
    await writeAudit(trx, {
      userId, action: 'lapor.prepare', unitId: s.unitId, target: s.id,
      details: { again: Boolean(existing), anonim: c.anonim, rahasia: c.rahasia, kategori: c.kategori },
    }, now);
    return { ok: true, handoff: await load(trx, s, now) } as const;
  });
}

/** Records LAPOR!'s tracking number of a prepared complaint and the day it was filed. Audited as `lapor.forward`. */
export async function recordLaporTracking(
  db: Kysely<Database>, scope: Scope, responseId: string, input: { trackingNumber: string; forwardedOn?: string | undefined }, userId: string, now: Date,
): Promise<LaporOutcome> {
  return db.transaction().execute(async (trx) => {
    const s = await subject(trx, scope, responseId);
    if (!s) return { ok: false, error: 'not_found' } as const;
    if (!s.inScope) return { ok: false, error: 'forbidden' } as const;
    const h = await trx.selectFrom('lapor_handoffs').select(['tracking_number']).where('response_id', '=', s.id).executeTakeFirst();
    if (!h) return { ok: false, error: 'not_prepared' } as const;
    if (h.tracking_number) return { ok: false, error: 'already_forwarded' } as const;
    const today = todayOf(s.timezone, now);
    const forwardedOn = input.forwardedOn ?? today;
    if (forwardedOn > today) return { ok: false, error: 'date_in_future' } as const;
    if (forwardedOn < s.localDate) return { ok: false, error: 'date_before_held' } as const;
    await trx.updateTable('lapor_handoffs')
      .set({ tracking_number: input.trackingNumber, forwarded_on: forwardedOn, forwarded_by: userId })
      .where('response_id', '=', s.id).execute();
    await writeAudit(trx, { userId, action: 'lapor.forward', unitId: s.unitId, target: s.id, details: { trackingNumber: input.trackingNumber, forwardedOn } }, now);
    return { ok: true, handoff: await load(trx, s, now) } as const;
  });
}

/** Records the agency's answer on LAPOR! (its day and a summary) to a forwarded complaint. Audited as `lapor.answer`. */
export async function recordLaporAnswer(
  db: Kysely<Database>, scope: Scope, responseId: string, input: { answeredOn: string; summary: string }, userId: string, now: Date,
): Promise<LaporOutcome> {
  return db.transaction().execute(async (trx) => {
    const s = await subject(trx, scope, responseId);
    if (!s) return { ok: false, error: 'not_found' } as const;
    if (!s.inScope) return { ok: false, error: 'forbidden' } as const;
    const h = await trx.selectFrom('lapor_handoffs').select(['tracking_number', 'forwarded_on', 'answered_on']).where('response_id', '=', s.id).executeTakeFirst();
    if (!h) return { ok: false, error: 'not_prepared' } as const;
    if (!h.tracking_number || !h.forwarded_on) return { ok: false, error: 'not_forwarded' } as const;
    if (h.answered_on) return { ok: false, error: 'already_answered' } as const;
    if (input.answeredOn > todayOf(s.timezone, now)) return { ok: false, error: 'date_in_future' } as const;
    if (input.answeredOn < h.forwarded_on) return { ok: false, error: 'date_before_forwarded' } as const;
    await trx.updateTable('lapor_handoffs')
      .set({ answered_on: input.answeredOn, answer_summary: input.summary, answered_by: userId })
      .where('response_id', '=', s.id).execute();
    await writeAudit(trx, { userId, action: 'lapor.answer', unitId: s.unitId, target: s.id, details: { answeredOn: input.answeredOn } }, now);
    return { ok: true, handoff: await load(trx, s, now) } as const;
  });
}

/**
 * Hand-offs still waiting for a step (forwarding, or the agency's answer) within the scope, soonest due first, each
 * with its due day in working days and whether it is overdue (today in its unit's time zone). `dueBy` keeps those due
 * on or before that day (overdue ones included). For the evaluator's screen and the alerts.
 */
export async function laporHandoffsDue(
  db: Kysely<Database>, now: Date, options: { scope?: Scope; dueBy?: string; limit?: number } = {},
): Promise<LaporHandoffView[]> {
  const rows = await db
    .selectFrom('lapor_handoffs')
    .innerJoin('responses', 'responses.id', 'lapor_handoffs.response_id')
    .innerJoin('units', 'units.id', 'lapor_handoffs.unit_id')
    .innerJoin('regions', 'regions.code', 'units.region_code')
    .selectAll('lapor_handoffs')
    .select(['responses.local_date as heldOn', 'units.slug as unitSlug', 'units.name as unitName', 'regions.timezone as timezone'])
    .where(unitsInScope(options.scope ?? { kind: 'all' }))
    .where('lapor_handoffs.answered_on', 'is', null)
    .orderBy('responses.local_date').orderBy('lapor_handoffs.response_id')
    .execute();
  const holidays = await holidaySet(db);
  const views = rows.map(({ heldOn, unitSlug, unitName, timezone, ...h }) =>
    view(h, { slug: unitSlug, name: unitName }, heldOn, todayOf(timezone, now), holidays));
  return views
    .filter((x) => x.due && (!options.dueBy || x.due.dueOn <= options.dueBy))
    .sort((a, b) => a.due!.dueOn.localeCompare(b.due!.dueOn) || a.id.localeCompare(b.id))
    .slice(0, options.limit ?? 500);
}

/** For the unit's public page: how many complaints were forwarded to SP4N-LAPOR! and how many were answered. Counts only. */
export async function laporCounts(db: Kysely<Database>, unitId: string): Promise<{ forwarded: number; answered: number }> {
  const row = await db
    .selectFrom('lapor_handoffs')
    .select((eb) => [
      eb.fn.count<number>('tracking_number').as('forwarded'),
      eb.fn.count<number>('answered_on').as('answered'),
    ])
    .where('unit_id', '=', unitId)
    .executeTakeFirstOrThrow();
  return { forwarded: Number(row.forwarded), answered: Number(row.answered) };
}
