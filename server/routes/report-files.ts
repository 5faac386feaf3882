// The SKM report as files (DOMAIN.md §10): one unit's report as a PDF, for whoever may read the HTML report (evaluator
// of the region, admin, staff of the unit), and a ZIP of the PDFs of every unit in an evaluator's scope for a period.
// Both are audited like the exports. Registered before reportRoutes: "/reports/skm/x.pdf" is a file, not a unit slug.
import { Hono } from 'hono';
import { stream } from 'hono/streaming';
import { writeAudit } from '../../db/queries/audit.ts';
import { unitsForExport } from '../../db/queries/exports.ts';
import { regionAndDescendants } from '../../db/queries/regions.ts';
import { scopeOf } from '../auth/scope.ts';
import type { AppDeps, AppEnv } from '../deps.ts';
import type { Lang } from '../../core/domain/skm.ts';
import { ApiError, notFound, validationFailed } from '../errors.ts';
import { ZipStream } from '../export/zip-stream.ts';
import { requireRole, requireUser } from '../middleware/session.ts';
import { skmFileData } from '../report/skm-file-data.ts';
import { renderSkmPdf, skmPdfFileName } from '../report/skm-pdf.ts';
import { periodFromQuery } from './period-query.ts';

function langOf(value: string | undefined): Lang {
  if (value === undefined || value === '' || value === 'id') return 'id';
  if (value === 'en') return 'en';
  throw validationFailed({ lang: 'must be id or en' });
}

export function reportFileRoutes(deps: AppDeps) {
  const { db, now } = deps;
  return new Hono<AppEnv>()
    .get('/skm/:slug{[a-z0-9-]+\\.pdf}', async (c) => {
      const user = requireUser(c);
      const slug = c.req.param('slug').slice(0, -'.pdf'.length);
      const period = periodFromQuery(c.req.query(), now());
      const lang = langOf(c.req.query('lang'));
      const scope = await scopeOf(db, user);
      const at = now();
      const pdf = await renderSkmPdf(await skmFileData(deps, scope, slug, period), lang, at);
      await writeAudit(db, {
        userId: user.id, action: 'export', unitId: user.unit_id,
        details: { dataset: 'skm-report', format: 'pdf', period: period.code, unit: slug, lang, completed: true },
      }, at);
      return c.body(new Uint8Array(pdf), 200, {
        'Content-Type': 'application/pdf',
        'Content-Disposition': `attachment; filename="${skmPdfFileName(slug, period.code, lang)}"`,
      });
    })
    .get('/skm.zip', async (c) => {
      const user = requireRole(c, 'evaluator', 'admin');
      const q = c.req.query();
      const period = periodFromQuery(q, now());
      const lang = langOf(q.lang);
      if (q.region && !/^[0-9.]{2,20}$/.test(q.region)) throw validationFailed({ region: 'must be a region code' });
      const scope = await scopeOf(db, user);
      let regionCodes: string[] | null = null;
      if (q.region) {
        regionCodes = await regionAndDescendants(db, q.region);
        if (regionCodes.length === 0) throw notFound(`Region "${q.region}"`, 'region_not_found');
        // A region outside the evaluator's own is refused, not quietly answered with an empty archive.
        if (scope.kind === 'regions' && !regionCodes.every((code) => scope.codes.includes(code))) throw new ApiError(403, 'forbidden', 'This account may not download that region\'s reports.');
      }
      const units = await unitsForExport(db, { scope, regionCodes, unitSlug: null });
      const at = now();
      c.header('Content-Type', 'application/zip');
      c.header('Content-Disposition', `attachment; filename="${`laporan-skm-${period.code.replace(/\.\./g, '_')}${q.region ? `-${q.region}` : ''}${lang === 'en' ? '-en' : ''}.zip`}"`);
      return stream(c, async (s) => {
        let files = 0;
        let completed = false;
        try {
          const zip = new ZipStream((chunk) => s.write(chunk).then(() => undefined));
          for (const unit of units) {
            if (s.aborted) break;
            // One PDF at a time: memory holds a single report whatever the scope's size.
            await zip.file(skmPdfFileName(unit.slug, period.code, lang), await renderSkmPdf(await skmFileData(deps, scope, unit.slug, period), lang, at));
            files++;
          }
          if (!s.aborted) {
            await zip.finish();
            completed = true;
          }
        } finally {
          await writeAudit(db, {
            userId: user.id, action: 'export', unitId: user.unit_id,
            details: { dataset: 'skm-report', format: 'zip', period: period.code, region: q.region ?? null, lang, files, completed },
          }, at);
        }
      }, async (error, s) => {
        console.error('[rapor] report archive failed:', error);
        await s.close();
      });
    });
}
