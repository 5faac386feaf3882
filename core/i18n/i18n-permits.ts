// Strings of the permit pages (report form, unit page section, region view): one file per language
// (i18n-permits.id.ts, i18n-permits.en.ts), so the report form's island ships its page's language only (issue 19).
import { strings, type Lang } from './i18n';
import { permitOwnEn } from './i18n-permits.en';
import { permitOwnId } from './i18n-permits.id';

export type { PermitFormStrings } from './i18n-permits.id';

/** The site's common strings and the permit ones in one language, picked at run time (pages showing either). */
export function permitStrings(lang: Lang) {
  return { ...strings(lang), ...(lang === 'en' ? permitOwnEn : permitOwnId) };
}
