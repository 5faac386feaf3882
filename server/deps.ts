import type { Kysely } from 'kysely';
import type { Database, User } from '../db/database.ts';
import type { ProxyTrust } from './auth/client.ts';
import type { Thresholds } from './domain/asn-evidence.ts';

/** What the route modules need from the outside world; tests pass their own. */
export interface AppDeps {
  db: Kysely<Database>;
  /** The clock (tests fix it). */
  now: () => Date;
  /** The built site to serve; absent in API-only tests. */
  distDir?: string | undefined;
  /** The proxies of ours in front of the portal (RAPOR_TRUST_PROXY); absent: none, the socket peer is the client. */
  trustProxy?: ProxyTrust | undefined;
  /** The portal's public address for printed links (QR posters); else the request's own origin. */
  publicUrl?: string | undefined;
  /** Demo mode: the sign-in page lists the demo accounts. */
  demo?: boolean;
  /** A second connection for long reads (exports), so they never hold up ratings being written. */
  readDb?: Kysely<Database>;
  /** Achievement thresholds of the suggested ASN results rating. */
  asnThresholds?: Thresholds;
}

/** Hono's typed context variables for every route module. */
export interface AppEnv {
  Variables: {
    /** The signed-in account, or null. */
    user: User | null;
  };
}
