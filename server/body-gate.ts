// Bounds the request bodies in flight before a request enters the application (issue 24 F1, docs/decisions/042).
// A request that carries a body is dispatched into the app as soon as its headers arrive; while the body trickles in,
// the request holds its whole middleware chain, contexts, promises and database lookups (about 35 KB of heap each,
// measured: 2,800 such requests filled the 96 MB heap). This gate counts those requests and refuses, with 503
// server_busy and Retry-After, the ones past the bounds, before the app allocates anything for them; the body's own
// deadline (408 request_timeout) is kept where the body is read (server/middleware/json-body.ts).
import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import proxyaddr from 'proxy-addr';
import { throttleKey, type ProxyTrust } from './auth/client.ts';
import { contentSecurityPolicy } from './security-headers.ts';

export interface BodyBounds {
  /** Requests whose body has not fully arrived, at most, in the whole process. */
  bodies: number;
  /** Of those, at most this many from one client (address, or IPv6 network, as throttling keys them). */
  bodiesPerClient: number;
  /** The declared lengths of those bodies, summed, at most (a body without a declared length counts as UNDECLARED_BYTES). */
  bytes: number;
  /** What a refused client is told to wait, in seconds. */
  retryAfterSeconds: number;
}

/**
 * Node's own deadlines, the backstop for what no route reads: the headers within 20 s (slow headers), the whole request
 * within 5 minutes (longer than any body's own deadline), checked every second rather than every 30 s.
 */
export const SERVER_TIMEOUTS = { headersTimeout: 20_000, requestTimeout: 300_000, connectionsCheckingInterval: 1_000 };
/** Open connections at most; past it new ones are closed at once (an idle socket costs a few KB outside the heap). */
export const MAX_CONNECTIONS = 10_000;

export const BODY_BOUNDS: BodyBounds = { bodies: 256, bodiesPerClient: 32, bytes: 24 * 1024 * 1024, retryAfterSeconds: 5 };
/** What a chunked body (no Content-Length) reserves of the byte bound while it arrives. */
export const UNDECLARED_BYTES = 1024 * 1024;

export interface BodyGate {
  listener: RequestListener;
  /** The bodies in flight now (for tests and the health figure). */
  inFlight(): { bodies: number; bytes: number };
}

/** Wraps the server's request listener; requests without a body pass untouched. */
export function gateBodies(next: RequestListener, options: { trustProxy?: ProxyTrust | undefined; bounds?: BodyBounds } = {}): BodyGate {
  const bounds = options.bounds ?? BODY_BOUNDS;
  const perClient = new Map<string, number>();
  let bodies = 0;
  let bytes = 0;
  const listener: RequestListener = (req, res) => {
    const declared = declaredBytes(req);
    if (declared === 0) return next(req, res);
    const client = clientKey(req, options.trustProxy);
    const reserved = Math.min(declared, bounds.bytes);
    const fromClient = perClient.get(client) ?? 0;
    if (bodies >= bounds.bodies || fromClient >= bounds.bodiesPerClient || bytes + reserved > bounds.bytes) {
      refuseBusy(res, bounds.retryAfterSeconds);
      return;
    }
    bodies++;
    bytes += reserved;
    perClient.set(client, fromClient + 1);
    let released = false;
    // Released once the body has arrived or the exchange is over (an answer sent before the body was read leaves the
    // rest to the HTTP server's own drain, which is bounded in time and bytes).
    const release = () => {
      if (released) return;
      released = true;
      bodies--;
      bytes -= reserved;
      const left = (perClient.get(client) ?? 1) - 1;
      if (left <= 0) perClient.delete(client);
      else perClient.set(client, left);
    };
    req.once('end', release);
    req.once('close', release);
    res.once('finish', release);
    res.once('close', release);
    next(req, res);
  };
  return { listener, inFlight: () => ({ bodies, bytes }) };
}

/** The body's declared length; UNDECLARED_BYTES for a chunked body; 0 when there is none. */
function declaredBytes(req: IncomingMessage): number {
  const length = req.headers['content-length'];
  if (length !== undefined) {
    const n = Number(length);
    return Number.isFinite(n) && n > 0 ? n : 0;
  }
  return req.headers['transfer-encoding'] !== undefined ? UNDECLARED_BYTES : 0;
}

function clientKey(req: IncomingMessage, trust: ProxyTrust | undefined): string {
  const peer = req.socket.remoteAddress;
  if (!peer) return throttleKey(undefined);
  return throttleKey(trust ? proxyaddr(req, trust.trusts) : peer);
}

const BUSY_CSP = contentSecurityPolicy([]);

/** The headers every answer written outside the app carries (the app's own middleware sets them on everything else). */
const OUTSIDE_HEADERS: Record<string, string> = {
  'Content-Type': 'application/json',
  'Cache-Control': 'no-store',
  Connection: 'close',
  'Content-Security-Policy': BUSY_CSP,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'same-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
};

/**
 * What Node's HTTP server answers by itself (headers too slow or too large, a request it cannot parse) goes out with the
 * same headers as every other answer and a JSON error with a code, instead of Node's bare status line.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    const started = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent;
    if (error.code === 'ECONNRESET' || !socket.writable || started) {
      socket.destroy();
      return;
    }
    const [status, reason, code, message] =
      error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? [408, 'Request Timeout', 'request_timeout', 'The request did not arrive in time.']
      : error.code === 'HPE_HEADER_OVERFLOW' ? [431, 'Request Header Fields Too Large', 'headers_too_large', 'The request line and headers are larger than 16 KiB.']
      : [400, 'Bad Request', 'bad_request', 'The request is not valid HTTP.'];
    const body = JSON.stringify({ error: { code, message } });
    const head = Object.entries({ ...OUTSIDE_HEADERS, 'Content-Length': String(Buffer.byteLength(body)) }).map(([k, v]) => `${k}: ${v}\r\n`).join('');
    socket.end(`HTTP/1.1 ${status} ${reason}\r\n${head}\r\n${body}`);
  });
}

/**
 * 503 server_busy, written here (the app never sees the request), with the headers every answer carries; the connection
 * closes after it, so the unread body is never waited for.
 */
function refuseBusy(res: ServerResponse, retryAfterSeconds: number): void {
  const body = JSON.stringify({ error: { code: 'server_busy', message: `Too many requests are sending their data right now; please try again in ${retryAfterSeconds} seconds.` } });
  res.writeHead(503, { ...OUTSIDE_HEADERS, 'Content-Length': Buffer.byteLength(body), 'Retry-After': String(retryAfterSeconds) });
  res.end(body);
}
