// The SP4N-LAPOR! hand-off (issue 27 item 7, decision 066). A held comment that alleges misconduct (pungli, bribes,
// abuse: DOMAIN.md §10) belongs in the national complaints system; Rapor prepares the complaint for an evaluator to
// file by hand (the national API's specification is not public, so there is no connector), then keeps the tracking
// number and the agency's answer, and the due dates in working days.
import * as v from 'valibot';
import { isValidDate } from './periods.ts';
import { addWorkingDays } from './working-days.ts';

/** Working days from the comment being held to its forwarding to SP4N-LAPOR! (DOMAIN.md §10: within 3). */
export const FORWARD_WITHIN_WORKING_DAYS = 3;
/** Working days from forwarding to the agency's answer (DOMAIN.md §10: the agency answers within 5). */
export const ANSWER_WITHIN_WORKING_DAYS = 5;

/** The complaint as LAPOR!'s form asks for it (its field names, in Indonesian, are the JSON file's keys). */
export interface LaporComplaint {
  /** LAPOR!'s report types are aspirasi, pengaduan and permintaan informasi; misconduct is a complaint. */
  jenis: 'pengaduan';
  judul: string;
  isi: string;
  tanggalKejadian: string;
  lokasi: string;
  instansi: string;
  kategori: string;
  anonim: boolean;
  rahasia: boolean;
}

export type LaporStage = 'prepared' | 'forwarded' | 'answered';

export function laporStage(h: { tracking_number: string | null; answered_on: string | null }): LaporStage {
  return h.answered_on ? 'answered' : h.tracking_number ? 'forwarded' : 'prepared';
}

/**
 * What is due next and by when: forwarding within 3 working days of the day the comment was held (the day it arrived,
 * in the unit's time zone), then the agency's answer within 5 working days of forwarding; nothing once answered.
 * Overdue when today is past the due day.
 */
export function laporDue(
  h: { heldOn: string; forwardedOn: string | null; answeredOn: string | null },
  today: string,
  holidays: ReadonlySet<string>,
): { step: 'forward' | 'answer'; dueOn: string; overdue: boolean } | null {
  if (h.answeredOn) return null;
  const dueOn = h.forwardedOn
    ? addWorkingDays(h.forwardedOn, ANSWER_WITHIN_WORKING_DAYS, holidays)
    : addWorkingDays(h.heldOn, FORWARD_WITHIN_WORKING_DAYS, holidays);
  return { step: h.forwardedOn ? 'answer' : 'forward', dueOn, overdue: today > dueOn };
}

/** The draft an evaluator starts from: the (redacted) comment, the unit as the place, anonymous and confidential. */
export function draftComplaint(c: { comment: string; localDate: string; unitName: string; unitAddress: string | null; regionName: string }): LaporComplaint {
  return {
    jenis: 'pengaduan',
    judul: `Dugaan penyimpangan pelayanan di ${c.unitName}`.slice(0, 150),
    isi: c.comment,
    tanggalKejadian: c.localDate,
    lokasi: c.unitAddress ? `${c.unitName}, ${c.unitAddress}` : c.unitName,
    instansi: `Pemerintah ${c.regionName}`,
    kategori: 'Pelayanan Publik',
    anonim: true,
    rahasia: true,
  };
}

/** The complaint as text to paste into LAPOR!'s form, one labelled field after another. */
export function complaintText(c: LaporComplaint): string {
  const yes = (b: boolean) => (b ? 'Ya' : 'Tidak');
  return [
    `Jenis laporan: Pengaduan`,
    `Judul: ${c.judul}`,
    `Isi laporan:\n${c.isi}`,
    `Tanggal kejadian: ${c.tanggalKejadian}`,
    `Lokasi: ${c.lokasi}`,
    `Instansi tujuan: ${c.instansi}`,
    `Kategori: ${c.kategori}`,
    `Anonim (identitas pelapor disembunyikan): ${yes(c.anonim)}`,
    `Rahasia (laporan tidak dipublikasikan): ${yes(c.rahasia)}`,
  ].join('\n\n') + '\n';
}

const text = (max: number) =>
  v.pipe(v.string('must be text'), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(max, `must be at most ${max} characters`));
const date = v.pipe(v.string('must be a date YYYY-MM-DD'), v.isoDate('must be a date YYYY-MM-DD'), v.check(isValidDate, 'must be a date YYYY-MM-DD'));

/** POST /api/review/comments/{id}/lapor: the evaluator's changes to the draft (each optional; `{}` takes the draft). */
export const laporPrepareSchema = v.object({
  judul: v.optional(text(150)),
  isi: v.optional(text(4000)),
  tanggalKejadian: v.optional(date),
  lokasi: v.optional(text(300)),
  instansi: v.optional(text(200)),
  kategori: v.optional(text(100)),
  anonim: v.optional(v.boolean('must be true or false')),
  rahasia: v.optional(v.boolean('must be true or false')),
});

/** POST /api/review/comments/{id}/lapor/tracking: LAPOR!'s tracking number, and the day it was filed (default today). */
export const laporTrackingSchema = v.object({
  trackingNumber: v.pipe(v.string('must be text'), v.trim(), v.regex(/^[A-Za-z0-9][A-Za-z0-9./-]{2,39}$/, 'must be LAPOR!’s tracking number (3–40 letters, digits, . / -)')),
  forwardedOn: v.optional(date),
});

/** POST /api/review/comments/{id}/lapor/answer: the day the agency answered on LAPOR! and a summary of the answer. */
export const laporAnswerSchema = v.object({
  answeredOn: date,
  summary: text(2000),
});
