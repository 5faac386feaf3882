// Words of the unit dashboard's respondent profile tables, in both languages (issue 26 item 4: the staff screens' words split by screen).
import { type Lang } from './i18n';
import { scoreStrings } from './i18n-scores';
import { dasborCommonStrings } from './i18n-dasbor-common';

const id = {
  shareColumn: 'Persentase',
};

const en: typeof id = {
  shareColumn: 'Share',
};

/** The score pages' words, the shared staff words and this screen's own. */
export function dasborProfileStrings(lang: Lang) {
  return { ...scoreStrings(lang), ...dasborCommonStrings(lang), ...(lang === 'en' ? en : id) };
}
