// What an on-demand page finds in Astro.locals: the server hands it the database and the clock the API uses
// (server/astro-pages.ts, docs/decisions/054-on-demand-pages.md). Prerendered pages get nothing.
declare namespace App {
  interface Locals {
    db: import('kysely').Kysely<import('../core/schema.ts').Database>;
    now: () => Date;
    /** The signed-in reader's workspace role, for the header's account link (null for a visitor). */
    role?: import('../core/i18n/lang.ts').WorkspaceRole | null;
    /** The portal's public address, the ASN thresholds, the two-factor rule: the AppDeps a page may need. */
    publicUrl?: string | undefined;
    asnThresholds?: import('../server/astro-pages.ts').PageLocals['asnThresholds'];
    requireAdminTwoFactor?: boolean | undefined;
    /** A middleware in front of the page refused the request with 429 (server/astro-pages.ts PageLocals). */
    tooManyRequests?: boolean;
    /** A form posted without JavaScript that was not stored, shown again (server/astro-pages.ts renderFormAnswer). */
    form?: import('../server/astro-pages.ts').FormAnswer;
    /** The API token form of /akun posted without JavaScript: the new token, shown once, or its messages. */
    apiTokenForm?: import('../server/views/api-tokens.ts').ApiTokenFormAnswer;
    /** Each island's start scripts, from the build (site/integrations/modulepreload.mjs; Base.astro's `islands`). */
    preload?: Record<string, string[]>;
  }
}
