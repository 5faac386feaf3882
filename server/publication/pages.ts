// The publication kit's HTML (issue 18 item 2): pure functions from figures to escaped HTML, served by
// server/publication/routes.ts. No framework: the waiting-room screen runs on a cheap TV browser, the widget inside
// another site's page, the archive without JavaScript.
import { fmtCount, fmtNumber, fmtPeriod } from '../../core/i18n/format.ts';
import { GRADES } from '../../core/domain/ikm.ts';
import { belowMinimumWords, isBelowMinimum } from '../../core/domain/small-cells.ts';
import { SKM_ELEMENTS, type Lang } from '../../core/domain/skm.ts';
import { layout } from '../evidence-page.ts';
import { esc } from '../pages/html.ts';
import { qrSvg } from '../../core/domain/poster.ts';
import { shownInterval } from '../../core/domain/shown-interval.ts';
import { KIT_LABELS } from './labels.ts';
import type { PeriodResult } from './results.ts';

export interface KitUnit {
  slug: string;
  name: string;
  regionName: string;
}

const prefix = (lang: Lang) => (lang === 'en' ? '/en' : '');

function kinerja(mutu: string | null, lang: Lang): string {
  const g = GRADES.find((x) => x.mutu === mutu);
  return g ? (lang === 'id' ? g.kinerja : g.kinerjaEn) : '';
}

/** "A (Sangat baik)", or "A (sementara)" below the sample target; "–" without ratings. */
export function gradeWords(r: Pick<PeriodResult, 'mutu' | 'provisional'>, lang: Lang): string {
  if (r.mutu === null) return '–';
  return r.provisional ? `${r.mutu} (${KIT_LABELS[lang].provisional})` : `${r.mutu} (${kinerja(r.mutu, lang)})`;
}

/** The IKM as the kit prints it, or "kurang dari k penilaian" behind fewer than k ratings (decision 047). */
export function ikmWords(r: Pick<PeriodResult, 'ikm' | 'n' | 'minPublicRatings'>, lang: Lang): string {
  return isBelowMinimum(r.n, r.minPublicRatings) ? belowMinimumWords(r.minPublicRatings, lang) : fmtNumber(lang, r.ikm);
}

function intervalWords(r: PeriodResult, lang: Lang): string {
  return shownInterval(r, (n) => fmtNumber(lang, n)) ?? '–';
}

// ---------------------------------------------------------------------------------------------------------------
// The waiting-room screen

export interface ScreenData {
  unit: KitUnit;
  result: PeriodResult;
  periodLabel: string;
  replies: { comment: string; reply: string; localDate: string }[];
  followUps: { done: number; total: number; items: { element: string | null; action: string; progress: number; status: string }[] };
  rateUrl: string;
}

/** Seconds between data refreshes (script) and page reloads (without script). */
export const SCREEN_REFRESH_SECONDS = 60;

const SCREEN_CSS = `
*{box-sizing:border-box}
html,body{margin:0;height:100%;background:#0f2233;color:#fff;font-family:"Segoe UI",Roboto,"DejaVu Sans",Arial,sans-serif;overflow:hidden}
body{font-size:2.1vw;line-height:1.25}
.screen{display:-webkit-box;display:-webkit-flex;display:flex;height:100vh;padding:2.5vh 2.5vw}
.score{-webkit-flex:0 0 36%;flex:0 0 36%;padding-right:2.5vw;border-right:0.3vw solid #2c4a66;display:-webkit-flex;display:flex;-webkit-flex-direction:column;flex-direction:column}
.unit{font-size:1.5vw;font-weight:700;margin:0 0 0.4vh}
.period{font-size:1.25vw;color:#b8cadb;margin:0 0 1.5vh}
.label{font-size:1.4vw;color:#b8cadb;margin:0}
.ikm{font-size:9vw;font-weight:800;line-height:1;margin:0.5vh 0}
.grade{font-size:2.6vw;font-weight:700;margin:0}
.grade.g-A{color:#7fdc9a}.grade.g-B{color:#8cc4ff}.grade.g-C{color:#ffc56b}.grade.g-D{color:#ff9a85}
.n{font-size:1.6vw;margin:0.6vh 0 0}
.qr{margin-top:auto;display:-webkit-flex;display:flex;-webkit-align-items:center;align-items:center}
.qr svg{width:15vh;height:15vh;-webkit-flex:none;flex:none;background:#fff;margin-right:1.2vw}
.qr p{font-size:1.45vw;margin:0}
.slides{position:relative;-webkit-flex:1;flex:1;margin-left:2.5vw}
.slide{position:absolute;top:0;left:0;right:0;bottom:0;opacity:0;-webkit-animation:rotate 45s infinite;animation:rotate 45s infinite}
.slide h2{font-size:2.3vw;margin:0 0 1.5vh;color:#ffd866}
.s1{-webkit-animation-delay:0s;animation-delay:0s}.s2{-webkit-animation-delay:-30s;animation-delay:-30s}.s3{-webkit-animation-delay:-15s;animation-delay:-15s}
@-webkit-keyframes rotate{0%{opacity:1}31%{opacity:1}33.4%{opacity:0}100%{opacity:0}}
@keyframes rotate{0%{opacity:1}31%{opacity:1}33.4%{opacity:0}100%{opacity:0}}
.elements{list-style:none;margin:0;padding:0}
.elements li{display:-webkit-flex;display:flex;-webkit-align-items:center;align-items:center;margin:0 0 1.1vh;font-size:1.7vw}
.elements .name{-webkit-flex:0 0 52%;flex:0 0 52%}
.elements .bar{-webkit-flex:1;flex:1;height:2.4vh;background:#2c4a66;margin:0 1vw}
.elements .bar i{display:block;height:100%;background:#8cc4ff}
.elements .nrr{-webkit-flex:0 0 5vw;flex:0 0 5vw;text-align:right;font-weight:700}
.reply{margin:0 0 2vh;font-size:1.6vw}
.reply q{display:block;color:#d7e3ee}
.reply p{margin:0.5vh 0 0;padding-left:1.2vw;border-left:0.3vw solid #ffd866}
.progress{height:3vh;background:#2c4a66;margin:1vh 0 2vh}.progress i{display:block;height:100%;background:#7fdc9a}
.items{margin:0;padding-left:2.2vw;font-size:1.6vw}.items li{margin:0 0 1vh}
.stale{display:none;position:fixed;left:0;right:0;bottom:0;background:#8a2d1a;color:#fff;font-size:1.2vw;padding:0.4vh 1vw}
body.is-stale .stale{display:block}
`;

/** The waiting-room screen: the left column stays (IKM, grade, respondents, QR); the right column loops three slides. */
export function screenHtml(d: ScreenData, lang: Lang): string {
  const L = KIT_LABELS[lang];
  const r = d.result;
  const elements = isBelowMinimum(r.n, r.minPublicRatings) ? `<li>${esc(belowMinimumWords(r.minPublicRatings, lang))}</li>` : SKM_ELEMENTS.map((e, i) => {
    const nrr = r.elements[i]?.nrr ?? null;
    const width = nrr === null ? 0 : Math.max(0, Math.min(100, ((nrr - 1) / 3) * 100));
    return `<li><span class="name">${esc(e.name[lang])}</span><span class="bar"><i style="width:${width.toFixed(1)}%"></i></span><span class="nrr">${esc(fmtNumber(lang, nrr))}</span></li>`;
  }).join('');
  const replies = d.replies.length
    ? d.replies.map((x) => `<div class="reply"><q>${esc(x.comment)}</q><p>${esc(x.reply)}</p></div>`).join('')
    : `<p>${esc(L.noReplies)}</p>`;
  const share = d.followUps.total ? Math.round((d.followUps.done / d.followUps.total) * 100) : 0;
  const items = d.followUps.items.map((f) => `<li>${f.element ? `<strong>${esc(f.element)}:</strong> ` : ''}${esc(f.action)} (${f.progress}%)</li>`).join('');
  const follow = d.followUps.total
    ? `<p>${esc(L.followUpsDone(d.followUps.done, d.followUps.total))}</p><div class="progress"><i style="width:${share}%"></i></div><ul class="items">${items}</ul>`
    : `<p>${esc(L.noFollowUps)}</p>`;
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<noscript><meta http-equiv="refresh" content="${SCREEN_REFRESH_SECONDS}"></noscript>
<title>${esc(d.unit.name)} · ${esc(L.screenTitle)}</title>
<style>${SCREEN_CSS}</style>
<script src="/tayang.js" defer></script>
</head>
<body data-refresh="${SCREEN_REFRESH_SECONDS}">
<main class="screen">
<section class="score" aria-label="${esc(L.ikm)}">
<h1 class="unit">${esc(d.unit.name)}</h1>
<p class="period" data-part="period">${esc(d.periodLabel)}</p>
<p class="label">${esc(L.ikm)}</p>
<p class="ikm" data-part="ikm">${esc(ikmWords(r, lang))}</p>
<p class="grade g-${esc(r.mutu ?? 'none')}" data-part="grade">${esc(L.grade)} ${esc(gradeWords(r, lang))}</p>
<p class="n"><span data-part="n">${esc(fmtCount(lang, r.n))}</span> ${esc(L.respondents)}</p>
<div class="qr">${qrSvg(d.rateUrl, L.qrLabel(d.unit.name))}<p>${esc(L.scanToRate)}</p></div>
</section>
<section class="slides">
<div class="slide s1"><h2>${esc(L.elements)}</h2><ul class="elements" data-part="elements">${elements}</ul></div>
<div class="slide s2"><h2>${esc(L.replies)}</h2><div data-part="replies">${replies}</div></div>
<div class="slide s3"><h2>${esc(L.followUps)}</h2><div data-part="follow-ups">${follow}</div></div>
</section>
<p class="stale" role="status">${esc(L.stale)}</p>
</main>
</body>
</html>
`;
}

/**
 * The screen's script: plain ES5, no framework, for a TV's browser. Every `data-refresh` seconds it fetches the page
 * again and swaps each [data-part]; a failed fetch keeps the figures on screen and shows a line saying so. After an
 * hour of good fetches it reloads the page once (a long-running TV browser leaks).
 */
export const SCREEN_SCRIPT = `(function () {
  'use strict';
  var body = document.body;
  var seconds = Number(body.getAttribute('data-refresh')) || 60;
  var good = 0;
  function swap(html) {
    var doc = new DOMParser().parseFromString(html, 'text/html');
    var parts = doc.querySelectorAll('[data-part]');
    for (var i = 0; i < parts.length; i++) {
      var name = parts[i].getAttribute('data-part');
      var here = document.querySelector('[data-part="' + name + '"]');
      if (here && here.innerHTML !== parts[i].innerHTML) here.innerHTML = parts[i].innerHTML;
      if (here && here.className !== parts[i].className) here.className = parts[i].className;
    }
  }
  function refresh() {
    var xhr = new XMLHttpRequest();
    xhr.open('GET', location.pathname + location.search, true);
    xhr.timeout = 20000;
    xhr.onload = function () {
      if (xhr.status === 200) {
        try { swap(xhr.responseText); body.className = ''; good++; } catch (e) { body.className = 'is-stale'; }
        if (good * seconds >= 3600) location.reload();
      } else body.className = 'is-stale';
    };
    xhr.onerror = xhr.ontimeout = function () { body.className = 'is-stale'; };
    xhr.send();
  }
  setInterval(refresh, seconds * 1000);
})();
`;

// ---------------------------------------------------------------------------------------------------------------
// The widget

export interface WidgetData {
  unit: KitUnit;
  result: PeriodResult;
  rateUrl: string;
  unitUrl: string;
}

/** A small card for another site's page: IKM, grade, period, respondents and a link to rate. */
export function widgetHtml(d: WidgetData, lang: Lang): string {
  const L = KIT_LABELS[lang];
  const r = d.result;
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${esc(d.unit.name)} · IKM</title>
<style>
body{margin:0;font-family:system-ui,"Segoe UI",Roboto,Arial,sans-serif;color:#1b1f24;background:#fff}
.card{border:2px solid #2f5d8a;border-radius:8px;padding:10px 14px;max-width:340px}
.unit{font-weight:700;margin:0 0 4px;font-size:15px}
.ikm{font-size:32px;font-weight:800;margin:0;line-height:1.1}
.ikm small{font-size:14px;font-weight:600;color:#555}
.meta{margin:4px 0 8px;font-size:14px}
a{color:#1d4f80}
.rate{display:inline-block;background:#2f5d8a;color:#fff;text-decoration:none;padding:6px 12px;border-radius:4px;font-weight:600}
</style>
</head>
<body>
<main class="card">
<h1 class="unit">${esc(d.unit.name)}</h1>
<p class="ikm" data-testid="ikm"><small>IKM</small> ${esc(ikmWords(r, lang))}</p>
<p class="meta">${esc(KIT_LABELS[lang].grade)} ${esc(gradeWords(r, lang))} · ${esc(fmtPeriod(lang, r.period.code))} · ${esc(fmtCount(lang, r.n))} ${esc(L.respondents)}</p>
<p><a class="rate" href="${esc(d.rateUrl)}" target="_blank" rel="noopener">${esc(L.rate)}</a> <a href="${esc(d.unitUrl)}" target="_blank" rel="noopener">${esc(L.details)}</a></p>
</main>
</body>
</html>
`;
}

// ---------------------------------------------------------------------------------------------------------------
// The archive

/** Every past period of a unit in one table, linked to the unit page for that period. */
export function archiveHtml(unit: KitUnit, rows: readonly PeriodResult[], lang: Lang): string {
  const L = KIT_LABELS[lang];
  const body = rows.map((r) => `<tr data-period="${esc(r.period.code)}"><th scope="row"><a href="${prefix(lang)}/unit/${esc(unit.slug)}?periode=${esc(r.period.code)}">${esc(fmtPeriod(lang, r.period.code))}</a></th>`
    + `<td>${esc(ikmWords(r, lang))}</td><td>${esc(gradeWords(r, lang))}</td><td>${esc(fmtCount(lang, r.n))}</td><td>${esc(intervalWords(r, lang))}</td></tr>`).join('\n');
  const table = rows.length
    ? `<div class="table-scroll"><table class="evidence-files">
<caption class="visually-hidden">${esc(L.archiveTitle)}: ${esc(unit.name)}</caption>
<thead><tr><th scope="col">${esc(L.period)}</th><th scope="col">IKM</th><th scope="col">${esc(L.grade)}</th><th scope="col">${esc(L.n)}</th><th scope="col">${esc(L.interval)}</th></tr></thead>
<tbody>
${body}
</tbody></table></div>`
    : `<p>${esc(L.archiveEmpty)}</p>`;
  const main = `      <h1>${esc(L.archiveTitle)}: ${esc(unit.name)}</h1>
      <p class="lead">${esc(unit.regionName)}. ${esc(L.archiveLead)}</p>
      ${table}
      <p><a href="${prefix(lang)}/unit/${esc(unit.slug)}">${esc(L.back)}</a></p>`;
  return layout(lang, `/unit/${unit.slug}/arsip`, `${L.archiveTitle}: ${unit.name}`, main);
}

/** The kit's 404 page (an unknown slug). */
export function notFoundHtml(lang: Lang, path: string): string {
  const L = KIT_LABELS[lang];
  return layout(lang, path, L.notFound, `      <h1>${esc(L.notFound)}</h1>\n      <p>${esc(L.notFoundBody)}</p>`);
}

