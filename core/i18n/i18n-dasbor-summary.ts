// Words of the unit dashboard (/dasbor): its frame and summary tab, in both languages (issue 26 item 4: the staff screens' words split by screen).
import { strings, type Lang } from './i18n';
import { dasborCommonStrings } from './i18n-dasbor-common';

const id = {
  chooseUnit: 'Unit',
  tabSummary: 'Ringkasan',
  tabTools: 'Alat loket',
  tabAudit: 'Log aktivitas',
};

const en: typeof id = {
  chooseUnit: 'Unit',
  tabSummary: 'Summary',
  tabTools: 'Counter tools',
  tabAudit: 'Activity log',
};

/** The site's common words, the shared staff words and this screen's own. */
export function dasborSummaryStrings(lang: Lang) {
  return { ...strings(lang), ...dasborCommonStrings(lang), ...(lang === 'en' ? en : id) };
}
