// The client's network address, for throttling and abuse control only (stored hashed, never raw), and the scheme the
// client used. Behind proxies the address is the first hop, counted from the right of X-Forwarded-For, that is not a
// proxy of ours: the semantics (and the code) of the `proxy-addr` package (docs/decisions/017-client-address.md).
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import type { Context } from 'hono';
import proxyaddr from 'proxy-addr';

/** Which hops in front of the portal are proxies of ours, parsed from RAPOR_TRUST_PROXY. */
export interface ProxyTrust {
  /** The setting as written, for the start-up log. */
  readonly setting: string;
  /** proxy-addr's trust function: whether hop `i` (0 = the socket peer, then X-Forwarded-For from the right) is ours. */
  readonly trusts: (address: string, i: number) => boolean;
}

/**
 * The one value every request whose address cannot be known (no socket, or a hop that is not an IP address) shares:
 * such requests are limited together, never left unlimited.
 */
export const UNKNOWN_CLIENT = 'unknown';

const OFF = new Set(['', 'off', '0', 'false', 'no']);
const VAGUE = new Set(['on', 'true', 'yes']);
const FORMS = 'off, a number of proxies in front of the portal such as 1, or a comma list of proxy addresses, CIDR ranges and ' +
  'the names loopback, linklocal and uniquelocal (e.g. "loopback, 10.0.0.0/8")';

/**
 * RAPOR_TRUST_PROXY: off (the default), a hop count ("1": the socket peer is our proxy), or a comma list proxy-addr
 * understands. "true" is refused: it used to trust whatever X-Forwarded-For said, and does not say which proxies are
 * ours. Throws a RangeError whose message says what to write instead.
 */
export function parseProxyTrust(value: string | undefined): ProxyTrust | undefined {
  const setting = (value ?? '').trim();
  if (OFF.has(setting.toLowerCase())) return undefined;
  if (VAGUE.has(setting.toLowerCase())) {
    throw new RangeError(
      `RAPOR_TRUST_PROXY=${setting} does not say which proxies are yours, and trusting every X-Forwarded-For entry lets a ` +
        `client choose its own address. Write ${FORMS}.`,
    );
  }
  if (/^\d+$/.test(setting)) {
    const hops = Number(setting);
    if (hops > 16) throw new RangeError(`RAPOR_TRUST_PROXY=${setting}: no portal sits behind more than 16 proxies. Write ${FORMS}.`);
    return { setting, trusts: (_address, i) => i < hops };
  }
  const entries = setting.split(',').map((s) => s.trim()).filter((s) => s !== '');
  try {
    return { setting: entries.join(', '), trusts: proxyaddr.compile(entries) };
  } catch (error) {
    throw new RangeError(`RAPOR_TRUST_PROXY must be ${FORMS}, not "${setting}" (${(error as Error).message}).`);
  }
}

/** The address of the TCP peer (@hono/node-server's `incoming` request), if there is a socket at all. */
function socketAddress(c: Context): string | undefined {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress || undefined;
}

/**
 * The client as a throttling key: an IPv4 address, or the /48 network of an IPv6 address, else UNKNOWN_CLIENT. Never
 * the empty string, never "no limit". A subscriber is given a /48 or a /56 (RIPE-690, APNIC's guidance), so keying by
 * /64 made one subscriber 256 to 65,536 clients (issue 24, F7; docs/decisions/045). A /48 may hold a few subscribers of
 * a careless provider: they share limits as residents behind one carrier NAT share an IPv4 address.
 */
export function clientAddress(c: Context, trust?: ProxyTrust): string {
  const peer = socketAddress(c);
  if (!peer) return UNKNOWN_CLIENT;
  if (!trust) return throttleKey(peer);
  const request = { socket: { remoteAddress: peer }, headers: { 'x-forwarded-for': c.req.header('x-forwarded-for') } };
  return throttleKey(proxyaddr(request as unknown as IncomingMessage, trust.trusts));
}

/** An address as the key it is throttled by (see clientAddress). */
export function throttleKey(address: string | undefined): string {
  const text = (address ?? '').trim();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(text);
  if (mapped && isIP(mapped[1]!) === 4) return mapped[1]!;
  switch (isIP(text)) {
    case 4:
      return text;
    case 6:
      return ipv6Network48(text);
    default:
      return UNKNOWN_CLIENT;
  }
}

/** "2001:db8:a:b:1:2:3:4" → "2001:db8:a::/48" (the address is already known to be valid IPv6). */
function ipv6Network48(address: string): string {
  const bare = address.split('%')[0]!.toLowerCase();
  const [head = '', tail] = bare.split('::');
  const groups = (part: string | undefined) => (part ? part.split(':').flatMap((g) => (g.includes('.') ? ['0', '0'] : [g])) : []);
  const left = groups(head);
  const right = groups(tail);
  const full = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return `${full.slice(0, 3).map((g) => parseInt(g, 16).toString(16)).join(':')}::/48`;
}

/**
 * Whether the client reached us over HTTPS: the connection's own scheme, or X-Forwarded-Proto (its first value, as
 * Express reads it) only when the socket peer is a proxy of ours.
 */
export function isHttps(c: Context, trust?: ProxyTrust): boolean {
  const direct = new URL(c.req.url).protocol === 'https:';
  const peer = socketAddress(c);
  if (!trust || !peer || !trust.trusts(peer, 0)) return direct;
  const forwarded = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  return forwarded ? forwarded === 'https' : direct;
}

/** The request's own origin (scheme, host and port) as a browser writes it, or null when the Host header is no host. */
export function requestOrigin(c: Context, trust?: ProxyTrust): string | null {
  const host = c.req.header('host') ?? new URL(c.req.url).host;
  if (!/^(?:[a-z0-9._-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i.test(host)) return null;
  try {
    return new URL(`${isHttps(c, trust) ? 'https' : 'http'}://${host}`).origin;
  } catch {
    return null;
  }
}
