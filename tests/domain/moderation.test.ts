// Who may change a score by moderation, and when (docs/decisions/021-closed-periods.md).
import { describe, expect, it } from 'vitest';
import { EXCLUSION_REASONS } from '../../core/domain/integrity.ts';
import { isStaffExclusion, planHide, planRestore, tallyLedger } from '../../core/domain/moderation.ts';

const OPEN = '2026-06-20';
const CLOSED = '2026-07-04';
const rating = (over: Partial<{ exclusionReason: string | null; hasComment: boolean }> = {}) => ({ localDate: '2026-06-15', exclusionReason: null, hasComment: true, ...over });

describe('staff exclusions and integrity exclusions', () => {
  it('treats every reason staff did not set as an integrity exclusion, including ones added later', () => {
    expect(EXCLUSION_REASONS.filter((r) => isStaffExclusion(r))).toEqual(['spam']);
    expect(isStaffExclusion('kiosk_unapproved')).toBe(false);
    expect(isStaffExclusion(null)).toBe(false);
  });
});

describe('a staff hide', () => {
  it('hides text at any time without touching the score', () => {
    for (const reason of ['data_pribadi', 'kasar', 'di_luar_topik'] as const) {
      expect(planHide(rating(), reason, '', CLOSED)).toEqual({ kind: 'apply', changesScore: false });
    }
  });

  it('needs a written reason to call a rating without a comment spam', () => {
    expect(planHide(rating({ hasComment: false }), 'spam', '  ', OPEN)).toEqual({ kind: 'refused', error: 'note_required' });
    expect(planHide(rating({ hasComment: false }), 'spam', 'Isian uji coba petugas', OPEN)).toEqual({ kind: 'apply', changesScore: true });
    expect(planHide(rating(), 'spam', '', OPEN)).toEqual({ kind: 'apply', changesScore: true });
  });

  it('waits for an evaluator when it would change a closed quarter', () => {
    expect(planHide(rating(), 'spam', '', CLOSED)).toEqual({ kind: 'pending' });
    expect(planHide(rating({ exclusionReason: 'burst_client' }), 'spam', '', CLOSED)).toEqual({ kind: 'apply', changesScore: false });
  });
});

describe('a staff restore', () => {
  it('lifts staff spam exclusions only, and waits on a closed quarter', () => {
    expect(planRestore(rating({ exclusionReason: 'spam' }), OPEN)).toEqual({ kind: 'apply', changesScore: true });
    expect(planRestore(rating({ exclusionReason: 'spam' }), CLOSED)).toEqual({ kind: 'pending' });
    expect(planRestore(rating(), CLOSED)).toEqual({ kind: 'apply', changesScore: false });
    for (const reason of ['honeypot', 'burst_client', 'burst_device', 'identical_pattern', 'outside_hours', 'repeated_comment', 'a_reason_added_later']) {
      expect(planRestore(rating({ exclusionReason: reason }), OPEN)).toEqual({ kind: 'refused', error: 'integrity_exclusion' });
    }
  });
});

describe('the ledger tally', () => {
  it('counts per unit what waits, what staff excluded and restored, what evaluators lifted and rejected', () => {
    const u = { unitSlug: 'a', unitName: 'Unit A' };
    expect(tallyLedger([
      { ...u, action: 'exclude', decision: null, reason: 'spam', n: 2 },
      { ...u, action: 'exclude', decision: 'applied', reason: 'spam', n: 3 },
      { ...u, action: 'exclude', decision: 'approved', reason: 'spam', n: 1 },
      { ...u, action: 'restore', decision: 'applied', reason: 'spam', n: 1 },
      { ...u, action: 'restore', decision: 'approved', reason: 'burst_client', n: 4 },
      { ...u, action: 'restore', decision: 'rejected', reason: 'spam', n: 1 },
      { unitSlug: 'b', unitName: 'Anak', action: 'restore', decision: null, reason: 'spam', n: 1 },
    ])).toEqual([
      { unitSlug: 'b', unitName: 'Anak', pending: 1, excludedByStaff: 0, restoredByStaff: 0, lifted: 0, rejected: 0 },
      { ...u, pending: 2, excludedByStaff: 4, restoredByStaff: 1, lifted: 4, rejected: 1 },
    ]);
  });
});
