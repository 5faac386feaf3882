// DOMAIN.md §5: a response belongs to the period of its local date in the unit's time zone.
import { describe, expect, it } from 'vitest';
import { instantOfLocal, localDateOf, localHourOf } from '../../core/domain/time-zones.ts';

describe('local dates in Indonesian time zones', () => {
  it('puts 16:30 UTC on 31 March on 1 April in WITA (00:30 local)', () => {
    const instant = new Date('2026-03-31T16:30:00Z');
    expect(localDateOf(instant, 'Asia/Makassar')).toBe('2026-04-01');
    expect(localHourOf(instant, 'Asia/Makassar')).toBe(0);
  });

  it('keeps the same instant on 31 March in WIB (23:30 local)', () => {
    const instant = new Date('2026-03-31T16:30:00Z');
    expect(localDateOf(instant, 'Asia/Jakarta')).toBe('2026-03-31');
    expect(localHourOf(instant, 'Asia/Jakarta')).toBe(23);
  });

  it('crosses the year end at 15:00 UTC in WIT', () => {
    expect(localDateOf(new Date('2025-12-31T14:59:59Z'), 'Asia/Jayapura')).toBe('2025-12-31');
    expect(localDateOf(new Date('2025-12-31T15:00:00Z'), 'Asia/Jayapura')).toBe('2026-01-01');
  });

  it('turns a local wall-clock time back into the UTC instant', () => {
    expect(instantOfLocal('2026-04-01', 0, 30, 0, 'Asia/Makassar').toISOString()).toBe('2026-03-31T16:30:00.000Z');
  });
});

describe('the instant a rating is dated by', async () => {
  const { ratingInstant } = await import('../../core/domain/integrity.ts');
  const arrived = new Date('2026-08-10T02:00:00.000Z');
  it('believes a registered kiosk that held a rating offline for up to 72 hours', () => {
    expect(ratingInstant(arrived, '2026-08-09T08:00:00.000Z', true).toISOString()).toBe('2026-08-09T08:00:00.000Z');
  });
  it('ignores a capture time from anyone else, from the future, or older than 72 hours', () => {
    expect(ratingInstant(arrived, '2026-08-09T08:00:00.000Z', false)).toBe(arrived);
    expect(ratingInstant(arrived, '2026-08-10T03:00:00.000Z', true)).toBe(arrived);
    expect(ratingInstant(arrived, '2026-08-06T01:00:00.000Z', true)).toBe(arrived);
    expect(ratingInstant(arrived, 'bukan tanggal', true)).toBe(arrived);
  });
});
