// The one schema of a permit report (API.md "Reporting a permit's processing time"), shared with the /izin island.
import * as v from 'valibot';
import { isValidDate } from './periods.ts';
import { browserToken, SLUG_PATTERN, ticket, visitCode, type FieldErrors } from './rating-input.ts';

const date = (what: string) =>
  v.pipe(v.string(`${what} must be a date YYYY-MM-DD`), v.isoDate(`${what} must be a date YYYY-MM-DD`), v.check(isValidDate, `${what} must be a date YYYY-MM-DD`));

export const permitInputSchema = v.object({
  idempotencyKey: v.pipe(v.string('is required (a UUID)'), v.uuid('must be a UUID')),
  service: v.pipe(v.string('is required: the permit service'), v.regex(SLUG_PATTERN, 'must be a service slug')),
  submittedOn: date('submittedOn'),
  completedOn: v.nullable(date('completedOn')),
  visitCode: v.optional(v.nullable(visitCode)),
  browserToken: v.optional(v.nullable(browserToken)),
  ticket: v.optional(v.nullable(ticket)),
  // A field people never see and bots fill in.
  website: v.optional(v.nullable(v.pipe(v.string('must be text'), v.maxLength(500, 'is too long')))),
});

export type PermitInput = v.InferOutput<typeof permitInputSchema>;

/** How far back a resident may report (ours): older files are unlikely to be remembered by date. */
export const OLDEST_REPORT_YEARS = 3;

/** Validates a parsed body and the dates against the unit's local today. */
export function parsePermitInput(body: unknown, today: string): { ok: true; value: PermitInput } | { ok: false; fields: FieldErrors } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { ok: false, fields: { '(body)': 'must be a JSON object' } };
  const result = v.safeParse(permitInputSchema, body, { abortPipeEarly: true });
  const fields: FieldErrors = {};
  if (!result.success) {
    for (const issue of result.issues) {
      const path = v.getDotPath(issue) ?? '(body)';
      fields[path] ??= issue.input === undefined ? 'is required' + (path === 'completedOn' ? ' (null while still waiting)' : '') : issue.message;
    }
    return { ok: false, fields };
  }
  const { submittedOn, completedOn } = result.output;
  const oldest = `${Number(today.slice(0, 4)) - OLDEST_REPORT_YEARS}${today.slice(4)}`;
  if (submittedOn > today) fields.submittedOn = 'must not be in the future';
  else if (submittedOn < oldest) fields.submittedOn = `must be within the last ${OLDEST_REPORT_YEARS} years`;
  if (completedOn !== null) {
    if (completedOn > today) fields.completedOn = 'must not be in the future';
    else if (completedOn < submittedOn) fields.completedOn = 'must not be before submittedOn';
  }
  return Object.keys(fields).length ? { ok: false, fields } : { ok: true, value: result.output };
}
