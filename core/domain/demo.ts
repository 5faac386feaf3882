// The demo world's accounts (README "Run it"): every one has an address at DEMO_EMAIL_DOMAIN and the published
// password DEMO_PASSWORD (db/seed.ts). A live portal never starts on a database that holds one (docs/decisions/020).

export const DEMO_EMAIL_DOMAIN = 'demo.rapor.id';

/** The email address of a demo account: `{local}@demo.rapor.id`. */
export function demoEmail(local: string): string {
  return `${local}@${DEMO_EMAIL_DOMAIN}`;
}

/** Whether an address is a demo account's, in any spelling (addresses are stored lower-cased, but not by every path). */
export function isDemoEmail(email: string): boolean {
  return email.trim().toLowerCase().endsWith(`@${DEMO_EMAIL_DOMAIN}`);
}
