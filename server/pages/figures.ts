// The data pages' figures as HTML (issue 17): the rankings; the permit times. Each renders the API's own JSON answer
// for the same query, so the page and the API never disagree; the islands enhance the page with charts and filters
// that update without a reload.
import { formatSla } from '../../core/i18n/format.ts';
import { fmtCount, fmtNumber, fmtPeriod, periodChoices } from '../../core/i18n/format.ts';
import { href, type Lang } from '../../core/i18n/i18n.ts';
import { permitStrings } from '../../core/i18n/i18n-permits.ts';
import { scoreStrings } from '../../core/i18n/i18n-scores.ts';
import type { PermitOverview, Scoreboard } from '../../core/api-types.ts';
import { esc } from './html.ts';


/** A GET form that picks the period (and keeps the other filters): the no-JavaScript way to change what is shown. */
function periodForm(lang: Lang, current: string, now: Date, extra: Record<string, string>, id: string): string {
  const t = scoreStrings(lang);
  const choices = periodChoices(now);
  if (!choices.includes(current)) choices.unshift(current);
  return `<form class="sv-filters" method="get">
<div class="field"><label for="${id}">${esc(t.periodLabel)}</label>
<select id="${id}" name="periode">${choices.map((code) => `<option value="${esc(code)}"${code === current ? ' selected' : ''}>${esc(fmtPeriod(lang, code))}</option>`).join('')}</select></div>
${Object.entries(extra).filter(([, v]) => v).map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}" />`).join('')}
<button type="submit" class="secondary">${lang === 'en' ? 'Show' : 'Tampilkan'}</button>
</form>`;
}

export function scoreboardFragment(lang: Lang, board: Scoreboard | null, now: Date, query: { periode: string; wilayah: string; jenis: string }): string {
  const t = scoreStrings(lang);
  const filters = periodForm(lang, query.periode, now, { wilayah: query.wilayah, jenis: query.jenis }, 'periode-peringkat-sv');
  if (!board) return `${filters}<p class="notice">${esc(t.loadFailed)}</p>`;
  const unitLink = (slug: string, name: string) => `<a href="${esc(href(lang, `/unit/${slug}?periode=${board.period.code}`))}">${esc(name)}</a>`;
  const ranked = board.ranked.length === 0 ? `<p>${esc(t.noneRanked)}</p>` : `<div class="table-scroll" role="region" aria-labelledby="diperingkat-sv" tabindex="0">
<table data-figure="ranked"><thead><tr><th scope="col">${esc(t.rankColumn)}</th><th scope="col">${esc(t.unitColumn)}</th><th scope="col">${esc(t.nColumn)}</th><th scope="col">${esc(t.ikmColumn)}</th><th scope="col">${esc(t.intervalLabel)}</th><th scope="col">${esc(t.mutuColumn)}</th><th scope="col" aria-describedby="skor-peringkat-sv">${esc(t.shrunkColumn)}</th></tr></thead>
<tbody>${board.ranked.map((r) => `<tr data-slug="${esc(r.unit.slug)}"><td>${r.rank}</td><th scope="row">${unitLink(r.unit.slug, r.unit.name)}<br /><span class="hint">${esc(r.unit.region.name)}</span></th><td>${esc(fmtCount(lang, r.n))}</td><td data-figure="ikm">${esc(fmtNumber(lang, r.ikm))}</td><td>${r.ikmCi95 ? `${esc(fmtNumber(lang, r.ikmCi95[0]))} – ${esc(fmtNumber(lang, r.ikmCi95[1]))}` : '–'}</td><td data-figure="mutu">${esc(r.mutu)}</td><td>${esc(fmtNumber(lang, r.shrunkIkm))}</td></tr>`).join('\n')}</tbody></table></div>`;
  const insufficient = board.insufficient.length ? `<section aria-labelledby="belum-cukup-sv"><h2 id="belum-cukup-sv">${esc(t.insufficientHeading)}</h2>
<table><thead><tr><th scope="col">${esc(t.unitColumn)}</th><th scope="col">${esc(t.nColumn)}</th><th scope="col">${esc(t.targetColumn)}</th></tr></thead>
<tbody>${board.insufficient.map((r) => `<tr data-slug="${esc(r.unit.slug)}"><th scope="row">${unitLink(r.unit.slug, r.unit.name)}</th><td>${esc(fmtCount(lang, r.n))}</td><td>${esc(fmtCount(lang, r.sampleTarget))}</td></tr>`).join('\n')}</tbody></table></section>` : '';
  return `${filters}
<section><h2 id="diperingkat-sv">${esc(t.rankedHeading)} · ${esc(fmtPeriod(lang, board.period.code))}</h2>
${ranked}
<p class="hint">${esc(t.scoreboardIntro)} <a href="${esc(href(lang, '/metodologi'))}">${esc(t.readMethod)}</a></p>
${board.ranked.length && board.priorMean !== null ? `<p class="notice" id="skor-peringkat-sv">${esc(t.shrunkNote(fmtNumber(lang, board.priorMean)))}</p>` : ''}</section>
${insufficient}`;
}

export function permitTimesFragment(lang: Lang, data: PermitOverview | null, now: Date, query: { periode: string; wilayah: string }): string {
  const t = permitStrings(lang);
  const filters = periodForm(lang, query.periode, now, { wilayah: query.wilayah }, 'periode-izin-sv');
  if (!data) return `${filters}<p class="notice">${esc(t.loadFailed)}</p>`;
  const pct = (x: number | null) => (x === null ? '–' : `${fmtNumber(lang, x * 100, 0)}%`);
  const notice = data.calendar.missingYears.length || data.calendar.flagged
    ? `<div class="notice">${data.calendar.missingYears.length ? `<p>${esc(t.calendarMissing(data.calendar.missingYears.join(', ')))}</p>` : ''}${data.calendar.flagged ? `<p><strong>${esc(t.calendarFlagged(data.calendar.yearsWithoutCalendar.join(', ')))}</strong></p>` : ''}</div>`
    : '';
  const rows = data.items.map((row) => {
    const figures = row.judgement === 'dates_only'
      ? `<td colspan="2">${esc(t.notJudgeable)}</td><td data-figure="within">${esc(row.withinSlaShare === null ? t.notJudgeable : pct(row.withinSlaShare))}</td>`
      : `<td data-figure="median">${esc(row.medianDays === null ? '–' : fmtNumber(lang, row.medianDays, 1))}</td><td>${esc(row.p90Days === null ? '–' : fmtNumber(lang, row.p90Days, 1))}</td><td data-figure="within">${esc(pct(row.withinSlaShare))}</td>`;
    return `<tr data-slug="${esc(row.unit.slug)}" data-service="${esc(row.service.slug)}"><th scope="row"><a href="${esc(href(lang, `/unit/${row.unit.slug}?periode=${data.period.code}`))}">${esc(row.unit.name)}</a></th><td>${esc(row.service.name)}</td><td>${esc(formatSla(row.sla, t.slaUnits, t.noSla))}</td><td>${esc(fmtCount(lang, row.n))}</td>${figures}<td>${esc(fmtCount(lang, row.openPastSla))}</td></tr>`;
  }).join('\n');
  return `${filters}
${notice}
<div class="table-scroll" role="region" aria-label="${esc(t.overviewTitle)}" tabindex="0">
<table data-figure="permit-times"><thead><tr><th scope="col">${esc(t.unitTitle)}</th><th scope="col">${esc(t.permitService)}</th><th scope="col">${esc(t.promise)}</th><th scope="col">${esc(t.nReports)}</th><th scope="col">${esc(t.median)}</th><th scope="col">${esc(t.p90)}</th><th scope="col">${esc(t.withinShare)}</th><th scope="col">${esc(t.openPast)}</th></tr></thead>
<tbody>${rows}</tbody></table></div>`;
}
