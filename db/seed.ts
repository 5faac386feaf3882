// The deterministic demo world (DESIGN.md "Demo data"): regions, units, services, holidays and about 50,000
// ratings over 2025–2026. Rollups are aggregated here in memory with the same domain rule the API uses, so a
// recount from the responses table is an independent check of both.
import type { Kysely } from 'kysely';
import { hashPassword } from '../core/domain/passwords.ts';
import { demoEmail } from '../core/domain/demo.ts';
import { uuidV4, uuidV7, newReceipt, newVisitCode } from '../core/domain/ids.ts';
import { seededRandom, type Random } from '../core/domain/random.ts';
import { redactPersonalData } from '../core/domain/redaction.ts';
import { addRollup, emptyRollup, rollupContribution, type RollupCounts } from '../core/domain/rollup.ts';
import { ELEMENT_CODES, type Answer, type Answers, type ElementCode } from '../core/domain/skm.ts';
import { instantOfLocal, isTimeZone, localDateOf, localHourOf, type TimeZone } from '../core/domain/time-zones.ts';
import { EDUCATION_LEVELS, OCCUPATIONS } from '../core/domain/rating-input.ts';
import type { Database, NewResponse } from '../core/schema.ts';
import { insertRollups, rollupRow } from './queries/rollups.ts';
import { FOLLOW_UP_TEMPLATES } from '../core/domain/follow-up-templates.ts';
import { COMMENTS, HOLIDAYS, REGIONS, REPLIES, SERVICES_BY_KIND, UNITS, type SeedUnit, type UnitKind } from './seed-data.ts';
import type { FollowUpTable, NewPermitReport, ReplyTable } from '../core/schema.ts';
import { isWorkingDay, permitTiming, type SlaUnit } from '../core/domain/working-days.ts';
import type { SeedService } from './seed-data.ts';

export const DEMO_SEED = 20260101;
/** The password of every demo account (API.md "Accounts"); the sign-in page says so in demo mode. */
export const DEMO_PASSWORD = 'rapor-demo-2026';
export const DEMO_FIRST_DAY = '2025-01-01';
export const DEMO_LAST_DAY = '2026-11-20';

export interface SeedSummary {
  regions: number;
  units: number;
  services: number;
  holidays: number;
  responses: number;
  replies: number;
  followUps: number;
  permitReports: number;
  accounts: number;
}

export async function isDatabaseEmpty(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('units').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n) === 0;
}

function daysBetween(first: string, last: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(first + 'T00:00:00Z'); t <= Date.parse(last + 'T00:00:00Z'); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

// Element tendencies seen across SKM reports: fees are mostly free, time and complaint handling score lowest.
const ELEMENT_BIAS: Record<ElementCode, number> = {
  U1: 0.1, U2: 0.0, U3: -0.3, U4: 0.45, U5: 0.05, U6: 0.1, U7: 0.15, U8: -0.35, U9: -0.1,
};
const FEE_KINDS: UnitKind[] = ['samsat', 'dpmptsp', 'rsud'];

/** Cumulative visit weights over the demo days for one kind of unit (weekends and holidays mostly closed). */
function dayWeights(days: string[], kind: UnitKind, holidays: Set<string>): number[] {
  const cumulative: number[] = [];
  let sum = 0;
  const alwaysOpen = kind === 'rsud';
  for (const day of days) {
    const weekday = new Date(day + 'T00:00:00Z').getUTCDay();
    let w = 1;
    if (weekday === 0) w = alwaysOpen ? 0.3 : 0;
    else if (weekday === 6) w = alwaysOpen || kind === 'puskesmas' ? 0.4 : 0;
    if (holidays.has(day)) w = alwaysOpen ? 0.3 : 0;
    // Vehicle tax falls due around the year's start; school documents around the new school year (June–July).
    const month = Number(day.slice(5, 7));
    if (kind === 'samsat' && month <= 3) w *= 1.4;
    if (kind === 'disdik' && (month === 6 || month === 7)) w *= 2.5;
    sum += w;
    cumulative.push(sum);
  }
  return cumulative;
}

function pickWeighted(random: Random, cumulative: number[]): number {
  const target = random.next() * cumulative[cumulative.length - 1]!;
  let lo = 0, hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function clampAnswer(x: number): Answer {
  return Math.min(4, Math.max(1, Math.round(x))) as Answer;
}

function profile(random: Random) {
  if (random.chance(0.12)) return { gender: null, age: null, education: null, occupation: null };
  const age = Math.min(80, Math.max(17, Math.round(38 + random.normal() * 12)));
  const education = random.pick([...EDUCATION_LEVELS, 'SMA', 'SMA', 'D4-S1', 'D4-S1', 'SMP']);
  const occupation = age < 24 && random.chance(0.6) ? 'Pelajar/Mahasiswa' : random.pick([...OCCUPATIONS, 'Swasta', 'Wirausaha', 'Wirausaha', 'Lainnya']);
  return {
    gender: random.chance(0.52) ? 'P' : 'L',
    age: random.chance(0.95) ? age : null,
    education: random.chance(0.93) ? education : null,
    occupation,
  };
}

export interface SeedOptions {
  seed?: number;
  /** Multiplies every unit's number of ratings (benchmarks seed 0.2× or 20× the demo). */
  scale?: number;
}

export async function seedDemo(db: Kysely<Database>, options: SeedOptions = {}): Promise<SeedSummary> {
  const random = seededRandom(options.seed ?? DEMO_SEED);
  // One hash for every demo account: they share a published password anyway, and scrypt is slow on purpose.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  let accounts = 0;
  const scale = options.scale ?? 1;
  const days = daysBetween(DEMO_FIRST_DAY, DEMO_LAST_DAY);
  const holidayDates = new Set(HOLIDAYS.flatMap((h) => h.days.map(([date]) => date)));
  const created = '2024-12-01T00:00:00.000Z';
  let services = 0;
  let responses = 0;
  let replies = 0;
  let followUps = 0;
  let permitReports = 0;

  await db.transaction().execute(async (trx) => {
    await trx.insertInto('regions').values(
      REGIONS.map((r) => ({ code: r.code, name: r.name, kind: r.kind, timezone: r.timezone, parent_code: r.parentCode, kemendagri_code: r.kemendagriCode })),
    ).execute();
    await trx.insertInto('holidays').values(
      HOLIDAYS.flatMap((h) => h.days.map(([date, name]) => ({ date, name, kind: h.kind }))),
    ).execute();

    const rollups = new Map<string, { key: { unitId: string; serviceId: string; localDate: string }; counts: RollupCounts }>();
    for (const unit of UNITS) {
      const region = REGIONS.find((r) => r.code === unit.regionCode)!;
      if (!isTimeZone(region.timezone)) throw new Error(`seed: unknown time zone ${region.timezone}`);
      const unitId = uuidV7(Date.parse(created), random.bytes);
      await trx.insertInto('units').values({
        id: unitId, slug: unit.slug, name: unit.name, kind: unit.kind, region_code: unit.regionCode,
        address: unit.address, created_at: created,
      }).execute();
      const templates = SERVICES_BY_KIND[unit.kind];
      const serviceRows = templates.map((s, position) => ({
        id: uuidV7(Date.parse(created), random.bytes),
        unit_id: unitId, slug: s.slug, name: s.name, position, is_permit: s.isPermit ? 1 : 0,
        sla_value: s.sla?.value ?? null, sla_unit: s.sla?.unit ?? null, sla_starts_at: s.sla?.startsAt ?? null,
        // Yearly users declared per service for the sample target: one to two times the ratings a year.
        declared_users: Math.max(20, Math.round(((unit.volume / 2) * s.weight / templates.reduce((a, t) => a + t.weight, 0)) * (1.2 + random.next()))),
      }));
      await trx.insertInto('services').values(serviceRows).execute();
      services += serviceRows.length;

      const serviceCumulative: number[] = [];
      templates.reduce((sum, s) => (serviceCumulative.push(sum + s.weight), sum + s.weight), 0);
      const rows = generateResponses(random, { ...unit, volume: Math.round(unit.volume * scale) }, unitId, serviceRows.map((s) => s.id), serviceCumulative, days,
        dayWeights(days, unit.kind, holidayDates), region.timezone);
      for (let i = 0; i < rows.length; i += 500) {
        const chunk = rows.slice(i, i + 500);
        await trx.insertInto('responses').values(chunk.map((r) => r.response)).execute();
        const codes = chunk.filter((r) => r.response.visit_code_id).map((r) => ({
          id: r.response.visit_code_id!, unit_id: unitId, code: r.visitCode!, issued_at: r.response.created_at,
          used_at: r.response.created_at, response_id: r.response.id,
        }));
        if (codes.length) await trx.insertInto('visit_codes').values(codes).execute();
      }
      for (const { response, answers } of rows) {
        const key = `${unitId}|${response.service_id}|${response.local_date}`;
        let entry = rollups.get(key);
        if (!entry) {
          entry = { key: { unitId, serviceId: response.service_id!, localDate: response.local_date }, counts: emptyRollup() };
          rollups.set(key, entry);
        }
        addRollup(entry.counts, rollupContribution(answers, response.verified === 1));
      }
      responses += rows.length;
      const permits = generatePermitReports(random, { ...unit, volume: Math.round(unit.volume * scale) }, unitId, serviceRows, templates, holidayDates);
      for (let i = 0; i < permits.length; i += 1000) await trx.insertInto('permit_reports').values(permits.slice(i, i + 1000)).execute();
      permitReports += permits.length;
      const extras = followUpWork(random, unit, unitId, rows);
      if (extras.replies.length) await trx.insertInto('replies').values(extras.replies).execute();
      if (extras.followUps.length) await trx.insertInto('follow_ups').values(extras.followUps).execute();
      replies += extras.replies.length;
      followUps += extras.followUps.length;
    }
    await insertRollups(trx, [...rollups.values()].map((e) => rollupRow(e.key, e.counts)));
    accounts = await insertDemoAccounts(trx, random, passwordHash);
    await insertOfficialsAndTargets(trx, random);
  });

  return {
    regions: REGIONS.length,
    units: UNITS.length,
    services,
    holidays: HOLIDAYS.reduce((n, h) => n + h.days.length, 0),
    responses,
    replies,
    followUps,
    permitReports,
    accounts,
  };
}

function generateResponses(
  random: Random,
  unit: SeedUnit,
  unitId: string,
  serviceIds: string[],
  serviceCumulative: number[],
  days: string[],
  dayCumulative: number[],
  tz: TimeZone,
): { response: NewResponse; answers: Answers; visitCode: string | null }[] {
  const unitBias = Object.fromEntries(ELEMENT_CODES.map((c) => [c, random.normal() * 0.15])) as Record<ElementCode, number>;
  const feeBias = FEE_KINDS.includes(unit.kind) ? -0.35 : 0;
  const usedCodes = new Set<string>();
  const out: { response: NewResponse; answers: Answers; visitCode: string | null }[] = [];
  for (let i = 0; i < unit.volume; i++) {
    const dayIndex = pickWeighted(random, dayCumulative);
    const day = days[dayIndex]!;
    // Most rate at the counter in office hours; some rate from home in the evening, a few just after midnight.
    const slot = random.next();
    let hour: number, minute: number;
    let channel: string;
    if (slot < 0.72) {
      hour = random.int(7, 15);
      minute = random.int(hour === 7 ? 30 : 0, 59);
      channel = random.chance(0.35) ? 'kiosk' : random.chance(0.85) ? 'qr' : 'web';
    } else if (slot < 0.93) {
      hour = random.int(18, 23);
      minute = random.int(0, 59);
      channel = random.chance(0.6) ? 'qr' : 'web';
    } else {
      hour = 0;
      minute = random.int(0, 59);
      channel = random.chance(0.6) ? 'qr' : 'web';
    }
    const instant = instantOfLocal(day, hour, minute, random.int(0, 59), tz);
    const years = (instant.getTime() - Date.parse(DEMO_FIRST_DAY + 'T00:00:00Z')) / (365.25 * 86_400_000);
    const latent = unit.quality + unit.trend * years + random.normal() * 0.35;
    const answers = Object.fromEntries(
      ELEMENT_CODES.map((code) => [
        code,
        clampAnswer(latent + ELEMENT_BIAS[code] + unitBias[code] + (code === 'U4' ? feeBias : 0) + random.normal() * 0.45),
      ]),
    ) as Answers;
    const mean = ELEMENT_CODES.reduce((s, c) => s + answers[c], 0) / 9;

    let comment: string | null = null;
    if (random.chance(0.12)) {
      const pool = random.chance(0.08) ? COMMENTS.personal : mean >= 3 ? COMMENTS.good : COMMENTS.bad;
      comment = redactPersonalData(random.pick(pool));
    }
    const verified = random.chance(channel === 'kiosk' ? 0.4 : channel === 'qr' ? 0.1 : 0.03);
    let visitCode: string | null = null;
    if (verified) {
      do visitCode = newVisitCode(random.bytes);
      while (usedCodes.has(visitCode));
      usedCodes.add(visitCode);
    }
    const p = profile(random);
    out.push({
      answers,
      visitCode,
      response: {
        // Random ids, as live ratings get (decision 022): a time-ordered id would show each rating's millisecond.
        id: uuidV4(random.bytes),
        unit_id: unitId,
        service_id: serviceIds[pickWeighted(random, serviceCumulative)]!,
        created_at: instant.toISOString(),
        local_date: localDateOf(instant, tz),
        local_hour: localHourOf(instant, tz),
        channel,
        u1: answers.U1, u2: answers.U2, u3: answers.U3, u4: answers.U4, u5: answers.U5,
        u6: answers.U6, u7: answers.U7, u8: answers.U8, u9: answers.U9,
        ...p,
        comment,
        idempotency_key: uuidV4(random.bytes),
        receipt: newReceipt(random.bytes),
        ip_hash: null,
        verified: verified ? 1 : 0,
        visit_code_id: verified ? uuidV4(random.bytes) : null,
        exclusion_reason: null,
        excluded_at: null,
        comment_hidden_reason: null,
        comment_hidden_at: null,
        device_id: null,
      },
    });
  }
  return out;
}

type Generated = ReturnType<typeof generateResponses>;

/** The unit's side of the demo: replies to some comments, and a follow-up plan on its two weakest elements. */
function followUpWork(random: Random, unit: SeedUnit, unitId: string, rows: Generated): { replies: ReplyTable[]; followUps: FollowUpTable[] } {
  const replies: ReplyTable[] = [];
  const followUps: FollowUpTable[] = [];
  if (unit.volume < 300) return { replies, followUps };
  for (const { response, answers } of rows) {
    if (!response.comment || !random.chance(0.3)) continue;
    const mean = ELEMENT_CODES.reduce((sum, c) => sum + answers[c], 0) / 9;
    const at = new Date(Date.parse(response.created_at) + random.int(4, 72) * 3_600_000);
    replies.push({
      id: uuidV7(at.getTime(), random.bytes),
      response_id: response.id,
      unit_id: unitId,
      body: random.pick(mean >= 3 ? REPLIES.good : REPLIES.bad),
      author_user_id: null,
      created_at: at.toISOString(),
    });
  }
  const sums = ELEMENT_CODES.map((code) => ({ code, sum: rows.reduce((s, r) => s + r.answers[code], 0) }));
  const weakest = sums.sort((a, b) => a.sum - b.sum).slice(0, 2).map((x) => x.code);
  const plan: { period: string; element: ElementCode; status: string; progress: number; due: string; done: string | null }[] = [
    { period: '2025-S2', element: weakest[0]!, status: 'selesai', progress: 100, due: '2026-03-31', done: '2026-03-20' },
    { period: '2026-S1', element: weakest[0]!, status: 'berjalan', progress: 60, due: '2026-12-15', done: null },
    { period: '2026-S1', element: weakest[1]!, status: 'rencana', progress: 0, due: '2027-03-31', done: null },
  ];
  for (const item of plan) {
    const template = FOLLOW_UP_TEMPLATES[item.element];
    const created = item.period === '2025-S2' ? '2026-01-20T02:00:00.000Z' : '2026-07-20T02:00:00.000Z';
    followUps.push({
      id: uuidV7(Date.parse(created), random.bytes),
      unit_id: unitId,
      period: item.period,
      element: item.element,
      problem: template.problem,
      action: template.action,
      responsible: template.responsible,
      due_date: item.due,
      status: item.status,
      progress: item.progress,
      evidence_url: null,
      completed_on: item.done,
      created_at: created,
      updated_at: item.done ? item.done + 'T08:00:00.000Z' : created,
      // The register's status dates (issue 18): planned when created; under way from a week after.
      planned_on: created.slice(0, 10),
      started_on: item.status === 'rencana' ? null : created === '2026-01-20T02:00:00.000Z' ? '2026-01-27' : '2026-07-27',
    });
  }
  return { replies, followUps };
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(date + 'T00:00:00Z') + days * 86_400_000).toISOString().slice(0, 10);
}

/** The date `count` working days after `date` (0: the same day). */
function afterWorkingDays(date: string, count: number, holidays: ReadonlySet<string>): string {
  let d = date;
  for (let left = count; left > 0; ) {
    d = addDays(d, 1);
    if (isWorkingDay(d, holidays)) left--;
  }
  return d;
}

/**
 * Residents' permit reports: durations spread around each unit's own pace against the SLA; units in Gorontalo get
 * faster over 2025–2026 (the "Gorontalo Berprestasi" program), others vary; recent files may still be waiting.
 */
function generatePermitReports(
  random: Random,
  unit: SeedUnit,
  unitId: string,
  serviceRows: { id: string; sla_value: number | null; sla_unit: string | null; is_permit: number }[],
  templates: SeedService[],
  holidays: ReadonlySet<string>,
): NewPermitReport[] {
  const out: NewPermitReport[] = [];
  const totalWeight = templates.reduce((a, t) => a + t.weight, 0);
  // Pace: share of the SLA a typical file takes; better-rated units are faster.
  const pace = Math.max(0.35, 1.9 - 0.45 * unit.quality + random.normal() * 0.1);
  const gorontalo = unit.regionCode === '75' || unit.regionCode.startsWith('75');
  serviceRows.forEach((service, i) => {
    // A former "permit" (issue 25 item 11) is drawn as before and its reports dropped: the random stream, and with it
    // every later unit's demo data, stays as it was.
    const drawOnly = service.is_permit !== 1 && templates[i]!.formerPermitDraws === true;
    if ((service.is_permit !== 1 && !drawOnly) || service.sla_value === null || service.sla_unit === null) return;
    const sla = { value: service.sla_value, unit: service.sla_unit as SlaUnit };
    const count = Math.round(unit.volume * 0.24 * (templates[i]!.weight / totalWeight));
    for (let k = 0; k < count; k++) {
      let submitted = addDays(DEMO_FIRST_DAY, random.int(1, 675));
      while (!isWorkingDay(submitted, holidays)) submitted = addDays(submitted, 1);
      const years = (Date.parse(submitted) - Date.parse(DEMO_FIRST_DAY)) / (365.25 * 86_400_000);
      const trend = gorontalo ? Math.max(0.55, 1 - 0.22 * years) : 1 + random.normal() * 0.02;
      let completed: string;
      if (sla.unit === 'working_days') {
        const days = Math.max(0, Math.round(sla.value * pace * trend * Math.exp(random.normal() * 0.45)));
        completed = afterWorkingDays(submitted, days, holidays);
      } else {
        // Services promised within the day: mostly done the same day, some a few days later.
        completed = random.chance(0.8 / pace) ? submitted : afterWorkingDays(submitted, random.int(1, 4), holidays);
      }
      const recent = submitted > addDays(DEMO_LAST_DAY, -120);
      const pending = completed > DEMO_LAST_DAY || (recent && random.chance(0.05));
      const t = permitTiming(submitted, pending ? null : completed, DEMO_LAST_DAY, sla, holidays);
      const createdAt = new Date(Date.parse((pending ? submitted : completed) + 'T03:00:00Z') + random.int(0, 86_400) * 1000);
      // Random ids, as live reports get (decision 022); drawn even for a report that is discarded, so the stream stays.
      const id = uuidV4(random.bytes);
      const idempotencyKey = uuidV4(random.bytes);
      if (drawOnly) continue;
      out.push({
        id,
        unit_id: unitId,
        service_id: service.id,
        submitted_on: submitted,
        completed_on: pending ? null : completed,
        sla_value: sla.value,
        sla_unit: sla.unit,
        working_days: pending ? null : t.workingDays,
        calendar_days: pending ? null : t.calendarDays,
        within_sla: pending || t.withinSla === null ? null : t.withinSla ? 1 : 0,
        idempotency_key: idempotencyKey,
        ip_hash: null,
        created_at: createdAt.toISOString(),
      });
    }
  });
  return out;
}

/** admin@, evaluator@ (national), evaluator.gorontalo@ (Provinsi Gorontalo) and staff.{unit-slug}@demo.rapor.id. */
async function insertDemoAccounts(db: Kysely<Database>, random: Random, passwordHash: string): Promise<number> {
  const created = '2024-12-01T00:00:00.000Z';
  const id = () => uuidV7(Date.parse(created), random.bytes);
  const units = await db.selectFrom('units').select(['id', 'slug', 'name']).orderBy('slug').execute();
  const rows = [
    { email: demoEmail('admin'), name: 'Admin Diskominfo (demo)', role: 'admin', unit_id: null, region_code: null },
    { email: demoEmail('evaluator'), name: 'Evaluator KemenPANRB (demo)', role: 'evaluator', unit_id: null, region_code: null },
    { email: demoEmail('evaluator.gorontalo'), name: 'Evaluator BKPSDM Provinsi Gorontalo (demo)', role: 'evaluator', unit_id: null, region_code: '75' },
    ...units.map((u) => ({ email: demoEmail(`staff.${u.slug}`), name: `Petugas ${u.name} (demo)`, role: 'staff', unit_id: u.id, region_code: null })),
  ];
  await db.insertInto('users').values(rows.map((r) => ({ ...r, id: id(), password_hash: passwordHash, created_at: created, disabled_at: null }))).execute();
  return rows.length;
}

const OFFICIAL_NAMES = [
  'Drs. Abdul Rahman Mooduto, M.Si', 'Hj. Siti Nurhaliza Daud, S.E., M.M.', 'Ir. Yusuf Hasan Katili, M.T.', 'dr. Fitriani Kadir, M.Kes',
  'Ahmad Fauzi Usman, S.STP., M.Si', 'Rina Marlina Panigoro, S.H.', 'H. Muhammad Iqbal Nasution, S.Sos', 'Dewi Kartika Sari, S.Kom., M.T.',
  'Bambang Suryadi, S.Pd., M.Pd.', 'Nurhayati Ibrahim, S.AP', 'dr. Hendra Wijaya, Sp.PD', 'Sri Wahyuni Podungge, S.E.',
];

/** The head of each unit (with one change of office in a few units) and yearly targets (DOMAIN.md §8). */
async function insertOfficialsAndTargets(db: Kysely<Database>, random: Random): Promise<void> {
  const units = await db.selectFrom('units').select(['id', 'slug', 'kind']).orderBy('slug').execute();
  const officials = [];
  const targets = [];
  for (const [i, unit] of units.entries()) {
    const nip = () => {
      const birth = `19${random.int(68, 85)}${String(random.int(1, 12)).padStart(2, '0')}${String(random.int(1, 28)).padStart(2, '0')}`;
      const appointed = `20${String(random.int(0, 12)).padStart(2, '0')}${String(random.int(1, 12)).padStart(2, '0')}`;
      return `${birth}${appointed}${random.int(1, 2)}${String(random.int(1, 999)).padStart(3, '0')}`;
    };
    const position = unit.kind === 'puskesmas' ? 'Kepala Puskesmas' : unit.kind === 'rsud' ? 'Direktur' : unit.kind === 'kecamatan' ? 'Camat' : unit.kind === 'kelurahan' ? 'Lurah' : unit.kind === 'samsat' ? 'Kepala UPTD' : 'Kepala Dinas';
    const changed = i % 9 === 4;
    officials.push({ id: uuidV7(Date.parse('2024-01-02'), random.bytes), nip: nip(), name: OFFICIAL_NAMES[i % OFFICIAL_NAMES.length]!, position, unit_id: unit.id, from_date: '2024-01-02', to_date: changed ? '2025-06-30' : null });
    if (changed) officials.push({ id: uuidV7(Date.parse('2025-07-01'), random.bytes), nip: nip(), name: OFFICIAL_NAMES[(i + 5) % OFFICIAL_NAMES.length]!, position, unit_id: unit.id, from_date: '2025-07-01', to_date: null });
    for (const year of [2025, 2026]) {
      targets.push(
        { unit_id: unit.id, indicator: 'ikm', year, value: year === 2025 ? 78 : 80 },
        { unit_id: unit.id, indicator: 'permit_within_sla_share', year, value: 90 },
        { unit_id: unit.id, indicator: 'permit_median_days', year, value: year === 2025 ? 12 : 10 },
        { unit_id: unit.id, indicator: 'follow_up_on_time_share', year, value: 80 },
      );
    }
  }
  await db.insertInto('officials').values(officials).execute();
  await db.insertInto('targets').values(targets).execute();
}
