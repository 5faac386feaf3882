// Opaque cursors and page sizes for every list (API.md: limit ≤ 500, nextCursor null at the end).
import { ApiError, validationFailed } from '../errors.ts';

export const MAX_LIMIT = 500;

export function parseLimit(value: string | undefined, fallback = 50): number {
  if (value === undefined || value === '') return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > MAX_LIMIT) {
    throw validationFailed({ limit: `must be a whole number from 1 to ${MAX_LIMIT}` });
  }
  return Number(value);
}

export function encodeCursor(position: Record<string, string>): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

export function decodeCursor<K extends string>(value: string | undefined, keys: readonly K[]): Record<K, string> | undefined {
  if (value === undefined || value === '') return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Record<string, unknown>;
    if (parsed && typeof parsed === 'object' && keys.every((k) => typeof parsed[k] === 'string')) {
      return parsed as Record<K, string>;
    }
  } catch {
    // fall through to the error below
  }
  throw new ApiError(400, 'invalid_cursor', 'The cursor is not one this server gave out; start again without it.');
}
