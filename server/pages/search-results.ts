// The unit search's results as HTML made on the server, for residents without JavaScript (issue 17 item 3,
// docs/decisions/031-unit-search.md). A pure function of the search result: every text escaped, no script. It returns
// the fragment that goes inside <main>; the page around it is the site's (server/search-page.ts).
import { fmtCount, fmtNumber } from '../../core/i18n/format.ts';
import { href, type Lang } from '../../core/i18n/i18n.ts';
import { homeStrings } from '../../core/i18n/i18n-home.ts';
import { searchStrings } from '../../core/i18n/i18n-search.ts';
import { kindLabel } from '../../core/domain/unit-search.ts';
import type { UnitSearchResult } from '../../core/api-types.ts';
import { belowMinimumWords, isBelowMinimum } from '../../core/domain/small-cells.ts';

import { esc } from './html.ts';

/** The search form, filled with the query: a plain GET form to /cari (/en/cari). */
export function searchFormHtml(lang: Lang, q: string): string {
  const h = homeStrings(lang);
  return `<form class="search" role="search" method="get" action="${href(lang, '/cari')}">
  <div class="field">
    <label for="cari">${esc(h.searchLabel)}</label>
    <p class="hint" id="cari-petunjuk">${esc(h.searchHint)}</p>
    <input id="cari" name="q" type="search" value="${esc(q)}" maxlength="100" aria-describedby="cari-petunjuk" autocomplete="off" />
  </div>
  <button type="submit">${esc(h.searchButton)}</button>
</form>`;
}

/** The results of a search (or, without a query, the request for one), after the form. */
export function searchResultsHtml(lang: Lang, q: string, result: UnitSearchResult | null): string {
  const h = homeStrings(lang);
  const s = searchStrings(lang);
  const form = searchFormHtml(lang, q);
  if (!result) return `${form}\n<p>${esc(s.askQuery)}</p>`;
  const year = result.period.code;
  const cards = result.items.map((u) => {
    const figures = isBelowMinimum(u.n, result.minPublicRatings)
      ? `<p><strong>${esc(s.ikmOf(year))}: ${esc(belowMinimumWords(result.minPublicRatings, lang))}</strong> · ${esc(s.ratings(fmtCount(lang, u.n)))}</p>`
      : u.ikm === null || u.mutu === null
      ? `<p class="hint">${esc(s.noRatings)}</p>`
      : `<p><strong>${esc(s.ikmOf(year))}: ${esc(fmtNumber(lang, u.ikm))}</strong> · ${esc(s.grade)} ${esc(s.gradeText(u.mutu, u.provisional))} · ${esc(s.ratings(fmtCount(lang, u.n)))}</p>`;
    return `  <li class="card" data-unit="${esc(u.slug)}">
    <h3><a href="${esc(href(lang, `/unit/${u.slug}`))}">${esc(u.name)}</a></h3>
    <p>${esc(kindLabel(u.kind, lang))} · ${esc(u.region.name)}</p>
    ${figures}
    <a class="button secondary" href="${esc(href(lang, `/nilai/${u.slug}`))}">${esc(h.rateThis)}<span class="visually-hidden">: ${esc(u.name)}</span></a>
  </li>`;
  }).join('\n');
  const elsewhere = result.elsewhere.length === 0 ? '' : `
<section class="notice" aria-labelledby="instansi-lain" data-elsewhere>
  <h2 id="instansi-lain">${esc(s.elsewhereHeading)}</h2>
${result.elsewhere.map((e) => `  <div data-agency="${esc(e.id)}"><h3>${esc(e.agency[lang])}</h3>
  <p>${esc(e.what[lang])}</p>
  <p>${esc(s.elsewhereGo)}: ${e.links.map((l) => `<a href="${esc(l.url)}" rel="external">${esc(l.name)}</a>`).join(' · ')}</p></div>`).join('\n')}
</section>`;
  return `${form}${elsewhere}
<section aria-labelledby="hasil">
  <h2 id="hasil">${esc(s.resultsFor(result.query))}</h2>
  <p class="hint" role="status">${esc(s.found(result.items.length))}</p>
  ${result.items.length === 0 ? `<p>${esc(s.noMatch)}</p>` : `<ul class="card-list">\n${cards}\n</ul>`}
</section>`;
}
