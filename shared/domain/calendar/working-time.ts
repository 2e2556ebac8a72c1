import type { Calendar } from './calendar-types.js';
import { localDateAt, nextLocalDayStartMillis, parseInstant, toIsoUtc } from './local-time.js';
import { isWorkingDay } from './working-days.js';

/**
 * Working time is every millisecond that falls on a working day in the calendar's zone (whole
 * days, no office hours: the statutory clocks count days, not hours). Intervals are half-open,
 * [from, to), so a pause that exactly covers a holiday week has no working time at all.
 */

/** Milliseconds of working time in [from, to); 0 when `to` is not after `from`. */
export const workingMillisBetween = (calendar: Calendar, fromMillis: number, toMillis: number): number => {
  let total = 0;
  let cursor = fromMillis;
  while (cursor < toMillis) {
    const day = localDateAt(calendar, cursor);
    const dayEnd = Math.min(nextLocalDayStartMillis(calendar, day), toMillis);
    if (isWorkingDay(calendar, day)) total += dayEnd - cursor;
    cursor = dayEnd;
  }
  return total;
};

/** The earliest instant `to` with exactly `amountMillis` of working time in [from, to). */
export const addWorkingMillis = (calendar: Calendar, fromMillis: number, amountMillis: number): number => {
  if (!Number.isInteger(amountMillis) || amountMillis < 0) {
    throw new RangeError(`Expected whole milliseconds >= 0, got ${amountMillis}`);
  }
  let remaining = amountMillis;
  let cursor = fromMillis;
  while (remaining > 0) {
    const day = localDateAt(calendar, cursor);
    const nextDayStart = nextLocalDayStartMillis(calendar, day);
    if (isWorkingDay(calendar, day)) {
      const available = nextDayStart - cursor;
      if (remaining <= available) return cursor + remaining;
      remaining -= available;
    }
    cursor = nextDayStart;
  }
  return cursor;
};

/**
 * A deadline is the last millisecond allowed (23:59:59.999 for day clocks). Moving it by an
 * amount of working time keeps it on a working day: a deadline at the end of Monday moved by one
 * working day ends at the end of the next working day, never at midnight of a holiday.
 */
export const moveDeadlineMillis = (
  calendar: Calendar,
  deadlineMillis: number,
  amountMillis: number,
): number =>
  amountMillis === 0 ? deadlineMillis : addWorkingMillis(calendar, deadlineMillis + 1, amountMillis) - 1;

export const workingTimeBetween = (calendar: Calendar, from: string, to: string): number =>
  workingMillisBetween(calendar, parseInstant(from), parseInstant(to));

export const addWorkingTime = (calendar: Calendar, from: string, amountMillis: number): string =>
  toIsoUtc(addWorkingMillis(calendar, parseInstant(from), amountMillis));

export const moveDeadlineByWorkingTime = (
  calendar: Calendar,
  deadline: string,
  amountMillis: number,
): string => toIsoUtc(moveDeadlineMillis(calendar, parseInstant(deadline), amountMillis));
