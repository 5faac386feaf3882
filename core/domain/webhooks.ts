// Signed webhooks' rules (issue 27 item 5, docs/decisions/064-signed-webhooks.md), after Standard Webhooks 1.0: the
// events, the request body an endpoint is registered with, the secret's form, the signature, the thin payload, the
// retry schedule with jitter, and which addresses a live portal never calls. No clock, no I/O.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { BlockList, isIP } from 'node:net';
import * as v from 'valibot';

/**
 * The events, none of which reveals a resident's answers or when a resident rated: a closed quarter's figures are
 * final, a reply was published, a comment waits for a reply, a comment waits for review, a follow-up item is overdue,
 * evidence was locked.
 */
export const WEBHOOK_EVENTS = ['period.closed', 'reply.published', 'comment.awaiting_reply', 'review.queued', 'followup.overdue', 'evidence.locked'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** Events about the review of held comments, which is outside the unit (decision 019): never for staff's endpoints. */
export const REVIEWER_ONLY_EVENTS: readonly WebhookEvent[] = ['review.queued'];

const URL_MESSAGE = 'must be an http(s) address without user name or password, at most 2,000 characters';

export const webhookCreateSchema = v.object({
  url: v.pipe(v.string(URL_MESSAGE), v.trim(), v.maxLength(2000, URL_MESSAGE), v.check(isWebhookUrl, URL_MESSAGE)),
  events: v.pipe(
    v.array(v.picklist(WEBHOOK_EVENTS, `must be one of ${WEBHOOK_EVENTS.join(', ')}`), `must be a list of ${WEBHOOK_EVENTS.join(', ')}`),
    v.minLength(1, 'name at least one event'),
    v.transform((events) => [...new Set(events)]),
  ),
  unit: v.optional(v.pipe(v.string('must be a unit slug'), v.regex(/^[a-z0-9-]{1,100}$/, 'must be a unit slug'))),
});
export type WebhookCreate = v.InferOutput<typeof webhookCreateSchema>;

export const webhookPatchSchema = v.object({
  paused: v.boolean('must be true or false'),
});

/** An absolute http(s) URL with a host and no credentials. */
export function isWebhookUrl(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '' && url.username === '' && url.password === '';
}

/** A new signing secret: "whsec_" and 32 random bytes in base64 (Standard Webhooks: 24 to 64 bytes). */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/** The secret's key bytes: the base64 after "whsec_". */
export function secretKey(secret: string): Buffer {
  return Buffer.from(secret.startsWith('whsec_') ? secret.slice(6) : secret, 'base64');
}

/** The webhook-signature header's value: "v1," and the base64 HMAC-SHA256 of "id.timestamp.body". */
export function signWebhook(secret: string, id: string, timestampSeconds: number, body: string): string {
  const mac = createHmac('sha256', secretKey(secret)).update(`${id}.${timestampSeconds}.${body}`).digest('base64');
  return `v1,${mac}`;
}

/** The tolerance a receiver should keep on webhook-timestamp (replay protection), in seconds. */
export const TIMESTAMP_TOLERANCE_S = 5 * 60;

/**
 * A receiver's check, as the spec describes it (the test suite's receiver and the documentation use it): one of the
 * space-separated "v1,<mac>" signatures matches, and the timestamp is within the tolerance of `nowSeconds`.
 */
export function verifyWebhook(secret: string, headers: { id: string; timestamp: string; signature: string }, body: string, nowSeconds: number): boolean {
  const ts = Number(headers.timestamp);
  if (!Number.isInteger(ts) || Math.abs(nowSeconds - ts) > TIMESTAMP_TOLERANCE_S) return false;
  const expected = Buffer.from(signWebhook(secret, headers.id, ts, body));
  return headers.signature.split(' ').some((candidate) => {
    const got = Buffer.from(candidate);
    return got.length === expected.length && timingSafeEqual(got, expected);
  });
}

/** A thin payload: the type, when it happened, and ids with links; never a resident's answers, comment or timing. */
export interface WebhookPayload {
  type: WebhookEvent;
  timestamp: string;
  data: Record<string, string | number | null>;
}

/**
 * The waits after the 1st, 2nd, … failed try, in ms (Standard Webhooks' example schedule: immediately, then 5 s,
 * 5 min, 30 min, 2 h, 5 h, 10 h, 10 h); after the last, the delivery is given up.
 */
export const RETRY_SCHEDULE_MS = [5_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 5 * 3_600_000, 10 * 3_600_000, 10 * 3_600_000] as const;
export const MAX_WEBHOOK_ATTEMPTS = RETRY_SCHEDULE_MS.length + 1;

/**
 * The wait after the `attempts`-th failed try (1-based), with up to ±20 % jitter (`random` in [0, 1)), so endpoints
 * that failed together are not all tried again at the same instant; null after the last try. `scale` shortens the
 * whole schedule (tests).
 */
export function webhookRetryDelayMs(attempts: number, random: number, scale = 1): number | null {
  if (attempts >= MAX_WEBHOOK_ATTEMPTS) return null;
  const base = RETRY_SCHEDULE_MS[Math.max(attempts, 1) - 1]! * scale;
  return Math.round(base * (0.8 + 0.4 * random));
}

/** The longest a delivery may take (connection, request and answer). */
export const WEBHOOK_TIMEOUT_MS = 10_000;

// Addresses a live portal never calls (server-side request forgery): unspecified, loopback, private (RFC 1918, ULA),
// link-local (cloud metadata at 169.254.169.254 among them), carrier-grade NAT, benchmarking, multicast and reserved.
const BLOCKED = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24],
  ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) BLOCKED.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8], ['2001:db8::', 32], ['100::', 64],
] as const) BLOCKED.addSubnet(net, prefix, 'ipv6');

/**
 * Whether an IP address lies in a private, loopback, link-local or otherwise non-public network. An IPv6 address
 * that carries an IPv4 one (::ffff:10.0.0.1, 64:ff9b::a00:1 of NAT64, ::a00:1) is judged by the IPv4 address. Anything
 * that is not an IP address counts as not public.
 */
export function isNonPublicAddress(address: string): boolean {
  const text = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const kind = isIP(text);
  if (kind === 4) return BLOCKED.check(text, 'ipv4');
  if (kind !== 6) return true;
  if (BLOCKED.check(text, 'ipv6')) return true;
  const embedded = embeddedIpv4(text);
  return embedded !== undefined && BLOCKED.check(embedded, 'ipv4');
}

/** The IPv4 address inside an IPv4-mapped (::ffff:0:0/96), IPv4-compatible (::/96) or NAT64 (64:ff9b::/96) address. */
function embeddedIpv4(ipv6: string): string | undefined {
  const groups = expandIpv6(ipv6);
  if (!groups) return undefined;
  const head = groups.slice(0, 6);
  const mapped = head.slice(0, 5).every((g) => g === 0) && (head[5] === 0xffff || head[5] === 0);
  const nat64 = head[0] === 0x64 && head[1] === 0xff9b && head.slice(2).every((g) => g === 0);
  if (!mapped && !nat64) return undefined;
  return [groups[6]! >> 8, groups[6]! & 255, groups[7]! >> 8, groups[7]! & 255].join('.');
}

/** The eight 16-bit groups of an IPv6 address (with a dotted IPv4 tail turned into two groups). */
function expandIpv6(text: string): number[] | undefined {
  let s = text.toLowerCase();
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (tail) {
    const b = tail[1]!.split('.').map(Number);
    s = `${s.slice(0, -tail[1]!.length)}${((b[0]! << 8) | b[1]!).toString(16)}:${((b[2]! << 8) | b[3]!).toString(16)}`;
  }
  const [left, right] = s.split('::') as [string, string | undefined];
  const l = left ? left.split(':') : [];
  const r = right ? right.split(':') : [];
  const fill = right === undefined ? [] : Array(8 - l.length - r.length).fill('0');
  const all = [...l, ...fill, ...r].map((g) => parseInt(g, 16));
  return all.length === 8 && all.every((n) => Number.isInteger(n) && n >= 0 && n <= 0xffff) ? all : undefined;
}
