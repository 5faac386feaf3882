// Integrity checks of a rating (issue: integrity). A suspicious rating is not refused: it is stored excluded with a
// reason, answered like any other, and counted as excluded — so nothing is lost and a bot learns nothing.
import type { Answers } from './skm.ts';
import { ELEMENT_CODES } from './skm.ts';

export const EXCLUSION_REASONS = [
  'honeypot', 'burst_client', 'burst_browser', 'burst_device', 'identical_pattern', 'outside_hours', 'repeated_comment', 'spam',
  'forged_ticket', 'reused_ticket', 'device_clock', 'closed_period',
  // Beyond its address's share of the unit's period (core/domain/address-share.ts): waits for an evaluator.
  'address_share',
] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

/** Ours: the thresholds, stated on the methodology page (docs/decisions/013, 022). */
export const RULES = {
  burstWindowMs: 10 * 60 * 1000,
  /**
   * Without a valid form ticket (a script, or a form that could not reach the server when it opened): held back once
   * the address sent this many ratings of any kind to the unit within the window, or once one rating without a ticket
   * from it already counted there. A browser form always asks for a ticket, so a person is rarely judged by this rule.
   */
  burstClientMax: 4,
  ticketlessCountedMax: 1,
  /**
   * With a valid ticket: a busy counter on the unit's Wi-Fi or a carrier's shared address is normal, so the address
   * alone holds back only past this many counted ratings to one unit within the window (a counter serves far fewer).
   */
  ticketedAddressMax: 30,
  /** The same browser (its own random token) rating the same unit a third time within the window (a shared family phone may rate twice). */
  browserMax: 2,
  /** A kiosk needs at least this long between ratings (nine questions take a person longer). */
  deviceMinGapMs: 20 * 1000,
  /** Held back when this many earlier ratings from the same source in the window gave the very same answers. */
  identicalMax: 2,
  identicalMaxKiosk: 3,
  /** Kiosks stand at a counter: ratings from them outside these local hours are held back. */
  kioskOpenHour: 6,
  kioskCloseHour: 20,
  /** The same comment on this unit within this long is a repeat. */
  repeatedCommentMs: 24 * 60 * 60 * 1000,
} as const;

/** What a submission (a rating or a permit report) brings, as far as the checks are concerned. */
export interface Candidate {
  /** The nine answers of a rating, or the service and dates of a permit report: what makes two submissions "the same". */
  signature: string;
  channel: 'web' | 'qr' | 'kiosk';
  localHour: number;
  honeypotFilled: boolean;
  comment: string | null;
  at: Date;
  /**
   * The form ticket it carried, as checked (core/domain/form-ticket.ts). One used sooner than a person fills the form
   * is not held back outright (a quick resident may tap nine answers fast) but judged as if it had no ticket.
   */
  ticket: 'valid' | 'forged' | 'too_fast' | 'expired' | 'none';
}

export interface SourceRecord {
  signature: string;
  createdAt: string;
  excluded: boolean;
  ticketed: boolean;
}

export interface IntegrityContext {
  /** Submissions to the unit from the same client address within the window, newest first (a bounded number). */
  fromAddress: SourceRecord[];
  /** Counted submissions with a valid ticket from the address to the unit within the window. */
  ticketedCountedFromAddress: number;
  /** Submissions to the unit from the same browser token within the window. */
  fromBrowser: number;
  /** Whether the ticket was used before. */
  ticketUsed: boolean;
  /** Whether the same comment text was given to this unit within the repeat window. */
  commentSeenRecently: boolean;
}

/** What the checks know of a registered kiosk. */
export interface DeviceContext {
  /** Submissions from the device within the window, newest capture first. */
  recent: SourceRecord[];
  /** The latest capture time the device sent, and when it was approved. */
  lastCapturedAt: string | null;
  approvedAt: string;
  /** Whether the capture instant falls in a quarter that is already closed (core/domain/periods.ts). */
  inClosedPeriod: boolean;
}

/** Normalises a comment for comparing repeats: case, spacing and punctuation do not make a comment new. */
export function normaliseComment(text: string): string {
  return text.toLowerCase().normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function identical(records: SourceRecord[], signature: string): number {
  return records.filter((r) => r.signature === signature).length;
}

/** The reason to hold a web or QR submission back, or null to count it. Checked in order of certainty. */
export function integrityVerdict(c: Candidate, ctx: IntegrityContext): ExclusionReason | null {
  if (c.honeypotFilled) return 'honeypot';
  if (c.ticket === 'forged') return 'forged_ticket';
  if (c.ticket === 'valid' && ctx.ticketUsed) return 'reused_ticket';
  if (ctx.fromBrowser >= RULES.browserMax) return 'burst_browser';
  if (c.ticket === 'valid') {
    if (ctx.ticketedCountedFromAddress >= RULES.ticketedAddressMax) return 'burst_client';
  } else {
    const ticketlessCounted = ctx.fromAddress.filter((r) => !r.ticketed && !r.excluded).length;
    if (ctx.fromAddress.length >= RULES.burstClientMax || ticketlessCounted >= RULES.ticketlessCountedMax) return 'burst_client';
  }
  if (identical(ctx.fromAddress, c.signature) >= RULES.identicalMax) return 'identical_pattern';
  if (c.comment && ctx.commentSeenRecently) return 'repeated_comment';
  return null;
}

/**
 * The reason to hold a rating from a registered, approved kiosk back, or null. A kiosk's capture times must increase
 * (a device cannot capture before what it already sent), start after its approval, keep a person's pace, and never land
 * in a closed quarter; arrival is judged by the device's throttle and by the capture-time rules, which bind the number
 * of ratings to the time since approval whatever their arrival.
 */
export function kioskVerdict(c: Pick<Candidate, 'signature' | 'localHour' | 'honeypotFilled' | 'comment' | 'at'>, device: DeviceContext, commentSeenRecently: boolean): ExclusionReason | null {
  if (c.honeypotFilled) return 'honeypot';
  if (c.at.getTime() < Date.parse(device.approvedAt)) return 'device_clock';
  if (device.lastCapturedAt && c.at.getTime() <= Date.parse(device.lastCapturedAt)) return 'device_clock';
  if (device.inClosedPeriod) return 'closed_period';
  if (c.localHour < RULES.kioskOpenHour || c.localHour >= RULES.kioskCloseHour) return 'outside_hours';
  if (device.lastCapturedAt && c.at.getTime() - Date.parse(device.lastCapturedAt) < RULES.deviceMinGapMs) return 'burst_device';
  if (identical(device.recent, c.signature) >= RULES.identicalMaxKiosk) return 'identical_pattern';
  if (c.comment && commentSeenRecently) return 'repeated_comment';
  return null;
}

/** The signature of a rating's nine answers. */
export function answersSignature(answers: Answers): string {
  return ELEMENT_CODES.map((c) => answers[c]).join('');
}

/** How long a registered kiosk may hold a rating offline before its capture time is no longer believed. */
export const KIOSK_CAPTURE_MAX_AGE_MS = 72 * 60 * 60 * 1000;

/**
 * The instant a rating is dated by: the kiosk's capture time when a registered kiosk sends one that is neither in the
 * future nor older than 72 hours (ours); otherwise the moment it arrived. Residents' own phones are not trusted with
 * their clock, which would let anyone choose the period a rating counts in.
 */
export function ratingInstant(arrivedAt: Date, capturedAt: string | null | undefined, fromRegisteredKiosk: boolean): Date {
  if (!fromRegisteredKiosk || !capturedAt) return arrivedAt;
  const captured = new Date(capturedAt);
  const age = arrivedAt.getTime() - captured.getTime();
  return Number.isNaN(age) || age < 0 || age > KIOSK_CAPTURE_MAX_AGE_MS ? arrivedAt : captured;
}

/** Whether a kiosk's capture time can be believed: given, not in the future, at most 72 hours old. */
export function captureIsBelievable(arrivedAt: Date, capturedAt: string | null | undefined): boolean {
  if (!capturedAt) return true;
  const age = arrivedAt.getTime() - new Date(capturedAt).getTime();
  return !Number.isNaN(age) && age >= 0 && age <= KIOSK_CAPTURE_MAX_AGE_MS;
}

/** The signature of a permit report: the same service and the same two dates make two reports "the same". */
export function permitSignature(serviceId: string, submittedOn: string, completedOn: string | null): string {
  return `${serviceId}|${submittedOn}|${completedOn ?? ''}`;
}
