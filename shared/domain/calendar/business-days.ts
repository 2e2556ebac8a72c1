import { assertWholeDays } from './calendar-days.js';
import type { Calendar } from './calendar-types.js';
import { endOfLocalDay, localDateOf } from './local-time.js';
import { nextWorkingDay, workingDayOnOrAfter } from './working-days.js';

/**
 * End of the `days`-th working day after the local date of `from`: counting starts the day
 * after receipt, so a complaint received on a Friday with 1 business day is due at the end of
 * Monday. `days = 0` means "the same working day": the end of the receipt day if it is a
 * working day, else the end of the next one.
 */
export const addBusinessDays = (calendar: Calendar, from: string, days: number): string => {
  assertWholeDays(days);
  const receiptDate = localDateOf(calendar, from);
  let day = days === 0 ? workingDayOnOrAfter(calendar, receiptDate) : receiptDate;
  for (let counted = 0; counted < days; counted += 1) day = nextWorkingDay(calendar, day);
  return endOfLocalDay(calendar, day);
};
