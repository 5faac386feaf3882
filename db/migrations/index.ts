// The list of migrations, in order. A static list (rather than a folder scan) works the same under tsx,
// vitest and any bundler. Add new files at the end; never edit a migration that has shipped.
import type { Migration } from 'kysely';
import * as initial from './2026_11_23_0001_initial.ts';
import * as repliesFollowUps from './2026_11_23_0002_replies_follow_ups.ts';
import * as scoreMonthly from './2026_11_23_0003_score_monthly.ts';
import * as permitReports from './2026_11_23_0004_permit_reports.ts';
import * as accounts from './2026_11_23_0005_accounts.ts';
import * as integrity from './2026_11_23_0006_integrity.ts';
import * as throttleIds from './2026_11_24_0007_throttle_ids.ts';
import * as submissionIntegrity from './2026_12_01_0008_submission_integrity.ts';
import * as twoFactor from './2026_12_01_0009_two_factor.ts';
import * as commentReview from './2026_12_01_0010_comment_review.ts';
import * as moderationApprovals from './2026_12_01_0011_moderation_approvals.ts';
import * as evidenceSnapshots from './2026_12_01_0012_evidence_snapshots.ts';
import * as slaUnits from './2026_12_01_0013_sla_units.ts';
import * as publications from './2026_12_01_0014_publications.ts';
import * as complianceRtl from './2026_12_01_0015_compliance_rtl.ts';
import * as publicationKit from './2026_12_01_0016_publication_kit.ts';
import * as regionCodes from './2026_12_01_0019_region_codes.ts';
import * as unitLimitsAndScreenHours from './2026_12_07_0020_unit_limits_and_screen_hours.ts';
import * as addressShare from './2026_12_07_0021_address_share.ts';
import * as outbox from './2026_12_07_0022_outbox.ts';
import * as accountTokens from './2026_12_07_0023_account_tokens.ts';
import * as notifications from './2026_12_07_0024_notifications.ts';
import * as replySubscriptions from './2026_12_07_0025_reply_subscriptions.ts';
import * as webhooks from './2026_12_07_0026_webhooks.ts';
import * as apiTokens from './2026_12_07_0027_api_tokens.ts';
import * as laporHandoff from './2026_12_07_0028_lapor_handoff.ts';

export const migrations: Record<string, Migration> = {
  '2026_11_23_0001_initial': initial,
  '2026_11_23_0002_replies_follow_ups': repliesFollowUps,
  '2026_11_23_0003_score_monthly': scoreMonthly,
  '2026_11_23_0004_permit_reports': permitReports,
  '2026_11_23_0005_accounts': accounts,
  '2026_11_23_0006_integrity': integrity,
  '2026_11_24_0007_throttle_ids': throttleIds,
  '2026_12_01_0008_submission_integrity': submissionIntegrity,
  '2026_12_01_0009_two_factor': twoFactor,
  '2026_12_01_0010_comment_review': commentReview,
  '2026_12_01_0011_moderation_approvals': moderationApprovals,
  '2026_12_01_0012_evidence_snapshots': evidenceSnapshots,
  '2026_12_01_0013_sla_units': slaUnits,
  '2026_12_01_0014_publications': publications,
  '2026_12_01_0015_compliance_rtl': complianceRtl,
  '2026_12_01_0016_publication_kit': publicationKit,
  '2026_12_01_0019_region_codes': regionCodes,
  '2026_12_07_0020_unit_limits_and_screen_hours': unitLimitsAndScreenHours,
  '2026_12_07_0021_address_share': addressShare,
  '2026_12_07_0022_outbox': outbox,
  '2026_12_07_0023_account_tokens': accountTokens,
  '2026_12_07_0024_notifications': notifications,
  '2026_12_07_0025_reply_subscriptions': replySubscriptions,
  '2026_12_07_0026_webhooks': webhooks,
  '2026_12_07_0027_api_tokens': apiTokens,
  '2026_12_07_0028_lapor_handoff': laporHandoff,
};
