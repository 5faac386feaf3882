// The bounded-influence rule (issue 24, docs/decisions/045): count share and leave-address-out shift.
import { describe, expect, it } from 'vitest';
import {
  addressCountCap, addressKeysExpired, permitShareExceeded, quarterBounds, quarterOf, ratingShareExceeded, SHARE_RULES, type PermitPoint,
} from '../../core/domain/address-share.ts';

/** The sums of `n` ratings whose nine answers add up to `each`. */
const sums = (n: number, each: number) => ({ n, total: n * each });

describe('the count share', () => {
  it('is at least forty, else a tenth of the most of current n, previous n and the sample target', () => {
    expect(addressCountCap(0, 0, null)).toBe(40);
    expect(addressCountCap(245, 409, null)).toBe(40);
    expect(addressCountCap(900, 120, 380)).toBe(90);
    expect(addressCountCap(100, 120, 1200)).toBe(120);
  });

  it('holds back the rating that would put an address past it, however ordinary its answers', () => {
    // 1,000 others and an address at its cap of 100, every rating answering 3 everywhere (no influence at all).
    const input = { unit: sums(1000, 27), address: sums(100, 27), previous: sums(0, 0), sampleTarget: null, candidateTotal: 27 };
    expect(ratingShareExceeded(input)).toBe(true);
    expect(ratingShareExceeded({ ...input, address: sums(99, 27) })).toBe(false);
  });
});

describe('the leave-address-out shift of the IKM', () => {
  // 245 ratings averaging 27.324 of 36 (IKM 75.90), as samsat-palembang-1's 2026-Q4 in the demo.
  const unit = { n: 245, total: Math.round((75.9 * 9 * 245) / 25) };

  it('lets ratings like everyone else\'s count up to the count share', () => {
    const each = unit.total / unit.n;
    let address = sums(0, 0);
    let counted = 0;
    for (let i = 0; i < 60; i++) {
      const candidateTotal = Math.round(each + (i % 3) - 1);
      const all = { n: unit.n + address.n, total: unit.total + address.total };
      if (ratingShareExceeded({ unit: all, address, previous: sums(409, 27.4), sampleTarget: null, candidateTotal })) continue;
      address = { n: address.n + 1, total: address.total + candidateTotal };
      counted++;
    }
    expect(counted).toBe(40);
  });

  it('stops ratings of all 4s before they move the IKM half a point', () => {
    let address = sums(0, 0);
    for (let i = 0; i < 40; i++) {
      const all = { n: unit.n + address.n, total: unit.total + address.total };
      if (!ratingShareExceeded({ unit: all, address, previous: sums(409, 27.4), sampleTarget: null, candidateTotal: 36 })) address = { n: address.n + 1, total: address.total + 36 };
    }
    const ikm = (s: { n: number; total: number }) => (25 * s.total) / (9 * s.n);
    const shift = ikm({ n: unit.n + address.n, total: unit.total + address.total }) - ikm(unit);
    expect(address.n).toBeGreaterThan(0);
    expect(shift).toBeLessThanOrEqual(SHARE_RULES.ikmShift);
    // One more would have crossed the bound.
    expect(ikm({ n: unit.n + address.n + 1, total: unit.total + address.total + 36 }) - ikm(unit)).toBeGreaterThan(SHARE_RULES.ikmShift);
  });

  it('holds back the rating that would make the address the reason for another grade, however small the step', () => {
    // 300 ratings at IKM 76.60 (grade C; B from 76.61): one rating a little above moves it 0.01 points into B.
    const unit = { n: 300, total: (76.6 * 9 * 300) / 25 };
    expect(ratingShareExceeded({ unit, address: sums(0, 0), previous: sums(0, 0), sampleTarget: null, candidateTotal: 29 })).toBe(true);
    expect(ratingShareExceeded({ unit, address: sums(0, 0), previous: sums(0, 0), sampleTarget: null, candidateTotal: 27 })).toBe(false);
  });

  it('applies the count share alone while fewer than 30 others rated the unit, now and in the previous period', () => {
    expect(ratingShareExceeded({ unit: sums(20, 20), address: sums(0, 0), previous: sums(9, 20), sampleTarget: null, candidateTotal: 36 })).toBe(false);
    expect(ratingShareExceeded({ unit: sums(39, 36), address: sums(39, 36), previous: sums(0, 0), sampleTarget: null, candidateTotal: 36 })).toBe(false);
    expect(ratingShareExceeded({ unit: sums(40, 36), address: sums(40, 36), previous: sums(0, 0), sampleTarget: null, candidateTotal: 36 })).toBe(true);
  });

  it('compares the first ratings of a quarter with the previous quarter\'s', () => {
    const previous = sums(409, 27.4);
    // One honest rating a little below the average opens the quarter: it counts.
    expect(ratingShareExceeded({ unit: sums(0, 0), address: sums(0, 0), previous, sampleTarget: null, candidateTotal: 25 })).toBe(false);
    // All 4s from a bot at the quarter's start would move a 30-rating figure 0.8 points: held back.
    expect(ratingShareExceeded({ unit: sums(0, 0), address: sums(0, 0), previous, sampleTarget: null, candidateTotal: 36 })).toBe(true);
    // From 30 others on, the previous quarter plays no part.
    expect(ratingShareExceeded({ unit: sums(30, 20), address: sums(0, 0), previous, sampleTarget: null, candidateTotal: 36 })).toBe(true);
  });
});

describe('the leave-address-out shift of permit figures', () => {
  const others = (n: number, days: number): PermitPoint[] => Array.from({ length: n }, (_, i) => ({ days: days + (i % 3) - 1, within: 1, fromAddress: false }));

  it('holds back a report that would move the median by more than a working day', () => {
    const service = [...others(41, 7), ...Array.from({ length: 6 }, () => ({ days: 57, within: 0, fromAddress: true }))];
    expect(permitShareExceeded({ unitN: 47, addressN: 6, previousN: 40, service, previousService: [], candidate: { days: 57, within: 0 } })).toBe(true);
    expect(permitShareExceeded({ unitN: 41, addressN: 0, previousN: 40, service: others(41, 7), previousService: [], candidate: { days: 57, within: 1 } })).toBe(false);
  });

  it('holds back a report that would move the within-standard share by more than 5 points', () => {
    const service = [...others(60, 7), ...Array.from({ length: 3 }, () => ({ days: 7, within: 0, fromAddress: true }))];
    expect(permitShareExceeded({ unitN: 63, addressN: 3, previousN: 0, service, previousService: [], candidate: { days: 7, within: 0 } })).toBe(true);
    expect(permitShareExceeded({ unitN: 63, addressN: 3, previousN: 0, service: service.slice(0, 62), previousService: [], candidate: { days: 7, within: 0 } })).toBe(false);
  });

  it('fills a small period up with the previous period\'s latest reports', () => {
    const previousService = Array.from({ length: 30 }, () => ({ days: 7, within: 1 }));
    // Nine reports in the quarter: one late report of 57 days from the address passes (96.7 % within), a second does not.
    const service = others(9, 7);
    expect(permitShareExceeded({ unitN: 9, addressN: 0, previousN: 30, service, previousService, candidate: { days: 57, within: 0 } })).toBe(false);
    const after = [...service, { days: 57, within: 0, fromAddress: true }];
    expect(permitShareExceeded({ unitN: 10, addressN: 1, previousN: 30, service: after, previousService, candidate: { days: 57, within: 0 } })).toBe(true);
    // Without the previous period, nine others are no figure to compare with: the count share alone applies.
    expect(permitShareExceeded({ unitN: 9, addressN: 0, previousN: 0, service, previousService: [], candidate: { days: 57, within: 0 } })).toBe(false);
  });

  it('judges a pending report by the count share only', () => {
    expect(permitShareExceeded({ unitN: 100, addressN: 39, previousN: 0, service: others(60, 7), previousService: [], candidate: null })).toBe(false);
    expect(permitShareExceeded({ unitN: 100, addressN: 40, previousN: 0, service: others(60, 7), previousService: [], candidate: null })).toBe(true);
  });
});

describe('quarters of address keys', () => {
  it('names the quarter of a date, its bounds and the one before', () => {
    expect(quarterOf('2026-11-02')).toBe('2026-Q4');
    expect(quarterOf('2026-03-31')).toBe('2026-Q1');
    expect(quarterBounds('2026-Q4')).toEqual({ from: '2026-10-01', to: '2026-12-31', previous: '2026-Q3' });
    expect(quarterBounds('2026-Q1')).toEqual({ from: '2026-01-01', to: '2026-03-31', previous: '2025-Q4' });
  });

  it('keeps a quarter\'s salt and keys 45 days after it ends', () => {
    expect(addressKeysExpired('2026-Q3', '2026-11-14')).toBe(false);
    expect(addressKeysExpired('2026-Q3', '2026-11-15')).toBe(true);
  });
});
