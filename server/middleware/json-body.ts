// Reads a JSON request body with the contract's rules: 415 unless the body is JSON, 413 past the size limit,
// 400 when it does not parse. The limit is enforced while streaming, so a huge body is never held in memory.
import type { Context } from 'hono';
import { ApiError } from '../errors.ts';

export const SUBMISSION_LIMIT_BYTES = 16 * 1024;

export async function readJsonBody(c: Context, limitBytes = SUBMISSION_LIMIT_BYTES): Promise<unknown> {
  const text = await readTextBody(c, ['application/json'], limitBytes);
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    throw new ApiError(400, 'malformed_json', 'The request body is not valid JSON.');
  }
  if (holdsNul(value)) throw nulRefused();
  return value;
}

/** Whether any string in a parsed JSON value (keys included) holds a NUL character, which PostgreSQL cannot store. */
function holdsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\0');
  if (Array.isArray(value)) return value.some(holdsNul);
  if (value && typeof value === 'object') return Object.entries(value).some(([k, v]) => k.includes('\0') || holdsNul(v));
  return false;
}

function nulRefused(): ApiError {
  return new ApiError(400, 'malformed_text', 'The request holds a NUL character (\\u0000), which no field accepts.');
}

/** Reads a UTF-8 body of one of the given media types, refusing anything past `limitBytes` while it streams. */
export async function readTextBody(c: Context, types: string[], limitBytes: number): Promise<string> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!types.includes(type)) {
    throw new ApiError(415, 'unsupported_media_type', `Send the body as ${types.join(' or ')}.`);
  }
  const declared = Number(c.req.header('content-length') ?? 'NaN');
  if (declared > limitBytes) throw tooLarge(limitBytes);
  const body = c.req.raw.body;
  if (!body) throw new ApiError(400, 'malformed_json', 'The request body is empty.');
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limitBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(limitBytes);
    }
    chunks.push(value);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new ApiError(400, 'malformed_json', 'The request body is not valid UTF-8.');
  }
  if (text.trim() === '') throw new ApiError(400, 'malformed_json', 'The request body is empty.');
  if (text.includes('\0')) throw nulRefused();
  return text;
}

function tooLarge(limitBytes: number): ApiError {
  return new ApiError(413, 'payload_too_large', `The request body is larger than ${limitBytes / 1024} KiB.`);
}
