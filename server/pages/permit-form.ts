// The permit report form as plain HTML (issue 17), with the permit island's fields, names and ids
// (site/islands/PermitForm.svelte), and the result a resident lands on after sending it.
import { href, type Lang } from '../../core/i18n/i18n.ts';
import { permitStrings } from '../../core/i18n/i18n-permits.ts';
import { formatSla } from '../../core/i18n/format.ts';
import type { PermitAck } from '../../core/api-types.ts';
import { attrs, errorSummary, esc } from './html.ts';
import { ratingStrings } from '../../core/i18n/i18n-rating.ts';

export interface PermitService {
  slug: string;
  name: string;
  isPermit: boolean;
  sla: { value: number; unit: string; startsAt: string | null } | null;
}

export interface PermitFormUnit {
  slug: string;
  name: string;
  services: readonly PermitService[];
}

export interface PermitFormState {
  idempotencyKey: string;
  /** The unit's local date: no date after it. */
  today: string;
  values: Record<string, string>;
  errors: Record<string, string>;
  formError?: string;
}

/** The resident's words for a field error (as the island says them). */
export function permitFieldMessage(lang: Lang, field: string, text: string): string {
  const t = permitStrings(lang);
  if (field === 'service') return t.errPermit;
  if (field === 'done') return t.errDone;
  if (text.includes('future')) return t.errFuture;
  if (text.includes('before')) return t.errBefore;
  if (text.includes('years')) return t.errOld;
  return t.errDate;
}

const ANCHORS: Record<string, string> = { service: 'izin', submittedOn: 'tanggal-lengkap', completedOn: 'tanggal-selesai', done: 'status-izin' };

export function permitFormFragment(lang: Lang, unit: PermitFormUnit, state: PermitFormState): string {
  const t = permitStrings(lang);
  const permits = unit.services.filter((s) => s.isPermit && s.sla);
  const head = `<h1>${esc(t.permitTitle)}: ${esc(unit.name)}</h1>\n<p class="lead">${esc(t.permitIntro)}</p>`;
  if (permits.length === 0) return `${head}\n<p class="notice">${esc(t.noPermitServices)}</p>`;
  const v = (name: string) => state.values[name] ?? '';
  const err = state.errors;
  const labels: Record<string, string> = { service: t.permitService, submittedOn: t.submittedOn, completedOn: t.completedOn, done: t.doneQuestion };
  const summary = errorSummary(t.errorSummaryTitle, Object.keys(err).map((f) => [ANCHORS[f] ?? 'formulir-izin', `${labels[f] ?? f}: ${err[f]}`]), state.formError);
  const chosen = v('service') || (permits.length === 1 ? permits[0]!.slug : '');
  const fieldError = (field: string, id: string) => (err[field] ? `<p class="field-error" id="${id}">${esc(err[field])}</p>` : '');
  const done = v('selesai');
  return `${head}
${summary}
<form id="formulir-izin" class="sv-form" method="post" action="/api/units/${esc(unit.slug)}/permit-reports" novalidate>
<input type="hidden" name="idempotencyKey" value="${esc(state.idempotencyKey)}" />
<input type="hidden" name="lang" value="${lang}" />
<div class="field${err.service ? ' has-error' : ''}">
<label for="izin">${esc(t.permitService)}</label>${fieldError('service', 'izin-galat')}
<select id="izin" name="service"${attrs({ 'aria-describedby': err.service ? 'izin-galat' : null })}>
<option value="">${esc(t.permitChoose)}</option>
${permits.map((s) => `<option value="${esc(s.slug)}"${chosen === s.slug ? ' selected' : ''}>${esc(s.name)} (${esc(t.promise)}: ${esc(formatSla(s.sla, t.slaUnits, t.noSla))})</option>`).join('\n')}
</select></div>
<div class="field${err.submittedOn ? ' has-error' : ''}">
<label for="tanggal-lengkap">${esc(t.submittedOn)}</label>
<p class="hint" id="tanggal-lengkap-petunjuk">${esc(t.submittedHint)}</p>${fieldError('submittedOn', 'tanggal-lengkap-galat')}
<input id="tanggal-lengkap" name="submittedOn" type="date" max="${esc(state.today)}" value="${esc(v('submittedOn'))}" aria-describedby="${err.submittedOn ? 'tanggal-lengkap-petunjuk tanggal-lengkap-galat' : 'tanggal-lengkap-petunjuk'}" />
</div>
<fieldset id="status-izin" class="field sv-plain${err.done ? ' has-error' : ''}">
<legend>${esc(t.doneQuestion)}</legend>${fieldError('done', 'status-izin-galat')}
<label class="sv-option"><input type="radio" name="selesai" value="yes"${done === 'yes' ? ' checked' : ''} /> <span>${esc(t.done)}</span></label>
<label class="sv-option"><input type="radio" name="selesai" value="no"${done === 'no' ? ' checked' : ''} /> <span>${esc(t.waiting)}</span></label>
</fieldset>
<div class="field${err.completedOn ? ' has-error' : ''}">
<label for="tanggal-selesai">${esc(t.completedOn)}</label>
<p class="hint" id="tanggal-selesai-petunjuk">${esc(lang === 'en' ? 'Only if the permit is done.' : 'Isi hanya jika izin sudah selesai.')}</p>${fieldError('completedOn', 'tanggal-selesai-galat')}
<input id="tanggal-selesai" name="completedOn" type="date" max="${esc(state.today)}" value="${esc(v('completedOn'))}" aria-describedby="${err.completedOn ? 'tanggal-selesai-petunjuk tanggal-selesai-galat' : 'tanggal-selesai-petunjuk'}" />
</div>
<div class="sv-hp" aria-hidden="true"><label for="situs-web-izin">${esc(ratingStrings(lang).honeypotLabel)}</label><input id="situs-web-izin" type="text" name="website" tabindex="-1" autocomplete="off" value="" /></div>
<p class="hint">${esc(t.workingDaysNote)}</p>
<button type="submit">${esc(t.sendReport)}</button>
</form>`;
}

/** What a resident sees after sending a report: its working days against the promise (as the island shows it). */
export function permitResultFragment(lang: Lang, unit: { slug: string }, service: PermitService, ack: PermitAck): string {
  const t = permitStrings(lang);
  const verdict = ack.status === 'completed'
    ? `<strong>${esc(ack.withinSla === null ? t.resultNotJudgeable : ack.withinSla ? '✓ ' + t.resultWithin : '✗ ' + t.resultLate)}</strong>`
    : `${esc(t.resultPending(ack.workingDays))} <strong>${esc(ack.withinSla === false ? '✗ ' + t.resultPendingLate : t.resultPendingOk)}</strong>`;
  return `<h1>${esc(t.resultTitle)}: ${esc(service.name)}</h1>
<p class="sv-big" data-testid="permit-days">${esc(t.resultDays(ack.workingDays))}</p>
<p>${esc(t.promise)}: ${esc(formatSla(service.sla, t.slaUnits, t.noSla))}</p>
<p data-testid="permit-verdict">${verdict}</p>
<p class="hint">${esc(t.workingDaysNote)}</p>
<p>${esc(t.resultCounted)}</p>
<div class="actions"><a class="button" href="${esc(href(lang, `/izin/${unit.slug}`))}">${esc(t.anotherReport)}</a> <a href="${esc(href(lang, `/unit/${unit.slug}`))}">${esc(t.backToUnit)}</a></div>`;
}
