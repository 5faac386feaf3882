import type { Kysely } from 'kysely';
import type { ImportProblem, ImportRow } from '../../core/domain/unit-import.ts';
import type { Database } from '../../core/schema.ts';
import { upsertServiceInTransaction, upsertUnitInTransaction } from './admin.ts';
import { writeAudit } from './audit.ts';

/** Writes checked rows in one transaction: a row that still fails (an unknown region) rolls back all of them. */
export async function importUnits(db: Kysely<Database>, rows: ImportRow[], userId: string, now: Date) {
  class Rollback extends Error {
    constructor(readonly problems: ImportProblem[]) {
      super('import rolled back');
    }
  }
  try {
    return await db.transaction().execute(async (trx) => {
      const problems: ImportProblem[] = [];
      const unitIds = new Map<string, string>();
      let unitsCreated = 0, unitsUpdated = 0, servicesCreated = 0, servicesUpdated = 0;
      for (const row of rows) {
        let unitId = unitIds.get(row.unit.slug);
        if (!unitId) {
          const r = await upsertUnitInTransaction(trx, row.unit, now);
          if (!r.ok) {
            problems.push({ line: row.line, field: `unit.${r.field ?? ''}`, message: r.message });
            continue;
          }
          unitId = r.value!;
          unitIds.set(row.unit.slug, unitId);
          if (r.created) unitsCreated++; else unitsUpdated++;
        }
        if (row.service) {
          const s = await upsertServiceInTransaction(trx, unitId, row.service, now);
          if (s.ok && s.created) servicesCreated++; else if (s.ok) servicesUpdated++;
        }
      }
      if (problems.length) throw new Rollback(problems);
      const summary = { unitsCreated, unitsUpdated, servicesCreated, servicesUpdated };
      await writeAudit(trx, { userId, action: 'units.import', details: { rows: rows.length, ...summary } }, now);
      return { ok: true as const, summary };
    });
  } catch (e) {
    if (e instanceof Rollback) return { ok: false as const, problems: e.problems };
    throw e;
  }
}
