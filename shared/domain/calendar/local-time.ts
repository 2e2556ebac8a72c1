import { DateTime } from 'luxon';
import { InvalidTimeError } from './calendar-errors.js';
import type { Calendar, LocalDate } from './calendar-types.js';

// An instant without an offset would be read in the machine's zone; refuse it instead.
const instantPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
const localDatePattern = /^\d{4}-\d{2}-\d{2}$/;

/** Epoch milliseconds of an ISO-8601 instant that carries `Z` or an explicit offset. */
export const parseInstant = (value: string): number => {
  if (!instantPattern.test(value))
    throw new InvalidTimeError(value, 'an ISO-8601 instant with Z or an offset');
  const parsed = DateTime.fromISO(value, { setZone: true });
  if (!parsed.isValid) throw new InvalidTimeError(value, 'an ISO-8601 instant with Z or an offset');
  return parsed.toMillis();
};

/** The stored form: UTC ISO-8601 with milliseconds and `Z`. */
export const toIsoUtc = (epochMillis: number): string => new Date(epochMillis).toISOString();

export const isLocalDate = (value: string): boolean =>
  localDatePattern.test(value) && DateTime.fromISO(value, { zone: 'UTC' }).isValid;

/** Midnight at the start of a local date, in the calendar's zone. */
export const localDateStart = (calendar: Calendar, localDate: LocalDate): DateTime => {
  if (!localDatePattern.test(localDate)) throw new InvalidTimeError(localDate, 'a YYYY-MM-DD date');
  const start = DateTime.fromISO(localDate, { zone: calendar.timeZone });
  if (!start.isValid) throw new InvalidTimeError(localDate, 'a YYYY-MM-DD date');
  return start.startOf('day');
};

/** The local date an instant falls on, in the calendar's zone. */
export const localDateAt = (calendar: Calendar, epochMillis: number): LocalDate =>
  DateTime.fromMillis(epochMillis, { zone: calendar.timeZone }).toISODate() ?? '';

export const localDateOf = (calendar: Calendar, instant: string): LocalDate =>
  localDateAt(calendar, parseInstant(instant));

export const plusLocalDays = (localDate: LocalDate, days: number): LocalDate =>
  DateTime.fromISO(localDate, { zone: 'UTC' }).plus({ days }).toISODate() ?? '';

/** Epoch ms of the first instant of the following local day (days can be 23 or 25 hours long). */
export const nextLocalDayStartMillis = (calendar: Calendar, localDate: LocalDate): number =>
  localDateStart(calendar, plusLocalDays(localDate, 1)).toMillis();

/** 23:59:59.999 local: the last millisecond of a local day, where every day-based deadline ends. */
export const endOfLocalDayMillis = (calendar: Calendar, localDate: LocalDate): number =>
  nextLocalDayStartMillis(calendar, localDate) - 1;

export const endOfLocalDay = (calendar: Calendar, localDate: LocalDate): string =>
  toIsoUtc(endOfLocalDayMillis(calendar, localDate));

/** ISO weekday (1 = Monday) of a local date. */
export const isoWeekdayOf = (localDate: LocalDate): number =>
  DateTime.fromISO(localDate, { zone: 'UTC' }).weekday;

export const yearOf = (localDate: LocalDate): number => Number(localDate.slice(0, 4));
