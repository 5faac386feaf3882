import { describe, expect, it } from 'vitest';
import { splitRange } from '../../core/domain/date-ranges.ts';

describe('splitting a date range into whole months and edge days', () => {
  it('reads a quarter as three whole months', () => {
    expect(splitRange('2026-07-01', '2026-09-30')).toEqual({ months: ['2026-07', '2026-09'], days: [] });
  });
  it('reads a February in a leap year as one whole month', () => {
    expect(splitRange('2024-02-01', '2024-02-29')).toEqual({ months: ['2024-02', '2024-02'], days: [] });
  });
  it('keeps the partial months at both edges as days', () => {
    expect(splitRange('2026-03-17', '2026-06-10')).toEqual({
      months: ['2026-04', '2026-05'],
      days: [['2026-03-17', '2026-03-31'], ['2026-06-01', '2026-06-10']],
    });
  });
  it('keeps a range inside one month as days', () => {
    expect(splitRange('2026-03-17', '2026-03-20')).toEqual({ months: null, days: [['2026-03-17', '2026-03-20']] });
  });
  it('keeps two partial neighbouring months as days', () => {
    expect(splitRange('2026-03-17', '2026-04-05')).toEqual({ months: null, days: [['2026-03-17', '2026-04-05']] });
  });
  it('crosses a year end', () => {
    expect(splitRange('2025-12-15', '2026-01-31')).toEqual({ months: ['2026-01', '2026-01'], days: [['2025-12-15', '2025-12-31']] });
  });
});
