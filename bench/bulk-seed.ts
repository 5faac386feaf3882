// Bulk responses for the benchmarks: adds `count` plain ratings to a demo world in a SQLite file with raw prepared
// statements (millions a minute, where the demo seed's Kysely inserts take a minute per million), and adds what they
// contribute to the daily and monthly rollups, so every score stays equal to a recount. Benchmark data only: the
// file is written without fsync, and nothing here is used by the portal.
import Database from 'better-sqlite3';
import { SUM_COLUMNS, rollupRow } from '../db/queries/rollups.ts';
import { uuidV7 } from '../core/domain/ids.ts';
import { seededRandom } from '../core/domain/random.ts';
import { addRollup, emptyRollup, rollupContribution, type RollupCounts } from '../core/domain/rollup.ts';
import { ELEMENT_CODES, type Answers } from '../core/domain/skm.ts';

const UTC_OFFSET_HOURS: Record<string, number> = { 'Asia/Jakarta': 7, 'Asia/Makassar': 8, 'Asia/Jayapura': 9 };
const FIRST_DAY = Date.UTC(2025, 0, 1);
const DAYS = 690; // 2025-01-01 … 2026-11-21

export function bulkAddResponses(file: string, count: number, seed = 20261124): { added: number; seconds: number } {
  const started = performance.now();
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -1000000');
  const services = db.prepare(
    `select s.id as serviceId, s.unit_id as unitId, r.timezone as timezone
       from services s join units u on u.id = s.unit_id join regions r on r.code = u.region_code order by s.id`,
  ).all() as { serviceId: string; unitId: string; timezone: string }[];
  const random = seededRandom(seed);
  // Each service has its own level (some units serve well, some less so) that its answers scatter around.
  const level = services.map(() => 2.4 + random.next() * 1.3);
  const insert = db.prepare(
    `insert into responses (id, unit_id, service_id, created_at, local_date, local_hour, channel,
       u1, u2, u3, u4, u5, u6, u7, u8, u9, idempotency_key, receipt, verified)
     values (?, ?, ?, ?, ?, ?, 'web', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)`,
  );
  const daily = new Map<string, { unitId: string; serviceId: string; localDate: string; counts: RollupCounts }>();
  const receiptBase = Date.now().toString(36);
  const values = new Array<number>(9);
  // Day by day and through each day's opening hours, so ids (UUID v7, time-ordered) mostly append to the indexes.
  const day = db.transaction((dayIndex: number, n: number, from: number) => {
    const localDate = new Date(FIRST_DAY + dayIndex * 86_400_000).toISOString().slice(0, 10);
    const opening = FIRST_DAY + dayIndex * 86_400_000 + 8 * 3_600_000;
    for (let i = 0; i < n; i++) {
      const s = random.int(0, services.length - 1);
      const { serviceId, unitId, timezone } = services[s]!;
      const localMs = opening + Math.floor((i * 8 * 3_600_000) / n);
      const createdMs = localMs - (UTC_OFFSET_HOURS[timezone] ?? 7) * 3_600_000;
      for (let e = 0; e < 9; e++) values[e] = Math.min(4, Math.max(1, Math.round(level[s]! + random.normal() * 0.6)));
      const id = uuidV7(createdMs, random.bytes);
      insert.run(id, unitId, serviceId, new Date(createdMs).toISOString(), localDate, 8 + Math.floor((i * 8) / n), ...values,
        id, `B${receiptBase}${(from + i).toString(36).padStart(8, '0')}`);
      const key = `${serviceId}|${localDate}`;
      let entry = daily.get(key);
      if (!entry) daily.set(key, (entry = { unitId, serviceId, localDate, counts: emptyRollup() }));
      addRollup(entry.counts, rollupContribution(Object.fromEntries(ELEMENT_CODES.map((c, e) => [c, values[e]])) as Answers, false));
    }
  });
  let added = 0;
  for (let d = 0; d < DAYS; d++) {
    const n = Math.floor((count * (d + 1)) / DAYS) - Math.floor((count * d) / DAYS);
    day(d, n, added);
    added += n;
  }

  const upsert = (table: 'score_daily' | 'score_monthly', keyColumn: 'local_date' | 'month') => db.prepare(
    `insert into ${table} (unit_id, service_id, ${keyColumn}, ${SUM_COLUMNS.join(', ')})
     values (?, ?, ?, ${SUM_COLUMNS.map(() => '?').join(', ')})
     on conflict (unit_id, service_id, ${keyColumn}) do update set ${SUM_COLUMNS.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')}`,
  );
  const upsertDaily = upsert('score_daily', 'local_date');
  const upsertMonthly = upsert('score_monthly', 'month');
  db.transaction(() => {
    for (const { unitId, serviceId, localDate, counts } of daily.values()) {
      const row = rollupRow({ unitId, serviceId, localDate }, counts);
      const sums = SUM_COLUMNS.map((c) => row[c]);
      upsertDaily.run(unitId, serviceId, localDate, ...sums);
      upsertMonthly.run(unitId, serviceId, localDate.slice(0, 7), ...sums);
    }
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { added, seconds: (performance.now() - started) / 1000 };
}
