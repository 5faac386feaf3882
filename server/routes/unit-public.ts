// A unit's public comments (with its replies) and its follow-up plan.
import { Hono } from 'hono';
import { publicComments } from '../../db/queries/comments.ts';
import { followUpEvidenceList, listFollowUps } from '../../db/queries/follow-ups.ts';
import { yearProgress } from '../../core/domain/follow-up-periods.ts';
import { isTimeZone, todayIn } from '../../core/domain/time-zones.ts';
import { SKM_ELEMENTS } from '../../core/domain/skm.ts';
import type { FollowUpPublic, FollowUpsPublic, Page, PublicComment } from '../../core/api-types.ts';
import type { AppDeps } from '../deps.ts';
import { decodeCursor, encodeCursor, parseLimit } from './pagination.ts';
import { requireUnit } from './units.ts';

export function unitPublicRoutes({ db, now }: AppDeps) {
  return new Hono()
    .get('/:slug/comments', async (c) => {
      const unit = await requireUnit(db, c.req.param('slug'));
      const limit = parseLimit(c.req.query('limit'), 20);
      const after = decodeCursor(c.req.query('cursor'), ['localDate', 'id'] as const);
      const rows = await publicComments(db, unit.id, limit + 1, after);
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return c.json(
        { items: page, nextCursor: rows.length > limit && last ? encodeCursor({ localDate: last.localDate, id: last.id }) : null } satisfies Page<PublicComment>,
        200,
      );
    })
    .get('/:slug/follow-ups', async (c) => {
      const unit = await requireUnit(db, c.req.param('slug'));
      const [rows, files] = await Promise.all([listFollowUps(db, unit.id), followUpEvidenceList(db, unit.id)]);
      const year = Number(todayIn(isTimeZone(unit.timezone) ? unit.timezone : 'Asia/Jakarta', now()).slice(0, 4));
      return c.json(
        {
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
        } satisfies FollowUpsPublic,
        200,
      );
    });
}
