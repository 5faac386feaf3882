// Frozen: reports of a service whose standard is in minutes or hours are judged by what their dates prove (issue 16
// item 12, decision 029). Between a day and the date d calendar days later the clock time taken was more than d − 1 whole
// days and less than d + 1: within when (d + 1) days ≤ the standard (+1 minute), late when d ≥ 1 and (d − 1) days ≥ the
// standard, otherwise unknown (null: "cannot be judged from dates"). The old rule compared d whole days with the
// standard, so a same-day NIB request (60 minutes) was "within" and a next-day one "late". Standards in days are untouched.
import { sql, type Kysely } from 'kysely';

const MINUTES = sql`(CASE WHEN sla_unit = 'hours' THEN sla_value * 60 ELSE sla_value END)`;

export async function up(db: Kysely<any>): Promise<void> {
  await sql`UPDATE permit_reports SET within_sla = CASE
      WHEN (calendar_days + 1) * 1440 <= ${MINUTES} + 1 THEN 1
      WHEN calendar_days >= 1 AND (calendar_days - 1) * 1440 >= ${MINUTES} THEN 0
      ELSE NULL END
    WHERE completed_on IS NOT NULL AND calendar_days IS NOT NULL AND sla_unit IN ('minutes', 'hours')`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`UPDATE permit_reports SET within_sla = CASE WHEN calendar_days * 1440 <= ${MINUTES} THEN 1 ELSE 0 END
    WHERE completed_on IS NOT NULL AND calendar_days IS NOT NULL AND sla_unit IN ('minutes', 'hours')`.execute(db);
}
