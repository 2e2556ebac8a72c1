import { CalendarCoverageError } from './calendar-errors.js';
import type { Calendar, LocalDate } from './calendar-types.js';
import { isoWeekdayOf, localDateStart, plusLocalDays, yearOf } from './local-time.js';

interface DaySets {
  holidays: ReadonlySet<string>;
  extraWorkingDays: ReadonlySet<string>;
  weekend: ReadonlySet<number>;
}

// Calendars are immutable values; cache their lookup sets per object so day loops stay cheap.
const daySetCache = new WeakMap<Calendar, DaySets>();

const daySets = (calendar: Calendar): DaySets => {
  const cached = daySetCache.get(calendar);
  if (cached) return cached;
  const sets: DaySets = {
    holidays: new Set(calendar.holidays),
    extraWorkingDays: new Set(calendar.extraWorkingDays),
    weekend: new Set(calendar.weekend),
  };
  daySetCache.set(calendar, sets);
  return sets;
};

export const coversYear = (calendar: Calendar, year: number): boolean =>
  calendar.coversYears === 'all' || (year >= calendar.coversYears.from && year <= calendar.coversYears.to);

/** Throws CalendarCoverageError when the calendar's holiday lists do not cover the date's year. */
export const assertCovered = (calendar: Calendar, localDate: LocalDate): void => {
  const year = yearOf(localDate);
  if (!coversYear(calendar, year)) throw new CalendarCoverageError(calendar.id, year, calendar.coversYears);
};

/**
 * Whether the calendar's answer for a local date rests on provisional data: the date's year is
 * covered, but only by lists derived from the standing rules ahead of the official notice, so
 * whether it is a working day may still change. False for confirmed years, and for years the
 * calendar does not cover at all (there is no answer to qualify; isWorkingDay throws for them).
 */
export const isProvisional = (calendar: Calendar, localDate: LocalDate): boolean => {
  localDateStart(calendar, localDate); // validates the date's shape
  const year = yearOf(localDate);
  return coversYear(calendar, year) && calendar.provisionalYears.includes(year);
};

/**
 * Whether any day from `from` to `to` (inclusive local dates, in either order) is provisional:
 * a deadline counted across those days may move when the official notice is published.
 */
export const isProvisionalBetween = (calendar: Calendar, from: LocalDate, to: LocalDate): boolean => {
  localDateStart(calendar, from);
  localDateStart(calendar, to);
  const [first, last] = from <= to ? [yearOf(from), yearOf(to)] : [yearOf(to), yearOf(from)];
  return calendar.provisionalYears.some(
    (year) => year >= first && year <= last && coversYear(calendar, year),
  );
};

/**
 * Whether staff work on a local date: a listed extra working day always is; otherwise it must
 * be neither a weekend day nor a holiday.
 */
export const isWorkingDay = (calendar: Calendar, localDate: LocalDate): boolean => {
  localDateStart(calendar, localDate); // validates the date's shape
  assertCovered(calendar, localDate);
  const sets = daySets(calendar);
  if (sets.extraWorkingDays.has(localDate)) return true;
  if (sets.holidays.has(localDate)) return false;
  return !sets.weekend.has(isoWeekdayOf(localDate));
};

/** The first working day strictly after a local date. */
export const nextWorkingDay = (calendar: Calendar, localDate: LocalDate): LocalDate => {
  let day = plusLocalDays(localDate, 1);
  // A calendar with every weekday as weekend and no extra days would loop forever; the schema forbids it.
  while (!isWorkingDay(calendar, day)) day = plusLocalDays(day, 1);
  return day;
};

/** The local date itself if it is a working day, otherwise the next one. */
export const workingDayOnOrAfter = (calendar: Calendar, localDate: LocalDate): LocalDate =>
  isWorkingDay(calendar, localDate) ? localDate : nextWorkingDay(calendar, localDate);
