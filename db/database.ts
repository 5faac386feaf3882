// The database's tables as Kysely sees them. Column names are snake_case; booleans are integers 0/1 and
// instants are ISO 8601 UTC text, so the same schema runs unchanged on SQLite and PostgreSQL.
import type { Insertable, Selectable } from 'kysely';

export interface RegionTable {
  code: string;
  name: string;
  kind: string;
  timezone: string;
  parent_code: string | null;
}

export interface UnitTable {
  id: string;
  slug: string;
  name: string;
  kind: string;
  region_code: string;
  address: string | null;
  created_at: string;
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

/** One random salt per UTC day for hashing client addresses; deleted after two days. */
export interface HashSaltTable {
  day: string;
  salt: string;
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
  recovery_codes: RecoveryCodeTable;
  pending_logins: PendingLoginTable;
  known_devices: KnownDeviceTable;
}

export type Region = Selectable<RegionTable>;
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
