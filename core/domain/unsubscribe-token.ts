// One-click unsubscribe links (issue 27 item 3, RFC 8058; docs/decisions/062-notifications.md): the token names the
// account and the kind of mail and carries an HMAC-SHA256 over both with the portal's own secret (stored in the
// database, made once), so nobody can make a link for another account, and it stays valid as long as the mail is read.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { isNotificationKind, type NotificationKind } from './notifications.ts';

/** An account id (UUID in a real portal). */
const ACCOUNT_ID = /^[A-Za-z0-9-]{1,64}$/;

function mac(secret: string, userId: string, kind: string): Buffer {
  return createHmac('sha256', secret).update(`unsubscribe\n${userId}\n${kind}`).digest();
}

export function unsubscribeToken(secret: string, userId: string, kind: NotificationKind): string {
  return `u1.${userId}.${kind}.${mac(secret, userId, kind).toString('base64url')}`;
}

/** The account and kind a token names, or null when it is malformed or not made with this secret. */
export function readUnsubscribeToken(secret: string, token: string): { userId: string; kind: NotificationKind } | null {
  if (token.length > 200) return null;
  const parts = token.split('.');
  if (parts.length !== 4 || parts[0] !== 'u1') return null;
  const [, userId, kind, sig] = parts as [string, string, string, string];
  if (!ACCOUNT_ID.test(userId) || !isNotificationKind(kind) || !/^[A-Za-z0-9_-]{43}$/.test(sig)) return null;
  const given = Buffer.from(sig, 'base64url');
  const expected = mac(secret, userId, kind);
  return given.length === expected.length && timingSafeEqual(given, expected) ? { userId, kind } : null;
}
