// How a mail leaves the portal (issue 27 item 1, docs/decisions/060-mail-outbox.md): through SMTP with nodemailer when
// RAPOR_SMTP_URL is set, or, without it (the demo), written as an .eml file in RAPOR_MAIL_DIR (data/mail/). Either
// way the mail carries its outbox row's Message-ID, plain text and HTML. The outbox worker (server/jobs/outbox.ts)
// is the only caller.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import type { OutboxMail } from '../../core/schema.ts';
import type { MailSettings } from '../env.ts';

export interface MailTransport {
  /** Where mail goes, for the start-up line (never the SMTP password). */
  readonly description: string;
  /** Sends one mail; resolves once the server accepted it (or the file is written), rejects otherwise. */
  send(mail: OutboxMail): Promise<void>;
  close(): void;
}

// Well under the worker's lease (RAPOR_OUTBOX_LEASE_MS, 5 min): a send that hangs fails before another worker may
// take the row.
const SMTP_TIMEOUTS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };

function message(mail: OutboxMail, from: string): SendMailOptions {
  return {
    from,
    to: mail.recipient,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: mail.message_id,
    date: new Date(mail.created_at),
    headers: { 'Content-Language': mail.language, ...(JSON.parse(mail.headers) as Record<string, string>) },
  };
}

export function smtpTransport(url: string, from: string): MailTransport {
  const parsed = new URL(url);
  const transporter = nodemailer.createTransport({ url, ...SMTP_TIMEOUTS });
  return {
    description: `SMTP ${parsed.protocol}//${parsed.hostname}${parsed.port ? `:${parsed.port}` : ''}`,
    async send(mail) {
      await transporter.sendMail(message(mail, from));
    },
    close: () => transporter.close(),
  };
}

/** Writes each mail as `<created>-<id>.eml` in `dir`: whole or not at all (written beside, then renamed). */
export function fileTransport(dir: string, from: string): MailTransport {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  return {
    description: `.eml files in ${dir}`,
    async send(mail) {
      const info = await transporter.sendMail(message(mail, from));
      mkdirSync(dir, { recursive: true });
      const name = `${mail.created_at.replace(/[:.]/g, '-')}-${mail.id}.eml`;
      const tmp = join(dir, `.${name}.${process.pid}`);
      writeFileSync(tmp, info.message as Buffer);
      renameSync(tmp, join(dir, name));
    },
    close: () => transporter.close(),
  };
}

export function createMailTransport(settings: MailSettings): MailTransport {
  return settings.smtpUrl ? smtpTransport(settings.smtpUrl, settings.from) : fileTransport(settings.dir, settings.from);
}
