import type { Kysely } from 'kysely';
import type { Database, User } from '../core/schema.ts';
import type { ProxyTrust } from './auth/client.ts';
import type { Thresholds } from '../core/domain/asn-evidence.ts';

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
  /**
   * The base of every link in a mail (server/mail/queue.ts): RAPOR_PUBLIC_URL, else the portal's own local address.
   * Never the request's Host header (a reset link must not point where an attacker's Host says).
   */
  mailBaseUrl?: string | undefined;
  /** Demo mode: the sign-in page lists the demo accounts. */
  demo?: boolean;
  /** A second connection for long reads (exports), so they never hold up ratings being written. */
  readDb?: Kysely<Database>;
  /** Achievement thresholds of the suggested ASN results rating. */
  asnThresholds?: Thresholds;
  /**
   * Administrators must have two-factor sign-in (production): until they enrol, their session may only enrol
   * (docs/decisions/018).
   */
  requireAdminTwoFactor?: boolean;
  /** RAPOR_WEBHOOK_KEY: seals webhook secrets at rest; absent, a key kept in the settings table (docs/decisions/064). */
  webhookKey?: Buffer | undefined;
  /** Refuse webhook addresses in private, loopback or link-local networks (NODE_ENV=production; decision 064). */
  refuseNonPublicWebhooks?: boolean;
}

/** Hono's typed context variables for every route module. */
export interface AppEnv {
  Variables: {
    /** The signed-in account, or null. */
    user: User | null;
    /**
     * A signed-in administrator who must first enrol in two-factor sign-in: `user` is null for them, so every route
     * that needs an account refuses them (403 two_factor_required) except the few that enrol.
     */
    enrolOnly: User | null;
    /** The API token the request came with (its id), when it came with one: the request may only read (decision 065). */
    apiToken?: string;
  };
}
