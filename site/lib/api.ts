// The site's one HTTP client: fetch with the contract's error body, and network failures as values.
import type { ErrorBody } from '../../core/api-types';

export type ApiResult<T> =
  | { ok: true; status: number; data: T }
  | { ok: false; status: number; error: ErrorBody['error']; retryAfter?: number | undefined };

export async function apiFetch<T>(path: string, init?: RequestInit): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers: { accept: 'application/json', ...init?.headers } });
  } catch {
    return { ok: false, status: 0, error: { code: 'network_error', message: 'The server could not be reached.' } };
  }
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // a proxy's HTML error page, say: reported below by status
  }
  if (response.ok) return { ok: true, status: response.status, data: body as T };
  const error = (body as ErrorBody | null)?.error ?? { code: `http_${response.status}`, message: response.statusText };
  return { ok: false, status: response.status, error, retryAfter: Number(response.headers.get('retry-after')) || undefined };
}

export function postJson<T>(path: string, payload: unknown): Promise<ApiResult<T>> {
  return sendJson<T>('POST', path, payload);
}

export function sendJson<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, payload?: unknown): Promise<ApiResult<T>> {
  return apiFetch<T>(path, {
    method,
    headers: payload === undefined ? {} : { 'content-type': 'application/json' },
    body: payload === undefined ? undefined : JSON.stringify(payload),
  });
}

/** The slug after a fixed page segment in the current URL: /nilai/{slug} or /en/nilai/{slug}. */
export function slugFromPath(pathname: string, page: string): string | null {
  const match = new RegExp(`^(?:/en)?/${page}/([a-z0-9-]+)/?$`).exec(pathname);
  return match?.[1] ?? null;
}

/** A random UUID (v4) that works outside secure contexts too (a kiosk on plain http in a LAN). */
export function randomUuid(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}


