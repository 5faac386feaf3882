// Portal-wide settings (an administrator's choices) and the secret that signs form tickets.
import type { Kysely } from 'kysely';
import type { Database } from '../database.ts';

/** The known settings and their defaults; values are stored as text. */
export const SETTINGS = {
  /** ASN permit indicators count only reports verified with a visit code (issue "Scores that cannot be bought"). */
  asn_permit_verified_only: 'false',
  /** The data-protection contact shown on the privacy page, as JSON ({ name, email, phone }), or '' for none. */
  data_protection_contact: '',
} as const;
export type SettingKey = keyof typeof SETTINGS;

export async function readSettings(db: Kysely<Database>): Promise<Record<SettingKey, string>> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).where('key', 'in', Object.keys(SETTINGS)).execute();
  const out = { ...SETTINGS } as Record<SettingKey, string>;
  for (const r of rows) out[r.key as SettingKey] = r.value;
  return out;
}

export async function writeSetting(db: Kysely<Database>, key: SettingKey, value: string, now: Date): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key, value, updated_at: now.toISOString() })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now.toISOString() }))
    .execute();
}

/** The form-ticket secret, made once by whichever process asks first, and shared by every process on the database. */
export async function ticketSecret(db: Kysely<Database>, fresh: () => string, now: Date): Promise<string> {
  const key = 'ticket_secret';
  const existing = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  if (existing) return existing.value;
  await db.insertInto('settings').values({ key, value: fresh(), updated_at: now.toISOString() }).onConflict((oc) => oc.column('key').doNothing()).execute();
  return (await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirstOrThrow()).value;
}
