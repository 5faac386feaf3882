// A follow-up plan item (RTL, DOMAIN.md §7) as staff write it.
import * as v from 'valibot';
import { isValidDate, parsePeriodCode } from './periods.ts';
import { ELEMENT_CODES } from './skm.ts';

export const FOLLOW_UP_STATUSES = ['rencana', 'berjalan', 'selesai'] as const;

const text = (max: number) => v.pipe(v.string('must be text'), v.trim(), v.minLength(1, 'is required'), v.maxLength(max, `must be at most ${max} characters`));

export const followUpSchema = v.object({
  period: v.pipe(v.string('must be a period such as 2026-S1'), v.check((p) => { try { parsePeriodCode(p); return true; } catch { return false; } }, 'must be a period such as 2026-S1')),
  element: v.nullable(v.picklist(ELEMENT_CODES, 'must be an element code U1–U9')),
  problem: text(1000),
  action: text(1000),
  responsible: text(200),
  dueDate: v.pipe(v.string('must be a date YYYY-MM-DD'), v.check(isValidDate, 'must be a date YYYY-MM-DD')),
  status: v.picklist(FOLLOW_UP_STATUSES, 'must be rencana, berjalan or selesai'),
  progress: v.pipe(v.number('must be a whole number from 0 to 100'), v.integer('must be a whole number from 0 to 100'), v.minValue(0, 'must be a whole number from 0 to 100'), v.maxValue(100, 'must be a whole number from 0 to 100')),
  evidenceUrl: v.nullable(v.pipe(v.string('must be a link'), v.maxLength(500, 'is too long'), v.regex(/^https?:\/\/[^\s]+$/i, 'must be an http(s) link'))),
});

export const followUpPatchSchema = v.partial(followUpSchema);
