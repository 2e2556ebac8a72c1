import type { Calendar } from './calendar-types.js';
import { endOfLocalDay, localDateOf, plusLocalDays } from './local-time.js';

/**
 * End of the local day `days` calendar days after the local date of `from` (day 1 is the day
 * after receipt). Holidays do not matter here, so no holiday coverage is needed.
 */
export const addCalendarDays = (calendar: Calendar, from: string, days: number): string => {
  assertWholeDays(days);
  return endOfLocalDay(calendar, plusLocalDays(localDateOf(calendar, from), days));
};

export const assertWholeDays = (days: number): void => {
  if (!Number.isInteger(days) || days < 0)
    throw new RangeError(`Expected a whole number of days >= 0, got ${days}`);
};
