// The one place that reads process.env. Bad settings fail at start with a message that says what to change.
import { resolve } from 'node:path';
import { DEFAULT_SQLITE_FILE, DEMO_SQLITE_FILE } from '../db/connect.ts';
import { MAX_BATCH } from '../db/group-commit.ts';
import { FIRST_RETRY_MS } from '../core/domain/outbox.ts';
import { parseProxyTrust, type ProxyTrust } from './auth/client.ts';
import { parseWebhookKey } from './webhooks/secrets.ts';

export interface Env {
  port: number;
  host: string;
  /** DATABASE_URL, or the default SQLite file: data/demo.db in demo mode, data/rapor.db otherwise. */
  databaseUrl: string;
  /** NODE_ENV is "production" in any spelling ("Production", " PRODUCTION"): a live portal. */
  production: boolean;
  /** Seed the demo world into an empty database (never in production). */
  demo: boolean;
  distDir: string;
  /** RAPOR_TRUST_PROXY parsed; undefined when off. */
  trustProxy: ProxyTrust | undefined;
  publicUrl: string | undefined;
  asnThresholds: { meets: number; above: number };
  /** RAPOR_WRITE_BATCH: the most ratings committed together (docs/decisions/035); 1 commits each alone. */
  writeBatch: number;
  /** Outgoing mail (issue 27 item 1, docs/decisions/060). */
  mail: MailSettings;
  /** Signed webhooks (issue 27 item 5, docs/decisions/064). */
  webhooks: WebhookSettings;
}

export interface WebhookSettings {
  /** RAPOR_WEBHOOK_KEY: 32 bytes (base64 or hex) that seal the endpoints' secrets; undefined: a key in the database. */
  key: Buffer | undefined;
  /** RAPOR_WEBHOOK_POLL_MS: how often the worker looks for due deliveries (2 s). */
  pollMs: number;
  /** RAPOR_WEBHOOK_RETRY_MS: the wait after the first failed try (5 s); the rest of the schedule scales with it. */
  firstRetryMs: number;
  /** RAPOR_WEBHOOK_SCAN_MS: how often the time-based events are looked for (10 min). */
  scanMs: number;
}

export interface MailSettings {
  /** RAPOR_SMTP_URL (smtp:// or smtps://); undefined: each mail is written as an .eml file in `dir` instead. */
  smtpUrl: string | undefined;
  /** RAPOR_MAIL_FROM: the From of every mail. */
  from: string;
  /** RAPOR_MAIL_DIR: where mails are written without SMTP (data/mail). */
  dir: string;
  /** RAPOR_OUTBOX_POLL_MS: how often the worker looks for due mail. */
  pollMs: number;
  /** RAPOR_OUTBOX_RETRY_MS: the wait after the first failed try; later waits are 5, 30, 120 and 360 times it. */
  firstRetryMs: number;
  /** RAPOR_OUTBOX_LEASE_MS: how long a worker holds a mail it is sending before another may take it. */
  leaseMs: number;
  /** RAPOR_DIGEST_POLL_MS: how often the scheduler looks for digests due (issue 27 item 3, decision 062). */
  digestPollMs: number;
}

export class EnvError extends Error {}

function publicUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (!/^https?:\/\/[^\s/]+/.test(value)) throw new EnvError(`RAPOR_PUBLIC_URL must be an http(s) address such as https://rapor.gorontaloprov.go.id, not "${value}".`);
  return value.replace(/\/$/, '');
}

function proxyTrust(value: string | undefined): ProxyTrust | undefined {
  try {
    return parseProxyTrust(value);
  } catch (error) {
    throw new EnvError((error as Error).message);
  }
}

/** "90,110": achievement from which a result is suggested as meeting, and as above, expectations. */
function thresholds(value: string | undefined): { meets: number; above: number } {
  if (!value) return { meets: 90, above: 110 };
  const m = /^\s*(\d+(?:\.\d+)?)\s*,\s*(\d+(?:\.\d+)?)\s*$/.exec(value);
  if (!m || Number(m[1]) >= Number(m[2])) throw new EnvError(`RAPOR_ASN_THRESHOLDS must be two increasing percentages such as "90,110", not "${value}".`);
  return { meets: Number(m[1]), above: Number(m[2]) };
}

function writeBatch(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return MAX_BATCH;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw new EnvError(`RAPOR_WRITE_BATCH must be a whole number from 1 to 1000, not "${value}".`);
  return n;
}

/** The mail's From: RAPOR_MAIL_FROM, required with SMTP; "Rapor <rapor@localhost>" for the .eml files of the demo. */
function mailFrom(value: string | undefined, smtp: boolean): string {
  const from = value?.trim();
  if (!from) {
    if (smtp) throw new EnvError('RAPOR_MAIL_FROM is needed with RAPOR_SMTP_URL: the sender, such as "Rapor <rapor@gorontaloprov.go.id>".');
    return 'Rapor <rapor@localhost>';
  }
  if (!/^(?:[^<>\r\n]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/.test(from)) {
    throw new EnvError(`RAPOR_MAIL_FROM must be an address such as "Rapor <rapor@gorontaloprov.go.id>", not "${from}".`);
  }
  return from;
}

function smtpUrl(value: string | undefined): string | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new EnvError('RAPOR_SMTP_URL must be an address such as smtp://user:password@mail.example.go.id:587.');
  }
  // The message never repeats the address: it may hold a password.
  if (!['smtp:', 'smtps:'].includes(url.protocol) || !url.hostname) {
    throw new EnvError('RAPOR_SMTP_URL must start with smtp:// or smtps:// and name a host, such as smtp://user:password@mail.example.go.id:587.');
  }
  return text;
}

function milliseconds(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 24 * 60 * 60 * 1000) throw new EnvError(`${name} must be a whole number of milliseconds from 1 to 86400000, not "${value}".`);
  return n;
}

function mailSettings(source: NodeJS.ProcessEnv): MailSettings {
  const smtp = smtpUrl(source.RAPOR_SMTP_URL);
  return {
    smtpUrl: smtp,
    from: mailFrom(source.RAPOR_MAIL_FROM, smtp !== undefined),
    dir: resolve(source.RAPOR_MAIL_DIR?.trim() || 'data/mail'),
    pollMs: milliseconds('RAPOR_OUTBOX_POLL_MS', source.RAPOR_OUTBOX_POLL_MS, 5_000),
    firstRetryMs: milliseconds('RAPOR_OUTBOX_RETRY_MS', source.RAPOR_OUTBOX_RETRY_MS, FIRST_RETRY_MS),
    leaseMs: milliseconds('RAPOR_OUTBOX_LEASE_MS', source.RAPOR_OUTBOX_LEASE_MS, 5 * 60_000),
    digestPollMs: milliseconds('RAPOR_DIGEST_POLL_MS', source.RAPOR_DIGEST_POLL_MS, 60_000),
  };
}

function webhookSettings(source: NodeJS.ProcessEnv): WebhookSettings {
  const text = source.RAPOR_WEBHOOK_KEY?.trim();
  const key = parseWebhookKey(text);
  if (text && !key) throw new EnvError('RAPOR_WEBHOOK_KEY must be 32 random bytes in base64 or hex, such as the output of "openssl rand -base64 32".');
  return {
    key,
    pollMs: milliseconds('RAPOR_WEBHOOK_POLL_MS', source.RAPOR_WEBHOOK_POLL_MS, 2_000),
    firstRetryMs: milliseconds('RAPOR_WEBHOOK_RETRY_MS', source.RAPOR_WEBHOOK_RETRY_MS, 5_000),
    scanMs: milliseconds('RAPOR_WEBHOOK_SCAN_MS', source.RAPOR_WEBHOOK_SCAN_MS, 10 * 60_000),
  };
}

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const production = source.NODE_ENV?.trim().toLowerCase() === 'production';
  const portText = source.PORT ?? '4321';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) {
    throw new EnvError(`PORT must be a whole number from 0 to 65535, not "${portText}".`);
  }
  const demoText = (source.RAPOR_DEMO ?? (production ? 'off' : 'on')).trim().toLowerCase();
  if (!['on', 'off', '1', '0', 'true', 'false'].includes(demoText)) {
    throw new EnvError(`RAPOR_DEMO must be "on" or "off", not "${source.RAPOR_DEMO}".`);
  }
  const demo = ['on', '1', 'true'].includes(demoText);
  if (demo && production) {
    throw new EnvError('RAPOR_DEMO is refused when NODE_ENV=production: demo accounts and data must never reach a live portal.');
  }
  return {
    port,
    host: source.HOST ?? '0.0.0.0',
    databaseUrl: source.DATABASE_URL?.trim() || (demo ? DEMO_SQLITE_FILE : DEFAULT_SQLITE_FILE),
    production,
    demo,
    distDir: resolve(source.RAPOR_DIST_DIR ?? 'dist'),
    trustProxy: proxyTrust(source.RAPOR_TRUST_PROXY),
    publicUrl: publicUrl(source.RAPOR_PUBLIC_URL),
    asnThresholds: thresholds(source.RAPOR_ASN_THRESHOLDS),
    writeBatch: writeBatch(source.RAPOR_WRITE_BATCH),
    mail: mailSettings(source),
    webhooks: webhookSettings(source),
  };
}
