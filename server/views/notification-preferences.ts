// What the notification pages show (issue 27 item 3): the signed-in account's choices on /akun, and the account and
// kind an unsubscribe link names on /berhenti-langganan. Pages read them through these (db, …) functions.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { effectivePreferences, type NotificationKind } from '../../core/domain/notifications.ts';
import { readUnsubscribeToken } from '../../core/domain/unsubscribe-token.ts';
import type { Database } from '../../core/schema.ts';
import { storedPreferences, unsubscribeSecret } from '../../db/queries/notifications.ts';
import { findUserById } from '../../db/queries/users.ts';
import type { AppDeps } from '../deps.ts';
import { accountOfToken } from '../middleware/session.ts';

type Deps = Pick<AppDeps, 'db' | 'now' | 'requireAdminTwoFactor'>;

/** An account's choice per kind of its role (defaults where it chose nothing). */
export async function preferencesOf(db: Kysely<Database>, user: { id: string; role: string }) {
  return effectivePreferences(user.role, await storedPreferences(db, user.id));
}

/** The signed-in reader's choices, or null for a visitor (the page then shows nothing). */
export async function preferencesView(deps: Deps, sessionToken: string | undefined) {
  const { user } = await accountOfToken(deps, sessionToken);
  return user ? { role: user.role, preferences: await preferencesOf(deps.db, user) } : null;
}

export const freshUnsubscribeSecret = (): string => randomBytes(32).toString('base64url');

/** The account and kind an unsubscribe token names, with whether that kind is off already; undefined for a bad token. */
export async function unsubscribeView(deps: Pick<AppDeps, 'db' | 'now'>, token: string): Promise<{ userId: string; email: string; kind: NotificationKind; off: boolean } | undefined> {
  const secret = await unsubscribeSecret(deps.db, freshUnsubscribeSecret, deps.now());
  const named = readUnsubscribeToken(secret, token);
  if (!named) return undefined;
  const user = await findUserById(deps.db, named.userId);
  if (!user) return undefined;
  const preference = (await preferencesOf(deps.db, user)).find((p) => p.kind === named.kind);
  return { userId: user.id, email: user.email, kind: named.kind, off: preference?.frequency === 'off' };
}
