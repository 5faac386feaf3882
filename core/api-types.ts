// The public payloads of API.md, as types shared by the routes and the site's islands (type-only imports).
import type { CommentReviewState } from './domain/comment-review.ts';
import type { PermitStats } from './domain/permit-stats.ts';
import type { ElsewhereService } from './domain/unit-search.ts';
export interface RegionRef {
  code: string;
  name: string;
}

export interface RegionPublic {
  code: string;
  name: string;
  kind: string;
  timezone: string;
  parentCode: string | null;
  /** Kemendagri's code of the region; GET /api/regions answers it (optional for callers that build a tree only). */
  kemendagriCode?: string | null;
}

export interface UnitSummary {
  slug: string;
  name: string;
  kind: string;
  region: RegionRef;
  timezone: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Sla {
  value: number;
  unit: 'working_days' | 'calendar_days' | 'hours' | 'minutes' | string;
  startsAt: string | null;
}

export interface ServicePublic {
  slug: string;
  name: string;
  isPermit: boolean;
  sla: Sla | null;
}

export interface UnitPublic extends UnitSummary {
  address: string | null;
  services: ServicePublic[];
}

export interface RatingAckBody {
  id: string;
  receipt: string;
  status: 'accepted' | 'verified';
  /** 'pending' when the comment names a person or alleges misconduct and its text waits for review (decision 019). */
  commentReview?: 'pending';
}

export interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}

export interface UnitScores {
  unit: { slug: string; name: string };
  period: { code: string; from: string; to: string };
  n: number;
  nVerified: number;
  nExcluded: number;
  ikm: number | null;
  ikmCi95: [number, number] | null;
  /** What the interval's width allows one to say: too few responses (or no spread), wide, or ok. */
  intervalNote: 'too-few' | 'wide' | 'ok' | null;
  mutu: string | null;
  kinerja: string | null;
  ikmVerified: number | null;
  /** k of the small-cell rule: with 0 < n < k the IKM, grade, interval and elements are null (decision 047). */
  minPublicRatings: number;
  /** Visit codes the unit issued in the period, and ratings verified with a code in it (issue 24 F6). */
  visitCodesIssued: number;
  visitCodesUsed: number;
  sampleTarget: number | null;
  /** The unit as a whole reached its target (grades and ranks the unit's IKM; docs/decisions/023). */
  sampleAdequate: boolean;
  /** Responses but below the target: the grade is provisional, never shown as a bare letter. */
  provisional: boolean;
  elements: { code: string; name: string; nrr: number | null; nrr25: number | null; n: number }[];
  /** The three weakest element codes by their exact NRR, weakest first. */
  weakest: string[];
  /** Every element tied for the lowest exact NRR, in element order (each marked "terendah"). */
  lowest: string[];
  services: ServiceScore[];
  /** Every service with a declared population reached its own target (DOMAIN.md §4, per service type). */
  servicesSampleAdequate: boolean;
  trend: { period: string; from: string; to: string; n: number; ikm: number | null; mutu: string | null; sampleTarget: number | null; provisional: boolean }[];
}

export interface ServiceScore {
  slug: string;
  name: string;
  n: number;
  ikm: number | null;
  mutu: string | null;
  sampleTarget: number | null;
  sampleAdequate: boolean;
  provisional: boolean;
}

export interface Scoreboard {
  period: { code: string; from: string; to: string };
  region: string | null;
  priorMean: number | null;
  ranked: { unit: BoardUnitRef; n: number; ikm: number; ikmCi95: [number, number] | null; mutu: string; shrunkIkm: number; rank: number }[];
  insufficient: { unit: BoardUnitRef; n: number; sampleTarget: number | null }[];
}

export interface PublicComment {
  id: string;
  /** The day only, never the time (docs/decisions/021-closed-periods.md). */
  localDate: string;
  service: { slug: string; name: string } | null;
  comment: string;
  replies: { body: string; createdAt: string }[];
}

export interface FollowUpPublic {
  id: string;
  period: string;
  element: { code: string; name: string } | null;
  problem: string;
  action: string;
  responsible: string;
  dueDate: string;
  status: string;
  progress: number;
  evidenceUrl: string | null;
  plannedOn: string | null;
  startedOn: string | null;
  completedOn: string | null;
  updatedAt: string;
  evidenceFiles: { id: string; name: string; mediaType: string; bytes: number; sha256: string; url: string }[];
}

/** GET /api/units/{slug}/follow-ups: the year's progress and every item. */
export interface FollowUpsPublic {
  progress: FollowUpProgress;
  items: FollowUpPublic[];
}

/** The RTL register's progress of the year on the unit's public page (issue 18). */
export interface FollowUpProgress {
  year: number;
  planned: number;
  inProgress: number;
  done: number;
  shareDone: number | null;
}

export interface BoardUnitRef {
  slug: string;
  name: string;
  kind: string;
  region: RegionRef;
}

export interface PermitAck {
  id: string;
  status: 'completed' | 'pending';
  workingDays: number;
  slaValue: number;
  slaUnit: string;
  withinSla: boolean | null;
}

/** A service's permit times: its figures (core/domain/permit-stats.ts) beside its name and standard. */
export interface PermitServiceTimes extends PermitStats {
  slug: string;
  name: string;
  sla: Sla | null;
}

/** Years without a holiday calendar (decision 029): the current or next one missing, and those the figures counted. */
export interface CalendarNotice {
  missingYears: number[];
  yearsWithoutCalendar: number[];
  flagged: boolean;
}

export interface PermitTimes {
  period: { code: string; from: string; to: string };
  calendar: CalendarNotice;
  services: PermitServiceTimes[];
}

export interface PermitOverview {
  period: { code: string; from: string; to: string };
  calendar: CalendarNotice;
  region: string | null;
  items: (Omit<PermitServiceTimes, 'slug' | 'name' | 'distribution'> & { unit: { slug: string; name: string; region: RegionRef }; service: { slug: string; name: string } })[];
}

/** The unit as the rating form needs it (the plain HTML form and the island). */
export interface RatingFormUnit {
  slug: string;
  name: string;
  services: readonly { slug: string; name: string }[];
}

/** One unit found by the search (GET /api/units/search). */
export interface UnitSearchItem {
  slug: string;
  name: string;
  kind: string;
  region: { code: string; name: string };
  /** This year's IKM (two decimals), grade and the number of ratings; null IKM and grade without ratings. */
  ikm: number | null;
  mutu: string | null;
  kinerja: string | null;
  n: number;
  /** Fewer ratings than the sample target: the grade is provisional (docs/decisions/023). */
  provisional: boolean;
}

export interface UnitSearchResult {
  query: string;
  region: string | null;
  period: { code: string; from: string; to: string };
  /** k of the small-cell rule: an item with 0 < n < k has no IKM or grade (decision 047). */
  minPublicRatings: number;
  items: UnitSearchItem[];
  /** Services the query names that another agency runs (SIM → Satpas Polri): who, and where to go (issue 25 item 11). */
  elsewhere: ElsewhereService[];
}

/** One comment in the reviewers' queue, GET /api/review/comments (decision 019): its unit, its service and the text. */
export interface CommentReviewItem {
  id: string;
  unit: { slug: string; name: string; regionCode: string };
  service: { slug: string; name: string } | null;
  localDate: string;
  comment: string;
  flags: string[];
  commentReview: CommentReviewState;
  /** Whether the rating counts in the score (the review never changes that). */
  counted: boolean;
  review: { reason: string | null; reviewedAt: string; reviewedBy: string | null } | null;
}
