// The invitation and password-reset mails (issue 27 item 2, docs/decisions/061): a new single-use link for the
// account, stored as its SHA-256, and a mail carrying it, queued in the caller's transaction. The link comes from
// mailBase (RAPOR_PUBLIC_URL), never from the request's Host header.
import type { Transaction } from 'kysely';
import type { Database, User } from '../../core/schema.ts';
import { accountLanguage, TOKEN_TTL_MS, type TokenPurpose } from '../../core/domain/account-tokens.ts';
import { composeMail, mailLink } from '../../core/domain/mail.ts';
import { href } from '../../core/i18n/lang.ts';
import { mailAccountStrings } from '../../core/i18n/i18n-mail-accounts.ts';
import { createAccountToken } from '../../db/queries/account-tokens.ts';
import { newToken, sha256 } from '../auth/tokens.ts';
import type { AppDeps } from '../deps.ts';
import { mailBase, queueMail } from './queue.ts';

export async function queueAccountLink(
  trx: Transaction<Database>,
  deps: Pick<AppDeps, 'publicUrl' | 'mailBaseUrl' | 'now'>,
  user: Pick<User, 'id' | 'email' | 'name' | 'role'>,
  purpose: TokenPurpose,
): Promise<{ expiresAt: string }> {
  const token = newToken();
  const { expiresAt } = await createAccountToken(trx, { tokenHash: sha256(token), userId: user.id, purpose, now: deps.now(), ttlMs: TOKEN_TTL_MS[purpose] });
  const language = accountLanguage(user);
  const w = mailAccountStrings(language);
  const url = mailLink(mailBase(deps), href(language, '/atur-sandi'), { token });
  const mail = purpose === 'invite'
    ? composeMail({
      language, subject: w.inviteSubject, greeting: w.greeting(user.name), reason: w.inviteReason,
      blocks: [
        { kind: 'paragraph', text: w.inviteIntro(user.email, w.roles[user.role] ?? user.role) },
        { kind: 'action', label: w.inviteAction, url },
        { kind: 'paragraph', text: w.inviteExpiry },
        { kind: 'paragraph', text: w.inviteIgnore },
      ],
    })
    : composeMail({
      language, subject: w.resetSubject, greeting: w.greeting(user.name), reason: w.resetReason,
      blocks: [
        { kind: 'paragraph', text: w.resetIntro(user.email) },
        { kind: 'action', label: w.resetAction, url },
        { kind: 'paragraph', text: w.resetExpiry },
        { kind: 'paragraph', text: w.resetIgnore },
      ],
    });
  await queueMail(trx, deps, { kind: `account-${purpose}`, recipient: user.email, language }, mail);
  return { expiresAt };
}
