// The rating form as plain HTML (issue 17: residents never need JavaScript). The same fields, names and ids as the
// rating island (site/islands/RatingForm.svelte); it posts to the JSON route's URL as a form, which validates it with
// the same schema and answers 303 to the receipt, or this form again with the errors beside the fields.
import { EDUCATION_LEVELS, OCCUPATIONS } from '../../core/domain/rating-input.ts';
import { SKM_ELEMENTS } from '../../core/domain/skm.ts';
import { href, type Lang } from '../../core/i18n/i18n.ts';
import { ratingStrings } from '../../core/i18n/i18n-rating.ts';
import { messageFor } from '../../core/i18n/rating-messages.ts';
import type { RatingFormUnit } from '../../core/api-types.ts';
import { attrs, esc } from './html.ts';


export type { RatingFormUnit };

export interface RatingFormState {
  idempotencyKey: string;
  channel: string;
  /** The fields as sent (strings): service, U1…U9, gender, age, education, occupation, comment, visitCode. */
  values: Record<string, string>;
  /** Field (dot path, as the API names it) → the message shown beside it, already in the page's language. */
  errors: Record<string, string>;
  /** A message for the whole form (throttled, server trouble). */
  formError?: string;
}

/** The resident's words for an API field error (as the island says them). */
export function ratingFieldMessage(lang: Lang, field: string, code?: string): string {
  return messageFor(ratingStrings(lang), field, code);
}

function anchorFor(field: string): string {
  if (field.startsWith('answers.')) return `q-${field.slice(8)}`;
  return ({ service: 'layanan', 'respondent.age': 'usia', comment: 'saran', visitCode: 'kode' } as Record<string, string>)[field] ?? 'formulir';
}

function labelFor(lang: Lang, field: string): string {
  const t = ratingStrings(lang);
  if (field.startsWith('answers.')) {
    const index = SKM_ELEMENTS.findIndex((e) => e.code === field.slice(8));
    return `${t.questionOf(index + 1, 9)} — ${SKM_ELEMENTS[index]?.name[lang] ?? ''}`;
  }
  return ({ service: t.serviceLabel, 'respondent.age': t.age, comment: t.commentLabel, visitCode: t.visitCodeLabel } as Record<string, string>)[field] ?? field;
}

/** The GOV.UK error summary: a heading, the form's own message, and a link to each field in error. */
export function errorSummary(title: string, entries: [anchor: string, text: string][], formError?: string): string {
  if (!entries.length && !formError) return '';
  return `<div class="error-summary" role="alert" tabindex="-1" aria-labelledby="ringkasan-galat">
<h2 id="ringkasan-galat">${esc(title)}</h2>${formError ? `<p>${esc(formError)}</p>` : ''}
<ul>${entries.map(([anchor, text]) => `<li><a href="#${esc(anchor)}">${esc(text)}</a></li>`).join('')}</ul>
</div>`;
}

/** The unit as the rating island needs it, carried on the form so the island starts without fetching it again (issue 19). */
function unitData(unit: RatingFormUnit): string {
  return JSON.stringify({ slug: unit.slug, name: unit.name, services: unit.services.map((s) => ({ slug: s.slug, name: s.name })) });
}

const selected = (on: boolean) => (on ? ' selected' : '');
const checked = (on: boolean) => (on ? ' checked' : '');

export function ratingFormFragment(lang: Lang, unit: RatingFormUnit, state: RatingFormState): string {
  const t = ratingStrings(lang);
  const v = (name: string) => state.values[name] ?? '';
  const err = state.errors;
  const fieldError = (field: string, id: string) => (err[field] ? `<p class="field-error" id="${id}">${esc(err[field])}</p>` : '');
  const summary = errorSummary(t.errorSummaryTitle, Object.keys(err).map((f) => [anchorFor(f), `${labelFor(lang, f)}: ${err[f]}`]), state.formError);

  const service = unit.services.length > 1
    ? `<div class="field${err.service ? ' has-error' : ''}">
<label for="layanan">${esc(t.serviceLabel)}</label>${fieldError('service', 'layanan-galat')}
<select id="layanan" name="service"${attrs({ 'aria-describedby': err.service ? 'layanan-galat' : null, 'aria-invalid': err.service ? 'true' : null })}>
<option value="">${esc(t.servicePlaceholder)}</option>
${unit.services.map((s) => `<option value="${esc(s.slug)}"${selected(v('service') === s.slug)}>${esc(s.name)}</option>`).join('\n')}
</select></div>`
    : unit.services.length === 1 ? `<input type="hidden" name="service" value="${esc(unit.services[0]!.slug)}" />` : '';

  const questions = SKM_ELEMENTS.map((element, i) => {
    const field = `answers.${element.code}`;
    const errId = `q-${element.code}-galat`;
    const options = element.labels[lang].map((label, k) =>
      `<label class="sv-option"><input type="radio" name="${element.code}" value="${k + 1}"${checked(v(element.code) === String(k + 1))} /> <span>${esc(label)}</span></label>`).join('\n');
    return `<fieldset id="q-${element.code}" class="sv-question${err[field] ? ' has-error' : ''}"${attrs({ 'aria-describedby': err[field] ? errId : null })}>
<legend><span class="sv-q-number">${esc(t.questionOf(i + 1, 9))} · ${esc(element.name[lang])}</span> <span class="sv-q-text">${esc(element.question[lang])}</span></legend>
${fieldError(field, errId)}<div class="sv-options">${options}</div>
</fieldset>`;
  }).join('\n');

  const choice = (name: string, value: string, label: string) =>
    `<label class="sv-option sv-small"><input type="radio" name="${name}" value="${esc(value)}"${checked(v(name) === value)} /> <span>${esc(label)}</span></label>`;
  const comment = v('comment');
  const left = 2000 - Array.from(comment).length;

  return `<h1>${esc(t.rateTitle)}: ${esc(unit.name)}</h1>
<p class="lead">${esc(t.rateIntro)}</p>
${summary}
<form id="formulir" class="sv-form" method="post" action="/api/units/${esc(unit.slug)}/ratings" novalidate data-unit="${esc(unitData(unit))}">
<input type="hidden" name="idempotencyKey" value="${esc(state.idempotencyKey)}" />
<input type="hidden" name="lang" value="${lang}" />
<input type="hidden" name="channel" value="${esc(state.channel)}" />
${service}
${questions}
<fieldset class="sv-question">
<legend>${esc(t.profileHeading)}</legend>
<p class="hint">${esc(t.profileIntro)}</p>
<fieldset class="sv-inline"><legend>${esc(t.gender)}</legend>${choice('gender', 'L', t.genderL)} ${choice('gender', 'P', t.genderP)}</fieldset>
<div class="field${err['respondent.age'] ? ' has-error' : ''}">
<label for="usia">${esc(t.age)}</label>${fieldError('respondent.age', 'usia-galat')}
<input id="usia" name="age" type="text" inputmode="numeric" autocomplete="off" maxlength="3" value="${esc(v('age'))}"${attrs({ 'aria-describedby': err['respondent.age'] ? 'usia-galat' : null, 'aria-invalid': err['respondent.age'] ? 'true' : null })} />
</div>
<div class="field"><label for="pendidikan">${esc(t.education)}</label>
<select id="pendidikan" name="education"><option value="">${esc(t.choose)}</option>
${EDUCATION_LEVELS.map((level) => `<option value="${esc(level)}"${selected(v('education') === level)}>${esc(t.educationLabels[level])}</option>`).join('')}
</select></div>
<div class="field"><label for="pekerjaan">${esc(t.occupation)}</label>
<select id="pekerjaan" name="occupation"><option value="">${esc(t.choose)}</option>
${OCCUPATIONS.map((job) => `<option value="${esc(job)}"${selected(v('occupation') === job)}>${esc(t.occupationLabels[job])}</option>`).join('')}
</select></div>
</fieldset>
<div class="field${err.comment ? ' has-error' : ''}">
<label for="saran">${esc(t.commentLabel)}</label>
<p class="hint" id="saran-petunjuk">${esc(t.commentHint)}</p>${fieldError('comment', 'saran-galat')}
<textarea id="saran" name="comment" aria-describedby="${err.comment ? 'saran-petunjuk saran-galat saran-sisa' : 'saran-petunjuk saran-sisa'}">${esc(comment)}</textarea>
<p class="hint" id="saran-sisa">${esc(t.charsLeft(left))}</p>
</div>
<div class="field${err.visitCode ? ' has-error' : ''}">
<label for="kode">${esc(t.visitCodeLabel)}</label>
<p class="hint" id="kode-petunjuk">${esc(t.visitCodeHint)}</p>${fieldError('visitCode', 'kode-galat')}
<input id="kode" name="visitCode" type="text" autocomplete="off" autocapitalize="characters" maxlength="9" value="${esc(v('visitCode'))}"${attrs({ 'aria-describedby': err.visitCode ? 'kode-petunjuk kode-galat' : 'kode-petunjuk', 'aria-invalid': err.visitCode ? 'true' : null })} />
</div>
<div class="sv-hp" aria-hidden="true"><label for="situs-web">${esc(t.honeypotLabel)}</label><input id="situs-web" type="text" name="website" tabindex="-1" autocomplete="off" value="" /></div>
<button type="submit">${esc(t.submit)}</button>
</form>
<p><a href="${esc(href(lang, `/unit/${unit.slug}`))}">${esc(t.backToUnit)}</a></p>`;
}
