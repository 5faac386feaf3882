// The unit staff's digest as a mail (issue 27 item 3): blocks in the recipient's language, composed the one way
// (core/domain/mail.ts), with the dates it covers, a one-click unsubscribe for its kind and a link to the preferences.
import { composeMail, mailLink, type ComposedMail, type MailBlock } from '../../core/domain/mail.ts';
import { belowMinimumWords } from '../../core/domain/small-cells.ts';
import { fmtCount, fmtDate, fmtNumber, fmtPeriod } from '../../core/i18n/format.ts';
import { digestWords } from '../../core/i18n/i18n-mail-digests.ts';
import type { Lang } from '../../core/i18n/lang.ts';
import type { UnitDigest } from '../views/unit-digest.ts';

/** The most follow-up items a digest lists by name (the counts are always whole). */
const LISTED_ITEMS = 5;

export function unitDigestMail(d: UnitDigest, options: { lang: Lang; base: string; cadence: 'weekly' | 'daily'; unsubscribeToken: string }): ComposedMail {
  const { lang, base } = options;
  const w = digestWords[lang];
  const from = fmtDate(lang, d.window.from);
  const to = fmtDate(lang, d.window.to);
  const q = d.quarter;
  const signed = (n: number) => `${n > 0 ? '+' : ''}${fmtNumber(lang, n)}`;
  const items = (list: Array<{ problem: string; dueDate: string }>) => list.slice(0, LISTED_ITEMS).map((f) => w.followUpItem(f.problem, fmtDate(lang, f.dueDate)));
  const blocks: MailBlock[] = [
    { kind: 'paragraph', text: w.covers(from, to) },
    { kind: 'heading', text: w.scoresHeading(fmtPeriod(lang, q.period.code)) },
    {
      kind: 'facts',
      rows: [
        [w.ikm, q.ikm !== null ? `${fmtNumber(lang, q.ikm)}${q.mutu ? ` (${q.mutu})` : ''}` : q.n > 0 ? belowMinimumWords(q.minPublicRatings, lang) : w.noIkm(q.minPublicRatings)],
        [w.change, d.change !== null ? signed(d.change) : w.noChange],
        [w.ratingsInQuarter, fmtCount(lang, q.n)],
        [w.ratingsInWindow, fmtCount(lang, d.ratingsInWindow)],
        [w.weakest, d.weakest ? `${d.weakest.code} ${d.weakest.name}${d.weakest.nrr !== null ? ` (${fmtNumber(lang, d.weakest.nrr)})` : ''}` : w.noWeakest],
      ],
    },
    { kind: 'heading', text: w.workHeading },
    {
      kind: 'facts',
      rows: [
        [w.commentsWaiting, fmtCount(lang, d.comments.count)],
        [w.followUpsOverdue, fmtCount(lang, d.followUps.overdue.length)],
        [w.followUpsDueSoon, fmtCount(lang, d.followUps.dueSoon.length)],
        [w.kiosksWaiting, fmtCount(lang, d.kiosksWaiting)],
      ],
    },
  ];
  if (d.comments.oldest !== null && d.comments.oldestDays !== null) blocks.push({ kind: 'paragraph', text: w.oldestWaiting(d.comments.oldestDays, fmtDate(lang, d.comments.oldest)) });
  if (d.followUps.overdue.length) blocks.push({ kind: 'paragraph', text: w.followUpsOverdue }, { kind: 'list', items: items(d.followUps.overdue) });
  if (d.followUps.dueSoon.length) blocks.push({ kind: 'paragraph', text: w.followUpsDueSoon }, { kind: 'list', items: items(d.followUps.dueSoon) });
  blocks.push({ kind: 'action', label: w.openDashboard, url: mailLink(base, lang === 'en' ? '/en/dasbor' : '/dasbor') });
  return composeMail({
    language: lang,
    subject: options.cadence === 'weekly' ? w.subjectWeekly(d.unit.name, from, to) : w.subjectDaily(d.unit.name, to),
    blocks,
    reason: w.reasonDigest(d.unit.name),
    unsubscribeUrl: mailLink(base, '/api/notifications/unsubscribe', { token: options.unsubscribeToken }),
    preferencesUrl: mailLink(base, lang === 'en' ? '/en/akun' : '/akun'),
  });
}
