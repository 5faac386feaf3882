// The one schema of a rating submission (API.md "Submitting a rating"), shared by the server and the rating island.
import * as v from 'valibot';
import { EDUCATION_LEVELS, GENDERS, OCCUPATIONS, type Education } from './respondent-options.ts';
import { ELEMENT_CODES, type Answer, type ElementCode } from './skm-codes.ts';

export { EDUCATION_LEVELS, GENDERS, OCCUPATIONS, type Education, type Occupation } from './respondent-options.ts';
export const CHANNELS = ['web', 'qr', 'kiosk'] as const;
export const COMMENT_MAX_CHARS = 2000;
export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$/;

export type Channel = (typeof CHANNELS)[number];

// The contract's own example sends "S1"; the SKM form prints "D4/S1". Accept the common spellings of one level.
const EDUCATION_ALIASES: Record<string, Education> = {
  'SD ke bawah': 'SD', D1: 'D1-D3', D2: 'D1-D3', D3: 'D1-D3', 'D1/D3': 'D1-D3', 'D1–D3': 'D1-D3',
  D4: 'D4-S1', S1: 'D4-S1', 'D4/S1': 'D4-S1',
};

const answer = v.pipe(
  v.number('must be an integer from 1 to 4'),
  v.integer('must be an integer from 1 to 4'),
  v.minValue(1, 'must be an integer from 1 to 4'),
  v.maxValue(4, 'must be an integer from 1 to 4'),
  v.transform((n) => n as Answer),
);

const answersShape = Object.fromEntries(ELEMENT_CODES.map((code) => [code, answer])) as Record<
  ElementCode,
  typeof answer
>;

const education = v.pipe(
  v.string('must be one of ' + EDUCATION_LEVELS.join(', ')),
  v.transform((s) => EDUCATION_ALIASES[s] ?? s),
  v.picklist(EDUCATION_LEVELS, 'must be one of ' + EDUCATION_LEVELS.join(', ')),
);

export const respondentSchema = v.object({
  gender: v.optional(v.nullable(v.picklist(GENDERS, 'must be L or P'))),
  age: v.optional(
    v.nullable(
      v.pipe(
        v.number('must be a whole number of years from 15 to 100'),
        v.integer('must be a whole number of years from 15 to 100'),
        v.minValue(15, 'must be a whole number of years from 15 to 100'),
        v.maxValue(100, 'must be a whole number of years from 15 to 100'),
      ),
    ),
  ),
  education: v.optional(v.nullable(education)),
  occupation: v.optional(v.nullable(v.picklist(OCCUPATIONS, 'must be one of ' + OCCUPATIONS.join(', ')))),
});

/** A one-time visit code handed out at the counter, in any case and with or without its dash. */
export const visitCode = v.pipe(
  v.string('must be a visit code such as K7Q2-MX4D'),
  v.transform((s) => s.trim().toUpperCase()),
  v.regex(/^[0-9A-Z]{4}-?[0-9A-Z]{4}$/, 'must be a visit code such as K7Q2-MX4D'),
  v.transform((s) => s.replace('-', '').replace(/^(.{4})/, '$1-')),
);

/** A browser's random token: what the islands make with crypto.randomUUID(), or anything alike. */
export const browserToken = v.pipe(v.string('must be text'), v.regex(/^[A-Za-z0-9_-]{8,100}$/, 'must be 8 to 100 letters, digits, - or _'));
/** A form ticket as issued by GET /api/units/{slug}/form-ticket (checked by the server, never by its shape alone). */
export const ticket = v.pipe(v.string('must be text'), v.maxLength(200, 'is too long'));

export const ratingInputSchema = v.object(
  {
    idempotencyKey: v.pipe(v.string('is required (a UUID)'), v.uuid('must be a UUID')),
    service: v.optional(
      v.nullable(v.pipe(v.string('must be a service slug'), v.regex(SLUG_PATTERN, 'must be a service slug'))),
    ),
    answers: v.object(answersShape, 'is required: all nine answers U1–U9'),
    respondent: v.optional(v.nullable(respondentSchema)),
    comment: v.optional(
      v.nullable(
        v.pipe(
          v.string('must be text'),
          v.check((s) => Array.from(s).length <= COMMENT_MAX_CHARS, `must be at most ${COMMENT_MAX_CHARS} characters`),
          // JSON Schema's maxLength counts characters as this check does (for the OpenAPI document, decision 056).
          v.metadata({ maxLength: COMMENT_MAX_CHARS }),
        ),
      ),
    ),
    visitCode: v.optional(v.nullable(visitCode)),
    channel: v.optional(v.picklist(CHANNELS, 'must be one of web, qr, kiosk'), 'web'),
    // When a registered kiosk captured the rating (it may have waited offline); ignored from anyone else.
    capturedAt: v.optional(v.nullable(v.pipe(v.string('must be an ISO 8601 instant'), v.isoTimestamp('must be an ISO 8601 instant')))),
    // The browser's own random token, kept by the rating island (one browser rating one unit twice in ten minutes is
    // a burst), and the form ticket the server issued when the form opened (core/domain/form-ticket.ts).
    browserToken: v.optional(v.nullable(browserToken)),
    ticket: v.optional(v.nullable(ticket)),
    // A field people never see and bots fill in (the form hides it from eyes and screen readers).
    website: v.optional(v.nullable(v.pipe(v.string('must be text'), v.maxLength(500, 'is too long')))),
  },
  'must be a JSON object',
);

export type RatingInput = v.InferOutput<typeof ratingInputSchema>;

export type FieldErrors = Record<string, string>;

/** Validates a parsed JSON body; field errors are keyed by dot path (`answers.U3`), one message each. */
export function parseRatingInput(
  body: unknown,
): { ok: true; value: RatingInput } | { ok: false; fields: FieldErrors } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, fields: { '(body)': 'must be a JSON object' } };
  }
  const result = v.safeParse(ratingInputSchema, body, { abortPipeEarly: true });
  if (result.success) return { ok: true, value: result.output };
  const fields: FieldErrors = {};
  for (const issue of result.issues) {
    const path = v.getDotPath(issue) ?? '';
    // A missing nested object reports its own path; a missing answer set names every answer field.
    if (path === 'answers' && issue.input === undefined) {
      for (const code of ELEMENT_CODES) fields[`answers.${code}`] ??= 'is required: an integer from 1 to 4';
      continue;
    }
    fields[path || '(body)'] ??= issue.input === undefined ? 'is required' : issue.message;
  }
  return { ok: false, fields };
}
