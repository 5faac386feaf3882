// Words of the unit dashboard's activity log tab, in both languages (issue 26 item 4: the staff screens' words split by screen).
import { type Lang } from './i18n';
import { dasborCommonStrings } from './i18n-dasbor-common';

const id = {
  auditHeading: 'Log aktivitas unit',
  when: 'Waktu',
  what: 'Aktivitas',
};

const en: typeof id = {
  auditHeading: 'Unit activity log',
  when: 'When',
  what: 'Activity',
};

/** The shared staff words and this screen's own. */
export function dasborAuditStrings(lang: Lang) {
  return { ...dasborCommonStrings(lang), ...(lang === 'en' ? en : id) };
}
