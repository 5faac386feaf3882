// Indonesia's three time zones (WIB, WITA, WIT) have fixed offsets and no daylight saving, so a local date is the
// UTC instant shifted by a whole number of hours (DOMAIN.md §5). Instants are stored in UTC; a response belongs to
// the period of its local date in the unit's time zone.

export const TIME_ZONES = {
  'Asia/Jakarta': { abbreviation: 'WIB', offsetHours: 7 },
  'Asia/Makassar': { abbreviation: 'WITA', offsetHours: 8 },
  'Asia/Jayapura': { abbreviation: 'WIT', offsetHours: 9 },
} as const;

export type TimeZone = keyof typeof TIME_ZONES;

export function isTimeZone(value: string): value is TimeZone {
  return Object.hasOwn(TIME_ZONES, value);
}

function shifted(instant: Date, tz: TimeZone): Date {
  return new Date(instant.getTime() + TIME_ZONES[tz].offsetHours * 3_600_000);
}

/** The calendar date (YYYY-MM-DD) of an instant in the given zone. */
export function localDateOf(instant: Date, tz: TimeZone): string {
  return shifted(instant, tz).toISOString().slice(0, 10);
}

/** The local hour (0–23) of an instant in the given zone. */
export function localHourOf(instant: Date, tz: TimeZone): number {
  return shifted(instant, tz).getUTCHours();
}

/** The UTC instant of a local wall-clock time in the given zone. */
export function instantOfLocal(localDate: string, hour: number, minute: number, second: number, tz: TimeZone): Date {
  const [y, m, d] = localDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d, hour - TIME_ZONES[tz].offsetHours, minute, second));
}

/** Today's local date in the zone. */
export function todayIn(tz: TimeZone, now: Date = new Date()): string {
  return localDateOf(now, tz);
}
