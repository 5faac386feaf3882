// Queues a composed mail in the outbox (issue 27, docs/decisions/060-mail-outbox.md): the one call every feature that
// mails uses, inside the transaction that writes what caused the mail. Links inside the mail come from `mailBase`.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../core/schema.ts';
import type { ComposedMail } from '../../core/domain/mail.ts';
import { messageIdDomain } from '../../core/domain/outbox.ts';
import type { Lang } from '../../core/i18n/lang.ts';
import { enqueueMail } from '../../db/queries/outbox.ts';
import type { AppDeps } from '../deps.ts';

/** The base address of links in mails: RAPOR_PUBLIC_URL, else the portal's local address; never a request's Host. */
export function mailBase(deps: Pick<AppDeps, 'publicUrl' | 'mailBaseUrl'>): string {
  return deps.publicUrl ?? deps.mailBaseUrl ?? 'http://localhost:3000';
}

export async function queueMail(
  db: Kysely<Database> | Transaction<Database>,
  deps: Pick<AppDeps, 'publicUrl' | 'now'>,
  to: { kind: string; recipient: string; language: Lang },
  mail: ComposedMail,
): Promise<{ id: string; messageId: string }> {
  return enqueueMail(
    db,
    { kind: to.kind, recipient: to.recipient, language: to.language, subject: mail.subject, text: mail.text, html: mail.html, headers: mail.headers },
    { now: deps.now(), domain: messageIdDomain(deps.publicUrl) },
  );
}
