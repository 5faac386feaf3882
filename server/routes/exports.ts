// Exports (API.md "Exports"): streamed from a cursor into CSV, XLSX or NDJSON, scoped to the account, audited.
import { Hono } from 'hono';
import { stream } from 'hono/streaming';
import { writeAudit } from '../../db/queries/audit.ts';
import { regionAndDescendants } from '../../db/queries/regions.ts';
import { workspaceUnit } from '../../db/queries/workspace.ts';
import { scopeOf } from '../auth/scope.ts';
import { DEFAULT_THRESHOLDS } from '../../core/domain/asn-evidence.ts';
import { todayIn } from '../../core/domain/time-zones.ts';
import type { AppDeps, AppEnv } from '../deps.ts';
import { ApiError, notFound, validationFailed } from '../errors.ts';
import { DATASETS, columnsFor, rowsOf, type Dataset } from '../export/datasets.ts';
import { CONTENT_TYPES, exportFileName, tableWriter, type ExportFormat } from '../export/table-writers.ts';
import { requireUser } from '../middleware/session.ts';
import { periodFromQuery } from './period-query.ts';

export function exportRoutes({ db, readDb, now, publicUrl, asnThresholds }: AppDeps) {
  const reader = readDb ?? db;
  return new Hono<AppEnv>().get('/:file', async (c) => {
    const user = requireUser(c);
    const match = /^([a-z-]+)\.(csv|xlsx|ndjson)$/.exec(c.req.param('file'));
    if (!match || !(DATASETS as readonly string[]).includes(match[1]!)) {
      throw notFound(`Export "${c.req.param('file').slice(0, 40)}" (datasets: ${DATASETS.join(', ')}; formats: csv, xlsx, ndjson)`, 'export_not_found');
    }
    const dataset = match[1] as Dataset;
    const format = match[2] as ExportFormat;
    const q = c.req.query();
    const period = periodFromQuery(q, now());
    if (q.sep && q.sep !== 'semicolon' && q.sep !== 'comma') throw validationFailed({ sep: 'must be semicolon or comma' });
    if (q.includeExcluded && !['true', 'false'].includes(q.includeExcluded)) throw validationFailed({ includeExcluded: 'must be true or false' });
    if (q.region && !/^[0-9.]{2,20}$/.test(q.region)) throw validationFailed({ region: 'must be a region code' });
    if (q.unit && !/^[a-z0-9-]{1,80}$/.test(q.unit)) throw validationFailed({ unit: 'must be a unit slug' });

    const scope = await scopeOf(db, user);
    let regionCodes: string[] | null = null;
    if (q.region) {
      regionCodes = await regionAndDescendants(db, q.region);
      if (regionCodes.length === 0) throw notFound(`Region "${q.region}"`, 'region_not_found');
      // An evaluator asking for a region outside their own is refused, not quietly given an empty file.
      if (scope.kind === 'regions' && !regionCodes.every((code) => scope.codes.includes(code))) throw new ApiError(403, 'forbidden', 'This account may not export that region.');
      if (scope.kind === 'unit') throw new ApiError(403, 'forbidden', 'Staff export their own unit only.');
    }
    if (q.unit) {
      const unit = await workspaceUnit(db, scope, q.unit);
      if (unit === undefined) throw notFound(`Unit "${q.unit}"`, 'unit_not_found');
      if (unit === 'forbidden') throw new ApiError(403, 'forbidden', 'This account may not export that unit.');
    }

    const includeExcluded = q.includeExcluded === 'true';
    const columns = columnsFor(dataset, includeExcluded);
    const filename = exportFileName(`rapor-${dataset}-${period.code.replace(/\.\./g, '_')}${q.unit ? `-${q.unit}` : q.region ? `-${q.region}` : ''}`, format, q.sep === 'semicolon' ? ';' : ',');
    c.header('Content-Type', CONTENT_TYPES[format]);
    c.header('Content-Disposition', `attachment; filename="${filename}"`);
    c.header('Cache-Control', 'no-store');
    const at = now();
    return stream(c, async (s) => {
      let rows = 0;
      let completed = false;
      try {
        const writer = tableWriter(format, (chunk) => s.write(chunk).then(() => undefined), { separator: q.sep === 'semicolon' ? ';' : ',', table: dataset });
        await writer.header(columns);
        for await (const batch of rowsOf(dataset, {
          db: reader,
          filter: { scope, from: period.from, to: period.to, regionCodes, unitSlug: q.unit ?? null },
          period,
          includeExcluded,
          today: todayIn('Asia/Jakarta', at),
          thresholds: asnThresholds ?? DEFAULT_THRESHOLDS,
          evidenceBase: (publicUrl ?? new URL(c.req.url).origin).replace(/\/$/, ''),
        })) {
          if (s.aborted) break;
          await writer.rows(batch);
          rows += batch.length;
        }
        if (!s.aborted) {
          await writer.end();
          completed = true;
        }
      } finally {
        // Every export is audited: who, what, with which filters, how many rows (and whether it finished).
        await writeAudit(db, {
          userId: user.id, action: 'export', unitId: user.unit_id,
          details: { dataset, format, period: period.code, region: q.region ?? null, unit: q.unit ?? null, includeExcluded, rows, completed },
        }, at);
      }
    }, async (error, s) => {
      console.error('[rapor] export failed:', error);
      await s.close();
    });
  });
}

