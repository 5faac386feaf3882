// Errors at the API edge are values with a status and a code (API.md "General rules").
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export type FieldErrors = Record<string, string>;

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly fields?: FieldErrors,
  ) {
    super(message);
  }

  body() {
    return { error: { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}) } };
  }
}

export const notFound = (what: string, code = 'not_found') => new ApiError(404, code, `${what} not found.`);

export const validationFailed = (fields: FieldErrors, message = 'The request has invalid fields.') =>
  new ApiError(400, 'validation_failed', message, fields);

/** A visit code that is not the unit's, or that was already used (ratings and permit reports). */
export function visitCodeRefused(outcome: 'visit_code_unknown' | 'visit_code_spent'): ApiError {
  return outcome === 'visit_code_unknown'
    ? new ApiError(409, 'visit_code_unknown', 'This visit code was not issued by this unit.', { visitCode: 'is not a code of this unit' })
    : new ApiError(409, 'visit_code_spent', 'This visit code has already been used.', { visitCode: 'has already been used' });
}
