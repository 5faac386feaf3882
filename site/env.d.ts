// What an on-demand page finds in Astro.locals: the server hands it the database and the clock the API uses
// (server/astro-pages.ts, docs/decisions/054-on-demand-pages.md). Prerendered pages get nothing.
declare namespace App {
  interface Locals {
    db: import('kysely').Kysely<import('../core/schema.ts').Database>;
    now: () => Date;
    /** A form posted without JavaScript that was not stored, shown again (server/astro-pages.ts renderFormAnswer). */
    form?: import('../server/astro-pages.ts').FormAnswer;
    /** Each island's start scripts, from the build (site/integrations/modulepreload.mjs; Base.astro's `islands`). */
    preload?: Record<string, string[]>;
  }
}
