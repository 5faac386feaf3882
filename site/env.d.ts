// What an on-demand page finds in Astro.locals: the server hands it the database and the clock the API uses
// (server/astro-pages.ts, docs/decisions/054-on-demand-pages.md). Prerendered pages get nothing.
declare namespace App {
  interface Locals {
    db: import('kysely').Kysely<import('../core/schema.ts').Database>;
    now: () => Date;
    /** The signed-in reader's workspace role, for the header's account link (null for a visitor). */
    role?: import('../core/i18n/lang.ts').WorkspaceRole | null;
    /** A form posted without JavaScript that was not stored, shown again (server/astro-pages.ts renderFormAnswer). */
    form?: import('../server/astro-pages.ts').FormAnswer;
  }
}
