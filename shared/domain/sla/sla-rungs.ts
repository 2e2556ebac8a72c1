import type { Calendar } from '../calendar/calendar-types.js';
import { localDateAt, localDateStart, parseInstant, toIsoUtc } from '../calendar/local-time.js';
import { isWorkingDay, workingDayOnOrAfter } from '../calendar/working-days.js';
import { addWorkingMillis } from '../calendar/working-time.js';

const dayMs = 24 * 60 * 60 * 1000;

/**
 * When the next rung is told: `workingDays` whole working days of time after the previous
 * escalation, counted on the case's calendar (weekends and holidays do not count, make-up working
 * days do). Time that runs out at the start of a day off is moved to the start of the next working
 * day, so a leader is not told on a Saturday that the previous rung's Friday has ended.
 */
export const rungDueAt = (calendar: Calendar, escalatedAt: string, workingDays: number): string => {
  const reached = addWorkingMillis(calendar, parseInstant(escalatedAt), workingDays * dayMs);
  const day = localDateAt(calendar, reached);
  if (isWorkingDay(calendar, day)) return toIsoUtc(reached);
  return toIsoUtc(localDateStart(calendar, workingDayOnOrAfter(calendar, day)).toMillis());
};
