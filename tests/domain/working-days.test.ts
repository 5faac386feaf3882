// DOMAIN.md §6: working days in (submitted, completed], with the 2025–2026 holiday calendar.
import { describe, expect, it } from 'vitest';
import { HOLIDAYS } from '../../db/seed-data.ts';
import { calendarDaysBetween, percentile, permitTiming, workingDaysBetween } from '../../core/domain/working-days.ts';

const holidays = new Set(HOLIDAYS.flatMap((h) => h.days.map(([d]) => d)));
const cutiBersama2026 = HOLIDAYS.find((h) => h.kind === 'cuti_bersama')!.days.map(([d]) => d).filter((d) => d.startsWith('2026'));

describe('working days in (submitted, completed]', () => {
  it.each([
    // [submitted, completed, expected, why]
    ['2026-03-10', '2026-03-10', 0, 'same-day completion is 0'],
    ['2026-03-09', '2026-03-10', 1, 'Monday to Tuesday'],
    ['2026-03-13', '2026-03-16', 1, 'Friday to Monday skips the weekend'],
    ['2026-03-14', '2026-03-15', 0, 'Saturday to Sunday'],
    ['2026-03-17', '2026-03-19', 0, 'Nyepi (19 Mar) and its cuti bersama (18 Mar)'],
    ['2026-03-17', '2026-03-25', 1, 'Nyepi, Idul Fitri 1447 H and cuti bersama 18–24 Mar leave only 25 Mar'],
    ['2026-03-13', '2026-03-27', 5, 'the whole Idul Fitri fortnight: 16, 17, 25, 26, 27 Mar'],
    ['2026-03-17', '2026-03-27', 3, 'the example of API.md: 25, 26, 27 Mar after Nyepi and Idul Fitri'],
    ['2025-12-31', '2026-01-02', 1, 'year end: 1 Jan is a holiday, 2 Jan (Friday) counts'],
    ['2025-12-23', '2026-01-05', 6, 'Christmas and year end 2025: 24, 29, 30, 31 Dec, 2, 5 Jan'],
    ['2026-12-23', '2026-12-28', 1, 'Christmas 2026: 24 Dec cuti bersama, 25 Dec holiday, weekend; 28 Dec counts'],
    ['2026-02-13', '2026-02-18', 1, 'Imlek: 16 Feb cuti bersama, 17 Feb holiday, 18 Feb counts'],
    ['2026-05-13', '2026-05-18', 1, 'Kenaikan Yesus Kristus 14 May and cuti bersama 15 May'],
    ['2026-05-26', '2026-05-29', 1, 'Idul Adha 27 May and cuti bersama 28 May'],
    ['2026-08-14', '2026-08-18', 1, 'Independence Day 17 Aug on a Monday'],
    ['2026-03-10', '2026-03-09', 0, 'completion before submission counts nothing'],
    ['2025-03-27', '2025-04-09', 2, 'Nyepi and Idul Fitri 2025: only 8 and 9 Apr'],
  ])('%s → %s: %i (%s)', (from, to, expected) => {
    expect(workingDaysBetween(from, to, holidays)).toBe(expected);
  });

  it.each(cutiBersama2026)('does not count the 2026 cuti bersama %s', (day) => {
    const before = new Date(Date.parse(day + 'T00:00:00Z') - 86_400_000).toISOString().slice(0, 10);
    expect(workingDaysBetween(before, day, holidays)).toBe(0);
    expect(workingDaysBetween(before, day, new Set())).toBe(1);
  });

  it('counts calendar days plainly', () => {
    expect(calendarDaysBetween('2026-03-17', '2026-03-27')).toBe(10);
    expect(calendarDaysBetween('2026-03-17', '2026-03-17')).toBe(0);
  });
});

describe('a report against its SLA', () => {
  const pbg = { value: 28, unit: 'working_days' as const };
  it('is within its SLA when completed in time', () => {
    expect(permitTiming('2026-03-17', '2026-03-27', '2026-11-01', pbg, holidays)).toEqual({ status: 'completed', workingDays: 3, calendarDays: 10, withinSla: true });
  });
  it('is late when completed after its SLA', () => {
    expect(permitTiming('2026-01-05', '2026-03-02', '2026-11-01', pbg, holidays).withinSla).toBe(false);
  });
  it('is pending with no verdict while still inside its SLA, and late once past it', () => {
    expect(permitTiming('2026-10-26', null, '2026-11-02', pbg, holidays)).toMatchObject({ status: 'pending', workingDays: 5, withinSla: null });
    expect(permitTiming('2026-06-01', null, '2026-11-02', pbg, holidays)).toMatchObject({ status: 'pending', withinSla: false });
  });
  it('judges minute and hour SLAs only where the dates prove it (decision 029, issue 16 item 12)', () => {
    // Dates cannot show 60 minutes met, nor a next-day completion late; two days on is late.
    expect(permitTiming('2026-03-10', '2026-03-10', '2026-11-01', { value: 60, unit: 'minutes' }, holidays).withinSla).toBeNull();
    expect(permitTiming('2026-03-10', '2026-03-11', '2026-11-01', { value: 60, unit: 'minutes' }, holidays).withinSla).toBeNull();
    expect(permitTiming('2026-03-10', '2026-03-12', '2026-11-01', { value: 60, unit: 'minutes' }, holidays).withinSla).toBe(false);
    // 72 hours: two days on is met whatever the clock, three is unknown.
    expect(permitTiming('2026-03-10', '2026-03-12', '2026-11-01', { value: 72, unit: 'hours' }, holidays).withinSla).toBe(true);
    expect(permitTiming('2026-03-10', '2026-03-13', '2026-11-01', { value: 72, unit: 'hours' }, holidays).withinSla).toBeNull();
  });
  it('measures calendar-day SLAs in calendar days', () => {
    expect(permitTiming('2026-03-17', '2026-03-27', '2026-11-01', { value: 7, unit: 'calendar_days' }, holidays).withinSla).toBe(false);
  });
});

describe('exact percentiles (PERCENTILE.INC)', () => {
  it('interpolates between closest ranks', () => {
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBeCloseTo(9.1, 10);
    expect(percentile([7], 0.9)).toBe(7);
    expect(percentile([], 0.5)).toBeNull();
  });
});
