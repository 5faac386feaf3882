// Portal-wide settings (an administrator's choices) and the secret that signs form tickets.
import type { Kysely } from 'kysely';
import type { Database } from '../../core/schema.ts';
import { DEFAULT_MIN_PUBLIC_RATINGS, parseMinPublicRatings } from '../../core/domain/small-cells.ts';

/** The known settings and their defaults; values are stored as text. */
export const SETTINGS = {
  /** ASN permit indicators count only reports verified with a visit code (issue "Scores that cannot be bought"). */
  asn_permit_verified_only: 'false',
  /** The data-protection contact shown on the privacy page, as JSON ({ name, email, phone }), or '' for none. */
  data_protection_contact: '',
  /** The fewest ratings behind a public figure (small cells, decision 047). */
  min_public_ratings: String(DEFAULT_MIN_PUBLIC_RATINGS),
} as const;
export type SettingKey = keyof typeof SETTINGS;

export async function readSettings(db: Kysely<Database>): Promise<Record<SettingKey, string>> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).where('key', 'in', Object.keys(SETTINGS)).execute();
  const out = { ...SETTINGS } as Record<SettingKey, string>;
  for (const r of rows) out[r.key as SettingKey] = r.value;
  return out;
}

/** k of the small-cell rule (decision 047): read on every public answer, so an administrator's change shows at once. */
export async function minPublicRatings(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', 'min_public_ratings').executeTakeFirst();
  return parseMinPublicRatings(row?.value ?? SETTINGS.min_public_ratings);
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
