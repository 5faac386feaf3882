// Webhook signing secrets at rest (docs/decisions/064): the portal must sign with the secret itself, so it cannot keep
// only a hash as it does for tokens. Each secret is sealed with AES-256-GCM under a key that lives outside the table:
// RAPOR_WEBHOOK_KEY (32 bytes, base64 or hex) when set, so a copy of the database (a backup, an export of the
// settings) does not let anyone forge deliveries; otherwise a key the first process made and keeps in the settings
// table (the demo, tests), which protects against reading the endpoints table alone and nothing more. A sealed value
// names its key's id, so a changed key is reported as such instead of decrypting garbage.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../core/schema.ts';
import { storedWebhookKey } from '../../db/queries/webhooks.ts';

export interface SecretBox {
  seal(secret: string): string;
  open(sealed: string): string;
}

export class WebhookKeyMismatch extends Error {}

/** RAPOR_WEBHOOK_KEY's 32 bytes from base64 or hex; undefined for anything else. */
export function parseWebhookKey(text: string | undefined): Buffer | undefined {
  const t = text?.trim();
  if (!t) return undefined;
  const key = /^[0-9a-fA-F]{64}$/.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64');
  return key.length === 32 ? key : undefined;
}

export function secretBox(key: Buffer): SecretBox {
  const keyId = createHash('sha256').update(key).digest('hex').slice(0, 8);
  return {
    seal(secret) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
      return ['v1', keyId, iv.toString('base64'), body.toString('base64'), cipher.getAuthTag().toString('base64')].join('.');
    },
    open(sealed) {
      const [version, id, iv, body, tag] = sealed.split('.');
      if (version !== 'v1' || id !== keyId || !iv || !body || !tag) {
        throw new WebhookKeyMismatch(`the endpoint's secret was sealed with another key (${id}), not this portal's (${keyId}): set the RAPOR_WEBHOOK_KEY it was made with, or rotate the secret`);
      }
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
    },
  };
}

/** The portal's secret box: under `envKey` when given, else under the key kept in the settings table (made once). */
export function webhookSecretBox(db: Kysely<Database>, envKey: Buffer | undefined): (now: Date) => Promise<SecretBox> {
  let cached: Promise<SecretBox> | undefined;
  return (now) => {
    cached ??= (envKey
      ? Promise.resolve(secretBox(envKey))
      : storedWebhookKey(db, () => randomBytes(32).toString('hex'), now).then((hex) => secretBox(Buffer.from(hex, 'hex')))
    ).catch((error: unknown) => {
      cached = undefined;
      throw error;
    });
    return cached;
  };
}
