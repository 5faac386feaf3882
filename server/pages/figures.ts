// A unit page's figures as HTML (issue 17): its IKM, grade, interval, sample and elements. It renders the API's own JSON
// answer for the same query, so the page and the API never disagree; the island enhances the page with charts and
// filters that update without a reload.
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
import type { FollowUpProgress, UnitPublic, UnitScores } from '../../core/api-types.ts';
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
