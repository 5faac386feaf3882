// Integrity checks of a rating (issue: integrity). A suspicious rating is not refused: it is stored excluded with a
// reason, answered like any other, and counted as excluded — so nothing is lost and a bot learns nothing.
import type { Answers } from './skm.ts';
import { ELEMENT_CODES } from './skm.ts';

export const EXCLUSION_REASONS = ['honeypot', 'burst_client', 'burst_device', 'identical_pattern', 'outside_hours', 'repeated_comment', 'spam'] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

/** Ours: the thresholds, stated on the methodology page. */
export const RULES = {
  /**
   * From this many earlier ratings of one client address to one unit within the window, the next is a burst. Generous:
   * residents on a unit's public Wi-Fi or behind a mobile carrier's shared address look like one client.
   */
  burstClientMax: 4,
  burstWindowMs: 10 * 60 * 1000,
  /** A kiosk needs at least this long between ratings (nine questions take a person longer). */
  deviceMinGapMs: 20 * 1000,
  /** Held back when this many earlier ratings from the same source in the window gave the very same nine answers. */
  identicalMax: 2,
  identicalMaxKiosk: 3,
  /** Kiosks stand at a counter: ratings from them outside these local hours are held back. */
  kioskOpenHour: 6,
  kioskCloseHour: 20,
  /** The same comment on this unit within this long is a repeat. */
  repeatedCommentMs: 24 * 60 * 60 * 1000,
} as const;

export interface Candidate {
  answers: Answers;
  channel: string;
  localHour: number;
  honeypotFilled: boolean;
  comment: string | null;
  at: Date;
}

export interface RecentRating {
  answers: Answers;
  createdAt: string;
}

export interface IntegrityContext {
  /** Ratings of the unit from the same client address (or kiosk device) within the burst window. */
  recentFromSource: RecentRating[];
  /** For kiosk ratings: when the device last sent one. */
  deviceLastAt: string | null;
  /** Whether the same comment text was given to this unit within the repeat window. */
  commentSeenRecently: boolean;
}

function sameAnswers(a: Answers, b: Answers): boolean {
  return ELEMENT_CODES.every((c) => a[c] === b[c]);
}

/** Normalises a comment for comparing repeats: case, spacing and punctuation do not make a comment new. */
export function normaliseComment(text: string): string {
  return text.toLowerCase().normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** The reason to hold a rating back, or null to count it. Checked in order of certainty. */
export function integrityVerdict(c: Candidate, ctx: IntegrityContext): ExclusionReason | null {
  if (c.honeypotFilled) return 'honeypot';
  if (c.channel === 'kiosk') {
    if (c.localHour < RULES.kioskOpenHour || c.localHour >= RULES.kioskCloseHour) return 'outside_hours';
    if (ctx.deviceLastAt && c.at.getTime() - Date.parse(ctx.deviceLastAt) < RULES.deviceMinGapMs) return 'burst_device';
  } else if (ctx.recentFromSource.length >= RULES.burstClientMax) {
    return 'burst_client';
  }
  const identical = ctx.recentFromSource.filter((r) => sameAnswers(r.answers, c.answers)).length;
  if (identical >= (c.channel === 'kiosk' ? RULES.identicalMaxKiosk : RULES.identicalMax)) return 'identical_pattern';
  if (c.comment && ctx.commentSeenRecently) return 'repeated_comment';
  return null;
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
