// The data-protection contact an administrator set (settings table), as the public route and the /privasi and
// /aksesibilitas pages show it (issue 26: the pages render it on the server; docs/decisions/032 superseded there).
import type { Kysely } from 'kysely';
import * as v from 'valibot';
import { dataProtectionContactSchema, type DataProtectionContact } from '../../core/domain/admin-input.ts';
import type { Database } from '../../core/schema.ts';
import { readSettings } from '../../db/queries/settings.ts';

/** The stored contact, or null when none is set or the stored value is one this version cannot read. */
export function parseDataProtectionContact(stored: string): DataProtectionContact {
  if (!stored) return null;
  try {
    return v.parse(dataProtectionContactSchema, JSON.parse(stored));
  } catch {
    return null; // shown as no contact, never as an error
  }
}

export async function privacyContact(db: Kysely<Database>): Promise<DataProtectionContact> {
  return parseDataProtectionContact((await readSettings(db)).data_protection_contact);
}
