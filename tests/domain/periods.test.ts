// DOMAIN.md §5: period codes and their local date ranges.
import { describe, expect, it } from 'vitest';
import { isClosedOn, parsePeriodCode, periodCodeOf, periodsEndingWith, previousPeriod, resolvePeriod, PeriodError } from '../../core/domain/periods.ts';

describe('periods', () => {
  it.each([
    ['2026', '2026-01-01', '2026-12-31'],
    ['2026-S1', '2026-01-01', '2026-06-30'],
    ['2026-S2', '2026-07-01', '2026-12-31'],
    ['2026-Q1', '2026-01-01', '2026-03-31'],
    ['2026-Q3', '2026-07-01', '2026-09-30'],
    ['2024-02', '2024-02-01', '2024-02-29'],
    ['2026-02', '2026-02-01', '2026-02-28'],
  ])('%s runs from %s to %s', (code, from, to) => {
    expect(parsePeriodCode(code)).toMatchObject({ code, from, to });
  });

  it.each(['2026-Q5', '2026-S3', '2026-13', '26', '2026-q1', 'semua', '2026-00'])('refuses %j', (code) => {
    expect(() => parsePeriodCode(code)).toThrow(PeriodError);
  });

  it('accepts a from/to range and refuses a reversed or impossible one', () => {
    expect(resolvePeriod({ from: '2026-03-17', to: '2026-04-02' }, '2026')).toMatchObject({ kind: 'range', from: '2026-03-17', to: '2026-04-02' });
    expect(() => resolvePeriod({ from: '2026-04-02', to: '2026-03-17' }, '2026')).toThrow(PeriodError);
    expect(() => resolvePeriod({ from: '2026-02-30', to: '2026-03-17' }, '2026')).toThrow(PeriodError);
    expect(() => resolvePeriod({ period: '2026', from: '2026-01-01' }, '2026')).toThrow(PeriodError);
    expect(resolvePeriod({}, '2025').code).toBe('2025');
  });

  it('steps back across year ends', () => {
    expect(previousPeriod(parsePeriodCode('2026-Q1')).code).toBe('2025-Q4');
    expect(previousPeriod(parsePeriodCode('2026-S1')).code).toBe('2025-S2');
    expect(previousPeriod(parsePeriodCode('2026-01')).code).toBe('2025-12');
    expect(periodsEndingWith(parsePeriodCode('2026-Q2'), 3).map((p) => p.code)).toEqual(['2025-Q4', '2026-Q1', '2026-Q2']);
  });

  it('puts 1 April in Q2 and S1', () => {
    expect(periodCodeOf('2026-04-01', 'quarter')).toBe('2026-Q2');
    expect(periodCodeOf('2026-04-01', 'semester')).toBe('2026-S1');
    expect(periodCodeOf('2026-03-31', 'quarter')).toBe('2026-Q1');
  });
});

describe('closed quarters', () => {
  it('closes a quarter on the fourth day after it ends', () => {
    expect(isClosedOn('2026-09-15', '2026-10-03')).toBe(false);
    expect(isClosedOn('2026-09-30', '2026-10-04')).toBe(true);
    expect(isClosedOn('2026-07-01', '2026-09-30')).toBe(false);
    expect(isClosedOn('2025-12-31', '2026-01-04')).toBe(true);
    expect(isClosedOn('2026-10-01', '2026-10-04')).toBe(false);
  });
});
