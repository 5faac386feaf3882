// The database's tables as Kysely sees them. Column names are snake_case; booleans are integers 0/1 and
// instants are ISO 8601 UTC text, so the same schema runs unchanged on SQLite and PostgreSQL.
import type { Generated, Insertable, Selectable } from 'kysely';

export interface RegionTable {
  code: string;
  name: string;
  kind: string;
  timezone: string;
  parent_code: string | null;
  /** The Ministry of Home Affairs' code (75.71), for open data; null where it is not known. */
  kemendagri_code: string | null;
}

export interface UnitTable {
  id: string;
  slug: string;
  name: string;
  kind: string;
  region_code: string;
  address: string | null;
  created_at: string;
  /** How many active kiosks its staff may register without an administrator's approval (0: every one waits). */
  kiosk_cap: Generated<number>;
  /** Visit codes its staff may issue per local day; null: the portal's default (issue 24 F6). */
  visit_codes_per_day: number | null;
  /** Evidence files it may store in all, and upload per local day, in MB; null: the portal's defaults (issue 24 F3). */
  evidence_quota_mb: number | null;
  evidence_mb_per_day: number | null;
}

export interface ServiceTable {
  id: string;
  unit_id: string;
  slug: string;
  name: string;
  position: number;
  is_permit: number;
  sla_value: number | null;
  sla_unit: string | null;
  sla_starts_at: string | null;
  /** Service users of the previous period, as the unit declares them (sample target, DOMAIN.md §4). */
  declared_users: number | null;
}

export interface HolidayTable {
  date: string;
  name: string;
  kind: string;
}

export interface ResponseTable {
  id: string;
  unit_id: string;
  service_id: string | null;
  created_at: string;
  local_date: string;
  local_hour: number;
  channel: string;
  u1: number;
  u2: number;
  u3: number;
  u4: number;
  u5: number;
  u6: number;
  u7: number;
  u8: number;
  u9: number;
  gender: string | null;
  age: number | null;
  education: string | null;
  occupation: string | null;
  /** Already redacted (DOMAIN.md §9); the original is never stored. */
  comment: string | null;
  idempotency_key: string;
  receipt: string;
  ip_hash: string | null;
  verified: number;
  visit_code_id: string | null;
  /** Null for a reportable response; a reason code when excluded. Nothing is deleted. */
  exclusion_reason: string | null;
  excluded_at: string | null;
  /** A hidden comment is kept, with the reason, and left out of public lists (DOMAIN.md §7). */
  comment_hidden_reason: string | null;
  comment_hidden_at: string | null;
  /** The registered kiosk that sent it (channel kiosk). */
  device_id: string | null;
  /** The browser's own random token (kept by the rating island), hashed with the day's salt like the address. */
  browser_hash: string | null;
  /** SHA-256 of the server-issued form ticket it carried, when that ticket was valid (each ticket counts once). */
  ticket_hash: string | null;
  /**
   * Review of a comment that names a person or alleges misconduct (decision 019): null when none was needed,
   * 'pending' until an evaluator of the unit's region or an administrator decides, then 'published' or 'withheld'.
   * The text is public only when null or 'published'; the rating counts in the score whatever the state.
   */
  comment_review: string | null;
  /** Why it waits: 'names_person', 'alleges_misconduct' or both, comma-separated. */
  comment_review_flags: string | null;
  /** The reviewer's written reason, who decided and when. */
  comment_review_reason: string | null;
  comment_reviewed_by: string | null;
  comment_reviewed_at: string | null;
  /**
   * The period (quarter, '2026-Q4') the address key belongs to, and the key: HMAC-SHA256 of the client's /32 or /48
   * with that period's salt (docs/decisions/045). Null for kiosks and once the period's salt is deleted.
   */
  address_period: string | null;
  address_key: string | null;
}

export interface ReplyTable {
  id: string;
  response_id: string;
  unit_id: string;
  body: string;
  author_user_id: string | null;
  created_at: string;
}

/** A follow-up plan item (rencana tindak lanjut, DOMAIN.md §7). */
export interface FollowUpTable {
  id: string;
  unit_id: string;
  period: string;
  element: string | null;
  problem: string;
  action: string;
  responsible: string;
  due_date: string;
  status: string;
  progress: number;
  evidence_url: string | null;
  completed_on: string | null;
  created_at: string;
  updated_at: string;
  /** The day it was planned (created) and first set to berjalan: the register's status dates (issue 18). */
  planned_on: string | null;
  started_on: string | null;
}

/** A file of evidence for a follow-up item (PDF or image), stored as base64 with its SHA-256 (travels with the backup). */
export interface FollowUpEvidenceTable {
  id: string;
  follow_up_id: string;
  unit_id: string;
  name: string;
  media_type: string;
  content_base64: string;
  bytes: number;
  sha256: string;
  created_by: string | null;
  created_at: string;
}

/** One row of the compliance board's scales (docs/decisions/033): the item scores the highest row whose condition holds. */
export interface ComplianceThresholdTable {
  item: string;
  op: string;
  bound: number;
  score_hundredths: number;
}

/** One row per unit, service ('' when none was named) and local date: the only source of scores. */
export interface ScoreDailyTable {
  unit_id: string;
  service_id: string;
  local_date: string;
  n: number;
  n_verified: number;
  n_excluded: number;
  sum_u1: number;
  sum_u2: number;
  sum_u3: number;
  sum_u4: number;
  sum_u5: number;
  sum_u6: number;
  sum_u7: number;
  sum_u8: number;
  sum_u9: number;
  sum_total: number;
  sum_total_sq: number;
  v_sum_total: number;
  v_sum_total_sq: number;
}

/** The same sums per unit, service and month (YYYY-MM): whole months of a period are read from here. */
export interface ScoreMonthlyTable extends Omit<ScoreDailyTable, 'local_date'> {
  month: string;
}

export interface VisitCodeTable {
  id: string;
  unit_id: string;
  code: string;
  issued_at: string;
  used_at: string | null;
  response_id: string | null;
  /** A code verifies at most one rating and one permit report. */
  permit_used_at: string | null;
  permit_report_id: string | null;
}

export interface PermitReportTable {
  id: string;
  unit_id: string;
  service_id: string;
  submitted_on: string;
  completed_on: string | null;
  sla_value: number;
  sla_unit: string;
  working_days: number | null;
  calendar_days: number | null;
  within_sla: number | null;
  idempotency_key: string;
  ip_hash: string | null;
  created_at: string;
  /** Held back by the integrity checks (null when it counts); kept, never deleted. */
  exclusion_reason: string | null;
  excluded_at: string | null;
  /** 1 when it carried a valid visit code of the unit. */
  verified: Generated<number>;
  visit_code_id: string | null;
  browser_hash: string | null;
  ticket_hash: string | null;
  /** The quarter the report's figures fall in and the address key made with its salt (as for responses, decision 045). */
  address_period: string | null;
  address_key: string | null;
}

export type Role = 'staff' | 'evaluator' | 'admin';

export interface UserTable {
  id: string;
  email: string;
  name: string;
  role: string;
  unit_id: string | null;
  region_code: string | null;
  password_hash: string;
  created_at: string;
  disabled_at: string | null;
  /** The authenticator's secret (base32) from enrolment on; never answered after enrolment (docs/decisions/018). */
  totp_secret: string | null;
  /** When a code confirmed the secret: from then on sign-in asks for a code. */
  totp_enabled_at: string | null;
  /** The last time step (30 s) a code was accepted for: a code of that step or an earlier one is refused. */
  totp_last_step: number | null;
}

/** A single-use recovery code of an account, as SHA-256 of its normalised text. */
export interface RecoveryCodeTable {
  id: string;
  user_id: string;
  code_hash: string;
  created_at: string;
  used_at: string | null;
}

/** A single-use link of an invitation or a password reset (docs/decisions/061), as SHA-256 of its token. */
export interface AccountTokenTable {
  token_hash: string;
  user_id: string;
  /** "invite" (72 h) or "reset" (1 h). */
  purpose: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** A sign-in whose password was right and which waits for its second factor; the cookie holds the token. */
export interface PendingLoginTable {
  id_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

/** A browser an account signed in from (the rapor_device cookie's token, hashed): not slowed by others' failures. */
export interface KnownDeviceTable {
  token_hash: string;
  user_id: string;
  created_at: string;
  last_used_at: string;
}

/** A server-side session; the cookie holds a random token, the table only its SHA-256. */
export interface SessionTable {
  id_hash: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

/** One row per counted event (failed sign-in, rating) in a throttling bucket; old rows are purged. */
export interface ThrottleEventTable {
  /** UUID v7. */
  id: string;
  bucket: string;
  at: string;
}

export interface AuditLogTable {
  id: string;
  at: string;
  user_id: string | null;
  action: string;
  unit_id: string | null;
  target: string | null;
  details: string | null;
}

export interface KioskDeviceTable {
  id: string;
  unit_id: string;
  name: string;
  token_hash: string;
  created_at: string;
  revoked_at: string | null;
  /** Null while it waits for an administrator's approval; its ratings are refused until then. */
  approved_at: string | null;
  approved_by: string | null;
  /** The latest capture time it sent: capture times must increase per device. */
  last_captured_at: string | null;
}

export interface OfficialTable {
  id: string;
  nip: string;
  name: string;
  position: string;
  unit_id: string;
  from_date: string;
  to_date: string | null;
}

export interface TargetTable {
  unit_id: string;
  indicator: string;
  year: number;
  value: number;
}

/**
 * The moderation ledger (docs/decisions/021-closed-periods.md): one row per moderation action that changes a score.
 * `decision` null: waiting for an evaluator (a staff action on a closed quarter); 'applied': took effect at once (an open
 * quarter); 'approved' / 'rejected': decided by an evaluator of the region or an administrator.
 */
export interface ModerationRequestTable {
  id: string;
  response_id: string;
  unit_id: string;
  action: 'exclude' | 'restore';
  /** The exclusion reason set (exclude) or lifted (restore). */
  reason: string;
  /** The requester's written reason. */
  note: string | null;
  requested_by: string;
  requested_at: string;
  decided_by: string | null;
  decided_at: string | null;
  decision: 'applied' | 'approved' | 'rejected' | null;
  decision_reason: string | null;
}

/** One random salt per UTC day for hashing client addresses; deleted after two days. */
/** A salt per period for address keys (decision 045), deleted with the keys once the period's review window ended. */
export interface AddressSaltTable {
  period: string;
  salt: string;
  created_at: string;
}

export interface HashSaltTable {
  day: string;
  salt: string;
}

/** Portal-wide settings an administrator changes, and the secret that signs form tickets. */
export interface SettingTable {
  key: string;
  value: string;
  updated_at: string;
}

/** A locked evidence snapshot (docs/decisions/026-locked-evidence.md): never updated once written. */
export interface EvidenceLockTable {
  id: string;
  /** 1, 2, … per period and scope: locking again adds a version and keeps the old. */
  version: number;
  /** The period's code, as periodFromQuery gives it. */
  period: string;
  /** "unit:<slug>", "region:<code>" or "all". */
  scope: string;
  /** The portal address the files' links were written with. */
  public_url: string;
  /** The account's id, and its name and role at the time (kept if the account goes). */
  locked_by: string;
  locked_by_name: string;
  locked_by_role: string;
  locked_at: string;
}

/** The units a lock covers. */
export interface EvidenceLockUnitTable {
  lock_id: string;
  unit_id: string;
}

/** One file of a locked snapshot: its bytes (base64) and their SHA-256 (hex). */
export interface EvidenceFileTable {
  lock_id: string;
  name: string;
  media_type: string;
  content_base64: string;
  bytes: number;
  sha256: string;
}

/** One publication of a unit's results on a medium (the publication log, issue 18): one row per unit, source, medium and day. */
export interface PublicationTable {
  id: string;
  unit_id: string;
  /** The PEKPPP 7.a.T media type. */
  medium: PublicationMedium;
  /** What published it. */
  source: PublicationSource;
  /** The unit's local date (YYYY-MM-DD). */
  published_on: string;
  period: string | null;
  note: string | null;
  evidence_url: string | null;
  /** The account that recorded it by hand; null when the portal logged it. */
  created_by: string | null;
  created_at: string;
}

export const PUBLICATION_MEDIA = ['print', 'electronic', 'social', 'website', 'app', 'billboard'] as const;
export type PublicationMedium = (typeof PUBLICATION_MEDIA)[number];
export const PUBLICATION_SOURCES = ['screen', 'widget', 'badge', 'poster', 'archive', 'manual'] as const;
export type PublicationSource = (typeof PUBLICATION_SOURCES)[number];

/** An origin allowed to frame a unit's widget (docs/decisions/034-publication-kit.md). */
export interface UnitFrameOriginTable {
  unit_id: string;
  /** Scheme, host and port only: "https://pemda.go.id". */
  origin: string;
  created_by: string | null;
  created_at: string;
}

/** An hour in which a unit's waiting-room screen was seen polling (issue 24 F10): one row per unit, local day and hour. */
export interface ScreenHourTable {
  unit_id: string;
  local_date: string;
  local_hour: number;
}

/**
 * A mail in the outbox (issue 27 item 1, docs/decisions/060): written in the transaction of what caused it, sent by the
 * worker in server/jobs/outbox.ts. Due while next_attempt_at is set and past; sent (sent_at) or given up (failed_at)
 * clears it.
 */
export interface OutboxTable {
  /** UUID v7; also the left part of message_id. */
  id: string;
  /** What the mail is (an invitation, a reset, a digest…), for the log and for tests. */
  kind: string;
  recipient: string;
  /** The language the mail was written in: "id" (Bahasa Indonesia, the default) or "en". */
  language: string;
  subject: string;
  text: string;
  html: string;
  /** Further headers as a JSON object of strings (e.g. List-Unsubscribe); "{}" when none. */
  headers: string;
  /** "<id@host>", set on the mail: a receiver that sees it twice keeps one. */
  message_id: string;
  created_at: string;
  /** Tries started (a claim counts one). */
  attempts: Generated<number>;
  next_attempt_at: string | null;
  /** A worker's lease on the row: until then nobody else claims it. */
  claimed_until: string | null;
  /** The claim's own id, so that only the worker holding the claim marks the row. */
  claim_id: string | null;
  sent_at: string | null;
  failed_at: string | null;
  last_error: string | null;
}

/** A webhook endpoint (issue 27 item 5, docs/decisions/064): its owner, its scope (a unit, a region or all) and events. */
export interface WebhookEndpointTable {
  /** "ep_" and a UUID v7's hex. */
  id: string;
  owner_user_id: string;
  url: string;
  /** The event types it subscribes to, comma-separated (core/domain/webhooks.ts WEBHOOK_EVENTS). */
  events: string;
  /** One unit; else region_code (with its sub-regions); both null: every unit. */
  unit_id: string | null;
  region_code: string | null;
  /** The signing secret sealed with AES-256-GCM (server/webhooks/secrets.ts): key id, nonce, ciphertext and tag. */
  secret_sealed: string;
  created_at: string;
  secret_rotated_at: string | null;
  /** After a rotation the old secret still signs (a second signature) until previous_secret_until. */
  previous_secret_sealed: string | null;
  previous_secret_until: string | null;
  /** Paused by its owner: no new deliveries are queued, waiting ones wait. */
  paused_at: string | null;
  /** Disabled by a 410 Gone answer (or a refused address): like paused, and says why. */
  disabled_at: string | null;
  disabled_reason: string | null;
}

/** One event for one endpoint (the webhook outbox): sent by server/jobs/webhooks.ts with the same webhook-id each try. */
export interface WebhookDeliveryTable {
  /** "msg_" and a UUID v7's hex: the webhook-id header. */
  id: string;
  endpoint_id: string;
  event_type: string;
  /** The JSON body, exactly as signed and sent. */
  payload: string;
  created_at: string;
  attempts: Generated<number>;
  next_attempt_at: string | null;
  claimed_until: string | null;
  claim_id: string | null;
  delivered_at: string | null;
  failed_at: string | null;
  /** The HTTP status of the last try (null: no answer). */
  last_status: number | null;
  last_error: string | null;
  last_attempt_at: string | null;
}

/** A time-based webhook event already queued (its key names the event, the unit and the day or item). */
export interface WebhookMarkTable {
  key: string;
  created_at: string;
}

/** An API token of an account (issue 27 item 6, docs/decisions/065): the token itself is never stored, its SHA-256 is. */
export interface ApiTokenTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: string;
  /** Null: the token does not expire (it still ends when revoked or when its account is disabled). */
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

/** An account's choice for one kind of alert or digest (issue 27 item 3, docs/decisions/062); no row: the default. */
export interface NotificationPreferenceTable {
  user_id: string;
  kind: string;
  /** 'immediately', 'daily', 'weekly' or 'off'. */
  frequency: string;
  updated_at: string;
  /** The last local date (YYYY-MM-DD) a digest of this kind covered, and when it was queued. */
  digest_window_to: string | null;
  digest_sent_at: string | null;
}

/** An alert sent once to an account: `subject_key` names what it is about (a follow-up item, a comment, a quarter). */
export interface NotificationAlertSentTable {
  user_id: string;
  kind: string;
  subject_key: string;
  sent_at: string;
}

/**
 * A held comment prepared as a complaint for SP4N-LAPOR! (issue 27 item 7, docs/decisions/066): the complaint as
 * prepared, then the tracking number and the day it was forwarded, then the agency's answer. Never public.
 */
export interface LaporHandoffTable {
  response_id: string;
  unit_id: string;
  title: string;
  body: string;
  /** YYYY-MM-DD, the day of the visit (the rating's local date unless the evaluator changed it). */
  incident_date: string;
  location: string;
  agency: string;
  category: string;
  /** 1: the reporter's identity is hidden (LAPOR!'s "anonim"); on by default. */
  anonymous: number;
  /** 1: the complaint is not shown to the public on LAPOR! ("rahasia"); on by default. */
  confidential: number;
  prepared_at: string;
  prepared_by: string;
  tracking_number: string | null;
  /** YYYY-MM-DD in the unit's time zone. */
  forwarded_on: string | null;
  forwarded_by: string | null;
  answered_on: string | null;
  answer_summary: string | null;
  answered_by: string | null;
}

/**
 * An address a resident left on a receipt to hear, once, of the unit's reply (issue 27 item 4, decision 063). Apart
 * from the rating: read only to queue that mail (then deleted) and by the hourly purge (after 90 days).
 */
export interface ReplySubscriptionTable {
  response_id: string;
  email: string;
  /** The language of the page where it was left: "id" or "en". */
  language: string;
  created_at: string;
}

export interface Database {
  regions: RegionTable;
  units: UnitTable;
  services: ServiceTable;
  holidays: HolidayTable;
  responses: ResponseTable;
  score_daily: ScoreDailyTable;
  score_monthly: ScoreMonthlyTable;
  visit_codes: VisitCodeTable;
  replies: ReplyTable;
  follow_ups: FollowUpTable;
  permit_reports: PermitReportTable;
  users: UserTable;
  sessions: SessionTable;
  throttle_events: ThrottleEventTable;
  audit_log: AuditLogTable;
  kiosk_devices: KioskDeviceTable;
  officials: OfficialTable;
  targets: TargetTable;
  hash_salts: HashSaltTable;
  address_salts: AddressSaltTable;
  settings: SettingTable;
  moderation_requests: ModerationRequestTable;
  recovery_codes: RecoveryCodeTable;
  pending_logins: PendingLoginTable;
  known_devices: KnownDeviceTable;
  evidence_locks: EvidenceLockTable;
  evidence_lock_units: EvidenceLockUnitTable;
  evidence_files: EvidenceFileTable;
  publications: PublicationTable;
  unit_frame_origins: UnitFrameOriginTable;
  follow_up_evidence: FollowUpEvidenceTable;
  compliance_thresholds: ComplianceThresholdTable;
  screen_hours: ScreenHourTable;
  outbox: OutboxTable;
  webhook_endpoints: WebhookEndpointTable;
  webhook_deliveries: WebhookDeliveryTable;
  webhook_marks: WebhookMarkTable;
  account_tokens: AccountTokenTable;
  api_tokens: ApiTokenTable;
  notification_preferences: NotificationPreferenceTable;
  notification_alerts_sent: NotificationAlertSentTable;
  lapor_handoffs: LaporHandoffTable;
  reply_subscriptions: ReplySubscriptionTable;
}

export type Region = Selectable<RegionTable>;
export type WebhookEndpoint = Selectable<WebhookEndpointTable>;
export type WebhookDelivery = Selectable<WebhookDeliveryTable>;
export type Unit = Selectable<UnitTable>;
export type Service = Selectable<ServiceTable>;
export type NewUnit = Insertable<UnitTable>;
export type NewService = Insertable<ServiceTable>;
export type NewResponse = Insertable<ResponseTable>;
export type NewScoreDaily = Insertable<ScoreDailyTable>;
export type NewScoreMonthly = Insertable<ScoreMonthlyTable>;
export type PermitReport = Selectable<PermitReportTable>;
export type NewPermitReport = Insertable<PermitReportTable>;

export type User = Selectable<UserTable>;
export type ModerationRequest = Selectable<ModerationRequestTable>;
export type EvidenceLock = Selectable<EvidenceLockTable>;
export type EvidenceFile = Selectable<EvidenceFileTable>;
export type OutboxMail = Selectable<OutboxTable>;
export type ApiToken = Selectable<ApiTokenTable>;
export type NotificationPreference = Selectable<NotificationPreferenceTable>;
export type LaporHandoff = Selectable<LaporHandoffTable>;
