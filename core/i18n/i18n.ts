// Interface text, Bahasa Indonesia first and English second. Pages exist at / (id) and /en/ (en).
// The words live in i18n.id.ts and i18n.en.ts (one language per file, so an island can ship one); the languages and
// their paths in lang.ts.
import { commonEn } from './i18n.en';
import { commonId, type Strings } from './i18n.id';
import type { Lang } from './lang';

export { LANGS, WORKSPACE_PATH, WORKSPACE_ROLES, href, langFromParam, langPaths, publicPath, roleFromParam, roleVariantParams, switchPath, type Lang, type WorkspaceRole } from './lang';
export type { Strings } from './i18n.id';

export const STRINGS: Record<Lang, Strings> = { id: commonId, en: commonEn };

export function strings(lang: Lang): Strings {
  return STRINGS[lang];
}
