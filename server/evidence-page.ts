// The public verification page of locked evidence (docs/decisions/026-locked-evidence.md): HTML made on the server,
// in the site's layout and stylesheet, with no script, so residents and evaluators read it without JavaScript.
// /bukti/{id} in Bahasa Indonesia, /en/bukti/{id} in English. Anyone sees every file's hash and each changed figure, but a
// figure behind fewer than k ratings only as "kurang dari k penilaian"; the exact values and the files are for an account
// whose scope covers the lock (decision 050).
import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import { evidenceStrings } from '../core/i18n/i18n-evidence.ts';
import { href, strings, type Lang } from '../core/i18n/i18n.ts';
import type { AppDeps } from './deps.ts';
import { parseLockScope, withheldSides } from '../core/domain/evidence-lock.ts';
import { belowMinimumWords } from '../core/domain/small-cells.ts';
import { TIME_ZONES, type TimeZone } from '../core/domain/time-zones.ts';
import { verifyPath } from './export/evidence-snapshot.ts';
import { ApiError } from './errors.ts';
import { esc } from './pages/html.ts';
import { signedInUser } from './middleware/session.ts';
import { LOCK_ID, limitVerification, mayReadLockFiles, verifyLock, type Verification } from './routes/evidence.ts';

let css: string | undefined;
/** The site's stylesheet, inlined (the page is not one of Astro's, so it has no bundle of its own). */
function siteCss(): string {
  if (css === undefined) {
    try {
      css = readFileSync(new URL('../site/styles/global.css', import.meta.url), 'utf8');
    } catch {
      css = '';
    }
  }
  return css;
}


/** A time in the lock's unit's or region's zone, with its abbreviation (WIB, WITA, WIT), and the UTC instant. */
function when(iso: string, lang: Lang, zone: TimeZone = 'Asia/Jakarta'): string {
  const local = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', { timeZone: zone, dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));
  return `${local} ${TIME_ZONES[zone].abbreviation} (${iso})`;
}

/** A figure as the page shows it: decimals in the reader's language, a percentage with %, an empty cell as "–". */
function figureText(value: string | null, percent: boolean, lang: Lang): string {
  const e = evidenceStrings(lang);
  if (value === null || value === '') return '–';
  if (value === 'true' || value === 'false') return value === 'true' ? e.yes : e.no;
  const m = /^-?\d+(?:\.(\d+))?$/.exec(value);
  if (!m) return value;
  const decimals = Math.min(m[1]?.length ?? 0, 4);
  const text = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'id-ID', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(Number(value));
  return percent ? `${text} %` : text;
}

/** The changed figures; `exact` false (the public) shows a figure behind fewer than k ratings as the words only. */
function figuresHtml(v: Verification, lang: Lang, exact: boolean): string {
  const e = evidenceStrings(lang);
  if (v.figures.length === 0) return '';
  const words = belowMinimumWords(v.minPublicRatings, lang);
  const rows = v.figures.map((f) => {
    const withheld = exact ? { locked: false, live: false } : withheldSides(f, v.minPublicRatings);
    const locked = withheld.locked ? words : figureText(f.locked, f.percent, lang);
    const live = withheld.live ? words : figureText(f.live, f.percent, lang);
    return `<tr><th scope="row">${esc(f.figure)}${f.unit ? ` · ${esc(f.unit)}` : ''}</th>`
      + `<td data-label="${esc(e.figureFile)}"><code>${esc(f.file)}</code></td><td data-label="${esc(e.figureRow)}">${esc(f.row || '–')}</td>`
      + `<td data-label="${esc(e.figureLocked)}"${withheld.locked ? ' data-withheld' : ''} data-figure-locked>${esc(locked)}</td>`
      + `<td data-label="${esc(e.figureLive)}"${withheld.live ? ' data-withheld' : ''} data-figure-live><strong>${esc(live)}</strong></td></tr>`;
  }).join('\n');
  const moderation = v.moderations.length === 0
    ? `<p>${esc(e.moderationNone)}</p>`
    : `<ul class="evidence-moderation">${v.moderations.map((m) => {
      const at = m.decidedAt ?? m.requestedAt;
      const who = `${e.by} ${m.requestedBy ?? '–'}${m.decision === 'approved' && m.decidedBy ? `, ${e.approvedBy} ${m.decidedBy}` : ''}`;
      const note = [m.note, m.decisionReason].filter(Boolean).map((x) => `“${x}”`).join(' · ');
      return `<li>${esc(when(at, lang, v.timeZone))} · ${esc(m.unitSlug)}: ${esc(m.action === 'exclude' ? e.excluded : e.restored)} (${esc(m.reason)}), ${esc(e.ratingOf)} ${esc(m.localDate)}, ${esc(who)}${note ? ` — ${esc(note)}` : ''}</li>`;
    }).join('')}</ul>`;
  return `<h2>${esc(e.figuresHeading)}</h2>
      <table class="stack evidence-figures">
        <thead><tr><th scope="col">${esc(e.figureName)}</th><th scope="col">${esc(e.figureFile)}</th><th scope="col">${esc(e.figureRow)}</th><th scope="col">${esc(e.figureLocked)}</th><th scope="col">${esc(e.figureLive)}</th></tr></thead>
        <tbody>
${rows}
        </tbody>
      </table>
      <h2>${esc(e.moderationHeading)}</h2>
      ${moderation}`;
}

export function layout(lang: Lang, path: string, title: string, main: string): string {
  const t = strings(lang);
  const other: Lang = lang === 'id' ? 'en' : 'id';
  return `<!doctype html>
<html lang="${lang}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="robots" content="noindex" />
    <title>${esc(title)} · ${esc(t.siteName)}</title>
    <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
    <style>${siteCss()}
.evidence-status { border: 2px solid var(--line); border-radius: 6px; padding: 0.75rem 1rem; margin: 1rem 0; }
.evidence-status.same { border-color: var(--ok); }
.evidence-status.changed { border-color: var(--error); }
.evidence-files { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
.evidence-files th, .evidence-files td { border-bottom: 1px solid var(--line); padding: 0.4rem; text-align: left; vertical-align: top; }
.evidence-files code { word-break: break-all; font-size: 0.85rem; }
.evidence-figures { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
.evidence-figures th, .evidence-figures td { border-bottom: 1px solid var(--line); padding: 0.4rem; text-align: left; vertical-align: top; }
.evidence-figures [data-figure-locked], .evidence-figures [data-figure-live] { white-space: nowrap; font-variant-numeric: tabular-nums; }
.evidence-figures [data-withheld] { white-space: normal; }
.evidence-meta dt { font-weight: 600; }
.evidence-meta dd { margin: 0 0 0.5rem; }
.table-scroll { overflow-x: auto; }
</style>
  </head>
  <body>
    <a class="skip" href="#isi">${esc(t.skipToContent)}</a>
    <header class="site-header">
      <div class="bar">
        <a class="brand" href="${href(lang, '/')}">${esc(t.siteName)}<small>${esc(t.tagline)}</small></a>
        <nav aria-label="${esc(t.navPrimary)}">
          <ul>
            <li><a href="${href(lang, '/')}">${esc(t.navHome)}</a></li>
            <li><a href="${href(lang, '/peringkat')}">${esc(t.navScoreboard)}</a></li>
            <li><a href="${href(lang, '/metodologi')}">${esc(t.navMethod)}</a></li>
            <li><a href="${esc(href(other, path))}" hreflang="${other}" lang="${other}" aria-label="${esc(t.otherLanguageLabel)}">${esc(t.otherLanguage)}</a></li>
          </ul>
        </nav>
      </div>
    </header>
    <main id="isi" tabindex="-1">
${main}
    </main>
    <footer class="site-footer">
      <p>${esc(t.footerNote)}</p>
    </footer>
  </body>
</html>
`;
}

function scopeText(scope: string, lang: Lang): string {
  const e = evidenceStrings(lang);
  const parsed = parseLockScope(scope);
  if (parsed.kind === 'unit') return `${e.scopeUnit}: ${parsed.slug}`;
  if (parsed.kind === 'region') return `${e.scopeRegion}: ${parsed.code}`;
  return e.scopeAll;
}

/** The page; `exact` when the reader's account may read the lock's files (decision 050), else the public view. */
export function verificationHtml(v: Verification, lang: Lang, checkedAt: Date, exact = false): string {
  const e = evidenceStrings(lang);
  const { lock, live } = v;
  const role = lock.locked_by_role === 'admin' ? e.roleAdmin : e.roleEvaluator;
  const newest = v.versions[v.versions.length - 1];
  const status = live.changed
    ? `<div class="evidence-status changed" role="status"><p><strong>${esc(e.liveChanged)}</strong></p>
      <ul>${live.changedFiles.map((n) => `<li><code>${esc(n)}</code></li>`).join('')}</ul>
      ${live.addedFiles.length ? `<p>${esc(e.liveAdded)}</p><ul>${live.addedFiles.map((n) => `<li><code>${esc(n)}</code></li>`).join('')}</ul>` : ''}</div>`
    : `<div class="evidence-status same" role="status"><p><strong>${esc(e.liveSame)}</strong></p></div>`;
  const rows = v.files.map((f) => {
    const changed = live.changedFiles.includes(f.name);
    return `<tr><th scope="row"><code>${esc(f.name)}</code></th><td data-label="${esc(e.fileType)}">${esc(f.media_type)}</td><td data-label="${esc(e.fileSize)}">${esc(f.bytes)}</td><td data-label="${esc(e.fileHash)}"><code>${esc(f.sha256)}</code></td>`
      + `<td data-label="${esc(e.fileStatus)}">${changed ? `<strong>${esc(e.changed)}</strong>` : esc(e.same)}</td><td data-label="${esc(e.download)}">${exact
        ? `<a href="/api/evidence/${esc(lock.id)}/files/${esc(f.name)}" download>${esc(e.download)}</a>`
        : `<span data-download-restricted>${esc(e.downloadRestricted)}</span>`}</td></tr>`;
  }).join('\n');
  const versions = v.versions.map((x) => `<li>${x.id === lock.id
    ? `${esc(e.version)} ${x.version} ${esc(e.thisVersion)}`
    : `<a href="${esc(verifyPath(x.id, lang))}">${esc(e.version)} ${x.version}</a>`} — ${esc(when(x.locked_at, lang, v.timeZone))}</li>`).join('');
  const main = `      <h1>${esc(e.pageTitle)}: ${esc(lock.period)} · ${esc(e.version)} ${lock.version}</h1>
      <p class="lead">${esc(e.lead)}</p>
      ${newest && newest.id !== lock.id ? `<p><strong>${esc(e.newer)}</strong> <a href="${esc(verifyPath(newest.id, lang))}">${esc(e.version)} ${newest.version}</a></p>` : ''}
      <dl class="evidence-meta">
        <dt>${esc(e.period)}</dt><dd>${esc(lock.period)}</dd>
        <dt>${esc(e.scope)}</dt><dd>${esc(scopeText(lock.scope, lang))}</dd>
        <dt>${esc(e.lockedBy)}</dt><dd>${esc(lock.locked_by_name)} (${esc(role)})</dd>
        <dt>${esc(e.lockedAt)}</dt><dd>${esc(when(lock.locked_at, lang, v.timeZone))}</dd>
      </dl>
      ${status}
      <p>${esc(e.checkedAt)}: ${esc(when(checkedAt.toISOString(), lang, v.timeZone))}</p>
      ${figuresHtml(v, lang, exact)}
      <h2>${esc(e.files)}</h2>
      ${exact ? '' : `<p data-restricted>${esc(e.restricted)} ${esc(e.restrictedFigures(belowMinimumWords(v.minPublicRatings, lang)))}</p>`}
      <div class="table-scroll"><table class="stack evidence-files">
        <thead><tr><th scope="col">${esc(e.fileName)}</th><th scope="col">${esc(e.fileType)}</th><th scope="col">${esc(e.fileSize)}</th><th scope="col">${esc(e.fileHash)}</th><th scope="col">${esc(e.fileStatus)}</th><th scope="col"><span class="visually-hidden">${esc(e.download)}</span></th></tr></thead>
        <tbody>
${rows}
        </tbody>
      </table></div>
      <p>${esc(e.howToCheck)}</p>
      <h2>${esc(e.versions)}</h2>
      <ul>${versions}</ul>`;
  return layout(lang, `/bukti/${lock.id}`, `${e.pageTitle} ${lock.period}`, main);
}

function notFoundHtml(lang: Lang, id: string): string {
  const e = evidenceStrings(lang);
  return layout(lang, `/bukti/${id}`, e.notFoundTitle, `      <h1>${esc(e.notFoundTitle)}</h1>\n      <p>${esc(e.notFound)}</p>`);
}

/** GET /bukti/{id} and /en/bukti/{id}. */
export function evidencePageRoutes(deps: AppDeps) {
  const app = new Hono();
  for (const lang of ['id', 'en'] as const) {
    app.get(`${lang === 'en' ? '/en' : ''}/bukti/:id`, async (c) => {
      const id = c.req.param('id');
      c.header('Cache-Control', 'no-store');
      try {
        await limitVerification(c, deps);
      } catch (error) {
        if (!(error instanceof ApiError) || error.status !== 429) throw error;
        const e = evidenceStrings(lang);
        return c.html(layout(lang, `/bukti/${LOCK_ID.test(id) ? id : ''}`, e.tooManyTitle, `      <h1>${esc(e.tooManyTitle)}</h1>\n      <p>${esc(e.tooMany)}</p>`), 429);
      }
      const result = await verifyLock(deps, id);
      if (!result) return c.html(notFoundHtml(lang, LOCK_ID.test(id) ? id : ''), 404);
      const exact = await mayReadLockFiles(deps.db, await signedInUser(c, deps), result.lock.scope);
      return c.html(verificationHtml(result, lang, deps.now(), exact), 200);
    });
  }
  return app;
}
