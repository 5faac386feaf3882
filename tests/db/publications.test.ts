// The publication log: one row per unit, source, medium and day; a repeat the same day changes nothing.
import { describe, expect, it } from 'vitest';
import { listPublications, logPublication } from '../../db/queries/publications.ts';
import { demoWorld } from '../support/db.ts';

describe('publication log', () => {
  it('logs a medium once a day and lists it by date range', async () => {
    const now = new Date('2026-11-10T03:00:00Z');
    const { conn: { db } } = await demoWorld(now);
    const unit = await db.selectFrom('units').select('id').orderBy('slug').executeTakeFirstOrThrow();
    const entry = { unitId: unit.id, medium: 'electronic', source: 'screen', publishedOn: '2026-11-10', period: '2026-Q4' } as const;
    expect(await logPublication(db, entry, now)).toBe(true);
    expect(await logPublication(db, entry, now)).toBe(false);
    expect(await logPublication(db, { ...entry, publishedOn: '2026-11-11' }, now)).toBe(true);
    expect(await logPublication(db, { ...entry, source: 'manual', medium: 'social', createdBy: null }, now)).toBe(true);
    const rows = await listPublications(db, [unit.id], '2026-11-01', '2026-11-10');
    expect(rows.map((r) => [r.published_on, r.source, r.medium])).toEqual([['2026-11-10', 'manual', 'social'], ['2026-11-10', 'screen', 'electronic']]);
    expect(await listPublications(db, [], '2026-01-01', '2026-12-31')).toEqual([]);
  }, 180_000);
});
