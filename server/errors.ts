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
