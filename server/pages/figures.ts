// The data pages' figures as HTML (issue 17): a unit's IKM, grade, interval, sample and elements; the rankings; the
// permit times. Each renders the API's own JSON answer for the same query, so the page and the API never disagree;
// the islands enhance the page with charts and filters that update without a reload.
import { kinerjaWords } from '../../core/domain/ikm.ts';
import { shownInterval } from '../../core/domain/shown-interval.ts';
import { SKM_ELEMENTS } from '../../core/domain/skm.ts';
import { belowMinimumWords, isBelowMinimum } from '../../core/domain/small-cells.ts';
import { TIME_ZONES, isTimeZone } from '../../core/domain/time-zones.ts';
import { formatSla } from '../../core/i18n/format.ts';
import { fmtCount, fmtNumber, fmtPeriod, periodChoices } from '../../core/i18n/format.ts';
import { href, type Lang } from '../../core/i18n/i18n.ts';
import { permitStrings } from '../../core/i18n/i18n-permits.ts';
import { publicationStrings } from '../../core/i18n/i18n-publication.ts';
import { scoreStrings } from '../../core/i18n/i18n-scores.ts';
import type { FollowUpProgress, PermitOverview, Scoreboard, UnitPublic, UnitScores } from '../../core/api-types.ts';
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

export function unitFragment(lang: Lang, unit: UnitPublic, scores: UnitScores | null, now: Date, period: string, followUps: FollowUpProgress | null = null): string {
  const t = scoreStrings(lang);
  const zone = isTimeZone(unit.timezone) ? TIME_ZONES[unit.timezone].abbreviation : unit.timezone;
  let figures: string;
  if (!scores) {
    figures = `<p class="notice">${esc(t.loadFailed)}</p>`;
  } else if (scores.n === 0) {
    figures = `<section aria-labelledby="ikm-judul-sv"><h2 id="ikm-judul-sv">${esc(t.scoreHeading)}</h2><p class="notice">${esc(t.noRatings)}</p></section>`;
  } else if (isBelowMinimum(scores.n, scores.minPublicRatings)) {
    // Small cells (decision 047): the count and the words, never the figures of fewer than k ratings.
    figures = `<section aria-labelledby="ikm-judul-sv">
<h2 id="ikm-judul-sv">${esc(t.scoreHeading)} · ${esc(fmtPeriod(lang, scores.period.code))}</h2>
<p class="sv-headline"><span class="sv-big" data-figure="ikm">${esc(belowMinimumWords(scores.minPublicRatings, lang))}</span></p>
<dl class="facts"><dt>${esc(t.sampleLabel)}</dt><dd><span data-figure="n">${esc(fmtCount(lang, scores.n))}</span></dd></dl>
<p class="notice" data-figure="small-cell">${esc(t.smallCellBody)}</p>
</section>`;
  } else {
    const kinerja = kinerjaWords(scores.kinerja, lang);
    const grade = scores.provisional
      ? `<strong><span data-figure="mutu">${esc(scores.mutu ?? '–')}</span> ${esc(t.provisionalGrade('').trim())}</strong>`
      : `<strong data-figure="mutu">${esc(scores.mutu)}</strong> (${esc(kinerja)})`;
    const interval = shownInterval(scores, (n) => fmtNumber(lang, n)) ?? '–';
    const lowest = new Set(scores.lowest);
    figures = `<section aria-labelledby="ikm-judul-sv">
<h2 id="ikm-judul-sv">${esc(t.scoreHeading)} · ${esc(fmtPeriod(lang, scores.period.code))}</h2>
<p class="sv-headline"><span class="sv-big" data-figure="ikm">${esc(fmtNumber(lang, scores.ikm))}</span> <span>${esc(t.gradeLabel)}: ${grade}</span></p>
<dl class="facts">
<dt>${esc(t.sampleLabel)}</dt><dd><span data-figure="n">${esc(fmtCount(lang, scores.n))}</span>${scores.sampleTarget !== null ? ` / ${esc(fmtCount(lang, scores.sampleTarget))}` : ''} — <strong>${esc(scores.sampleAdequate ? t.sampleEnough : t.sampleShort)}</strong></dd>
<dt>${esc(t.intervalLabel)}</dt><dd><span data-figure="interval">${esc(interval)}</span> <span class="hint">${esc(t.intervalHints[scores.intervalNote ?? 'too-few'])}</span></dd>
<dt>${esc(t.verifiedLabel)}</dt><dd>${esc(fmtCount(lang, scores.nVerified))}${scores.ikmVerified !== null ? ` (IKM ${esc(fmtNumber(lang, scores.ikmVerified))})` : ''} <span class="hint block" data-testid="visit-codes">${esc(t.visitCodesLine(fmtCount(lang, scores.visitCodesIssued), fmtCount(lang, scores.visitCodesUsed)))}</span></dd>
<dt>${esc(t.excludedLabel)}</dt><dd>${esc(fmtCount(lang, scores.nExcluded))}</dd>
</dl>
${scores.sampleAdequate ? '' : `<p class="notice"><strong>${esc(t.sampleShort)}.</strong> ${esc(t.sampleShortBody)}</p>`}
</section>
<section aria-labelledby="unsur-judul-sv">
<h2 id="unsur-judul-sv">${esc(t.elementsHeading)}</h2>
<table data-figure="elements"><thead><tr><th scope="col">${esc(t.elementColumn)}</th><th scope="col">${esc(t.nrrColumn)}</th><th scope="col">${esc(t.nColumn)}</th></tr></thead>
<tbody>${scores.elements.map((e) => `<tr><th scope="row">${esc(e.code)} ${esc(SKM_ELEMENTS.find((x) => x.code === e.code)?.name[lang] ?? e.name)}${lowest.has(e.code) ? ` <span class="badge">${esc(t.lowest)}</span>` : ''}</th><td>${esc(fmtNumber(lang, e.nrr))}</td><td>${esc(fmtCount(lang, e.n))}</td></tr>`).join('\n')}</tbody></table>
</section>`;
  }
  // The unit and its figures as the API gives them, for the unit page's island to start from without fetching them again
  // on a slow line (issue 19); an attribute, not a script.
  const data = `<div id="unit-data" hidden data-unit="${esc(JSON.stringify(unit))}"${scores ? ` data-scores="${esc(JSON.stringify(scores))}"` : ''}></div>`;
  return `${data}<h1>${esc(unit.name)}</h1>
<dl class="facts"><dt>${esc(t.region)}</dt><dd>${esc(unit.region.name)}</dd>${unit.address ? `<dt>${esc(t.address)}</dt><dd>${esc(unit.address)}</dd>` : ''}<dt>${esc(t.timezone)}</dt><dd>${esc(zone)}</dd></dl>
<p><a class="button" href="${esc(href(lang, `/nilai/${unit.slug}`))}">${esc(t.rateUnitCta)}</a></p>
${periodForm(lang, period, now, {}, 'periode-sv')}
${figures}
<p><a href="${esc(href(lang, '/metodologi'))}">${esc(t.readMethod)}</a></p>
<section aria-labelledby="standar-judul-sv">
<h2 id="standar-judul-sv">${esc(t.unitServices)}</h2>
<table><thead><tr><th scope="col">${esc(t.serviceColumn)}</th><th scope="col">${esc(t.slaColumn)}</th></tr></thead>
<tbody>${unit.services.map((s) => `<tr><th scope="row">${esc(s.name)}${s.isPermit ? ` <span class="badge">${esc(t.permitBadge)}</span>` : ''}</th><td>${esc(formatSla(s.sla, t.slaUnits, t.noSla))}${s.sla?.startsAt ? `<br /><span class="hint">${esc(s.sla.startsAt)}</span>` : ''}</td></tr>`).join('\n')}</tbody></table>
${unit.services.some((s) => s.isPermit && s.sla) ? `<p><a href="${esc(href(lang, `/izin/${unit.slug}`))}">${esc(permitStrings(lang).reportYours)}</a></p>` : ''}
</section>
${followUps && followUps.planned > 0 ? `<section id="rtl" aria-labelledby="rtl-judul-sv">
<h2 id="rtl-judul-sv">${esc(t.followUpsHeading)}</h2>
<p><progress max="${followUps.planned}" value="${followUps.done}"></progress> <span data-figure="rtl-progress">${esc(t.followUpsYear(followUps.year, followUps.done, followUps.planned, fmtNumber(lang, followUps.shareDone, 0)))}</span></p>
</section>` : ''}
<p><a href="${esc(href(lang, `/unit/${unit.slug}/arsip`))}">${esc(publicationStrings(lang).archiveLink)}</a></p>`;
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
