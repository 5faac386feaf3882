// The two languages of the site and their paths: Bahasa Indonesia at / and English at /en/. No strings here, so an
// island can link between languages without shipping either language's words (issue 19).
export type Lang = 'id' | 'en';
export const LANGS: readonly Lang[] = ['id', 'en'];

/** Static paths for pages that exist in both languages: / and /en/. */
export function langPaths() {
  return [{ params: { lang: undefined } }, { params: { lang: 'en' } }];
}

export function langFromParam(param: string | undefined): Lang {
  return param === 'en' ? 'en' : 'id';
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
