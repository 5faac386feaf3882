// The `period` / `from` / `to` query parameters of every score route, with the contract's 400 on bad input.
import { PeriodError, resolvePeriod, type Period } from '../../core/domain/periods.ts';
import { todayIn } from '../../core/domain/time-zones.ts';
import { validationFailed } from '../errors.ts';

export function periodFromQuery(query: Record<string, string>, now: Date): Period {
  try {
    // Without a period, the current year (by the date in WIB, the westernmost zone).
    return resolvePeriod(query, todayIn('Asia/Jakarta', now).slice(0, 4));
  } catch (error) {
    if (error instanceof PeriodError) throw validationFailed({ [error.field]: error.message });
    throw error;
  }
}
