// The two languages of the site and their paths: Bahasa Indonesia at / and English at /en/. No strings here, so an
// island can link between languages without shipping either language's words (issue 19).
export type Lang = 'id' | 'en';
export const LANGS: readonly Lang[] = ['id', 'en'];

/** The accounts whose header names their workspace instead of "Masuk petugas" (staff sign-in). */
export const WORKSPACE_ROLES = ['staff', 'evaluator', 'admin'] as const;
export type WorkspaceRole = (typeof WORKSPACE_ROLES)[number];
/** Each workspace's page. */
export const WORKSPACE_PATH: Record<WorkspaceRole, string> = { staff: '/dasbor', evaluator: '/evaluasi', admin: '/admin' };

/**
 * A prerendered page is built once for a visitor and once more per workspace role, under `/_peran/{role}/`, so that a
 * signed-in reader's header names their workspace without script and without editing the built HTML: the server
 * serves the role's copy to a session holder (server/site.ts, docs/decisions/059-header-per-role.md). Paths under
 * `/_peran/` are never served by their own address.
 */
export const ROLE_VARIANT_DIR = '_peran';
const ROLE_VARIANT = new RegExp(`^${ROLE_VARIANT_DIR}/(${WORKSPACE_ROLES.join('|')})(?:/|$)`);
const ROLE_VARIANT_PATH = new RegExp(`^/${ROLE_VARIANT_DIR}/(?:${WORKSPACE_ROLES.join('|')})(?=/|$)`);

/** The built copies of a prerendered page's `[...lang]` parameter: 'staff' → ['_peran/staff', '_peran/staff/en']. */
export function roleVariantParams(role: WorkspaceRole): string[] {
  return [`${ROLE_VARIANT_DIR}/${role}`, `${ROLE_VARIANT_DIR}/${role}/en`];
}

/** Static paths for pages that exist in both languages: / and /en/, and each workspace role's copies of the two. */
export function langPaths() {
  return [undefined, 'en', ...WORKSPACE_ROLES.flatMap(roleVariantParams)].map((lang) => ({ params: { lang } }));
}

export function langFromParam(param: string | undefined): Lang {
  return param?.replace(ROLE_VARIANT, '') === 'en' ? 'en' : 'id';
}

/** The workspace role of a prerendered role copy's `[...lang]` parameter, or null for the visitor's page. */
export function roleFromParam(param: string | undefined): WorkspaceRole | null {
  return (param?.match(ROLE_VARIANT)?.[1] as WorkspaceRole | undefined) ?? null;
}

/** A page's public path from its built path: '/_peran/staff/en/metodologi' → '/en/metodologi'. */
export function publicPath(pathname: string): string {
  return pathname.replace(ROLE_VARIANT_PATH, '') || '/';
}

/** The site path of a page in a language: href('en', '/nilai/x') → '/en/nilai/x'. */
export function href(lang: Lang, path: string): string {
  return lang === 'en' ? `/en${path === '/' ? '/' : path}` : path;
}

/** The same page in the other language, from a current path. */
export function switchPath(pathname: string, to: Lang): string {
  const bare = pathname.replace(/^\/en(?=\/|$)/, '') || '/';
  return href(to, bare);
}
