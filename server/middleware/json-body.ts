// Reads a JSON request body with the contract's rules: 415 unless the body is JSON, 413 past the size limit,
// 400 when it does not parse or nests deeper than MAX_JSON_DEPTH. The limit is enforced while streaming, so a huge body is never held in memory.
import { IncomingMessage } from 'node:http';
import type { Context } from 'hono';
import { ApiError } from '../errors.ts';

export const SUBMISSION_LIMIT_BYTES = 16 * 1024;

/**
 * A body must keep arriving (no gap longer than BODY_IDLE_MS) and arrive whole within BODY_DEADLINE_MS plus the time its
 * limit takes at BODY_MIN_BYTES_PER_SECOND (a 16 KiB rating: 20.5 s; a 5 MB upload: about 3 minutes); otherwise 408
 * request_timeout and the connection closes (issue 24 F1, docs/decisions/042).
 */
export const BODY_IDLE_MS = 10_000;
export const BODY_DEADLINE_MS = 20_000;
export const BODY_MIN_BYTES_PER_SECOND = 32 * 1024;

export function bodyDeadlineMs(limitBytes: number): number {
  return BODY_DEADLINE_MS + Math.ceil((limitBytes / BODY_MIN_BYTES_PER_SECOND) * 1000);
}

/** No request the API takes nests deeper than a few levels; 32 leaves room and keeps every walk over a body shallow. */
export const MAX_JSON_DEPTH = 32;

export async function readJsonBody(c: Context, limitBytes = SUBMISSION_LIMIT_BYTES): Promise<unknown> {
  const text = await readTextBody(c, ['application/json'], limitBytes);
  // Counted on the text first, so neither JSON.parse nor anything after it walks thousands of levels.
  if (nestedDeeperThan(text, MAX_JSON_DEPTH)) {
    throw new ApiError(400, 'malformed_json', `The request body is nested more than ${MAX_JSON_DEPTH} levels deep.`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    throw new ApiError(400, 'malformed_json', 'The request body is not valid JSON.');
  }
  if (holdsNul(value)) throw nulRefused();
  return value;
}

/**
 * Whether the arrays and objects of a JSON text nest deeper than `limit`, counted in one pass over the text without
 * parsing it (brackets inside strings do not count; the text need not be valid JSON).
 */
export function nestedDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c) i++; // a backslash escapes the next character (\" and \\ included)
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) {
      inString = true;
    } else if (ch === 0x5b || ch === 0x7b) {
      if (++depth > limit) return true;
    } else if ((ch === 0x5d || ch === 0x7d) && depth > 0) {
      depth--; // a stray closer never buys room for more openers
    }
  }
  return false;
}

/**
 * Whether any string in a parsed JSON value (keys included) holds a NUL character, which PostgreSQL cannot store.
 * Walked with a list of its own, never by recursion.
 */
function holdsNul(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const v = pending.pop();
    if (typeof v === 'string') {
      if (v.includes('\0')) return true;
    } else if (Array.isArray(v)) {
      for (const item of v) pending.push(item);
    } else if (v && typeof v === 'object') {
      for (const [k, inner] of Object.entries(v)) {
        if (k.includes('\0')) return true;
        pending.push(inner);
      }
    }
  }
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
  const bytes = await readBodyBytes(c, limitBytes, () => tooLarge(limitBytes));
  if (!bytes) throw new ApiError(400, 'malformed_json', 'The request body is empty.');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ApiError(400, 'malformed_json', 'The request body is not valid UTF-8.');
  }
  if (text.trim() === '') throw new ApiError(400, 'malformed_json', 'The request body is empty.');
  if (text.includes('\0')) throw nulRefused();
  return text;
}

/**
 * The request body's bytes, refusing (with `tooLarge()`) a declared or streamed size past `limitBytes` before reading
 * the rest; null when there is no body.
 */
export async function readBodyBytes(c: Context, limitBytes: number, tooLarge: () => ApiError): Promise<Buffer | null> {
  if (Number(c.req.header('content-length') ?? 'NaN') > limitBytes) throw tooLarge();
  const incoming = unreadNodeBody(c);
  if (incoming) {
    return readNodeBody(incoming, limitBytes, tooLarge).catch((error: unknown) => {
      // The rest of a late body is not waited for: the connection closes after the answer.
      if (error instanceof ApiError && error.status === 408) c.header('Connection', 'close');
      throw error;
    });
  }
  const body = c.req.raw.body;
  if (!body) return null;
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limitBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * Under Node's HTTP server (@hono/node-server puts the IncomingMessage in the context's env), a body nobody has started
 * reading is read from the socket's stream itself: the web stream and the full Request object built around it cost
 * more than the rest of a small JSON request's parsing (issue 19's ingest profile).
 */
function unreadNodeBody(c: Context): IncomingMessage | undefined {
  const incoming = (c.env as { incoming?: unknown } | undefined)?.incoming;
  if (!(incoming instanceof IncomingMessage)) return undefined;
  return incoming.readableDidRead || incoming.listenerCount('data') > 0 ? undefined : incoming;
}

/**
 * The same rules on a Node stream; past the limit it stops reading (the server drains or closes the rest). A body that
 * pauses longer than BODY_IDLE_MS or is not whole by bodyDeadlineMs(limit) is refused with 408 request_timeout.
 */
function readNodeBody(incoming: IncomingMessage, limitBytes: number, tooLarge: () => ApiError): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const late = () => {
      incoming.pause();
      settle(() => reject(new ApiError(408, 'request_timeout', 'The request body did not arrive in time; please send it again.')));
    };
    const deadline = setTimeout(late, bodyDeadlineMs(limitBytes));
    const idle = setTimeout(late, BODY_IDLE_MS);
    const settle = (finish: () => void) => {
      clearTimeout(deadline);
      clearTimeout(idle);
      incoming.off('data', onData);
      incoming.off('end', onEnd);
      incoming.off('error', onError);
      incoming.off('close', onClose);
      finish();
    };
    const onData = (chunk: Buffer) => {
      idle.refresh();
      size += chunk.length;
      if (size > limitBytes) {
        incoming.pause();
        settle(() => reject(tooLarge()));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => settle(() => resolve(size === 0 ? null : Buffer.concat(chunks, size)));
    // A client gone before its body ended is nobody's error to log (an attack closes thousands at once).
    const gone = () => settle(() => reject(new ApiError(400, 'request_aborted', 'The connection closed before the request body ended.')));
    const onError = gone;
    const onClose = gone;
    incoming.on('data', onData);
    incoming.on('end', onEnd);
    incoming.on('error', onError);
    incoming.on('close', onClose);
  });
}

function tooLarge(limitBytes: number): ApiError {
  return new ApiError(413, 'payload_too_large', `The request body is larger than ${limitBytes / 1024} KiB.`);
}
