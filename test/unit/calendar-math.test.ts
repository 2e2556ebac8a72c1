import { describe, expect, it } from 'vitest';
import { addBusinessDays } from '../../shared/domain/calendar/business-days.js';
import { addCalendarDays } from '../../shared/domain/calendar/calendar-days.js';
import { CalendarCoverageError, InvalidTimeError } from '../../shared/domain/calendar/calendar-errors.js';
import { getCalendar } from '../../shared/domain/calendar/calendar-registry.js';
import { endOfLocalDay, localDateOf } from '../../shared/domain/calendar/local-time.js';
import { isWorkingDay, nextWorkingDay } from '../../shared/domain/calendar/working-days.js';
import {
  addWorkingTime,
  moveDeadlineByWorkingTime,
  workingTimeBetween,
} from '../../shared/domain/calendar/working-time.js';

const cn = getCalendar('cn-mainland');
const gb = getCalendar('gb-eng-wls');
const utc = getCalendar('weekdays-utc');
const hour = 3_600_000;
const day = 24 * hour;

describe('working days', () => {
  it('treats a make-up Saturday in China as a working day and an ordinary Saturday as not', () => {
    expect(isWorkingDay(cn, '2026-02-14')).toBe(true);
    expect(isWorkingDay(cn, '2026-03-07')).toBe(false);
  });

  it('finds the next working day across the Spring Festival', () => {
    expect(nextWorkingDay(cn, '2026-02-14')).toBe('2026-02-24');
  });

  it('refuses to guess about years a holiday calendar does not cover', () => {
    expect(() => isWorkingDay(cn, '2028-02-08')).toThrow(CalendarCoverageError);
    expect(() => isWorkingDay(cn, '2024-12-31')).toThrow(/no holiday data for 2024 \(covers 2025-2027\)/);
    expect(() => isWorkingDay(gb, '2024-12-25')).toThrow(/no holiday data for 2024/);
    expect(isWorkingDay(utc, '2040-01-02')).toBe(true);
  });
});

describe('business days', () => {
  it('counts from the day after receipt and ends at 23:59:59.999 local', () => {
    // Friday 6 March 2026, 15:00 London: day 1 is Monday 9 March.
    expect(addBusinessDays(gb, '2026-03-06T15:00:00Z', 1)).toBe('2026-03-09T23:59:59.999Z');
  });

  it('takes the receipt day from the calendar zone, not from UTC', () => {
    // 2026-02-13T17:00Z is 01:00 on Saturday 14 Feb in Beijing, a make-up working day.
    expect(localDateOf(cn, '2026-02-13T17:00:00Z')).toBe('2026-02-14');
    expect(addBusinessDays(cn, '2026-02-13T17:00:00Z', 0)).toBe('2026-02-14T15:59:59.999Z');
    expect(addBusinessDays(cn, '2026-02-13T17:00:00Z', 1)).toBe('2026-02-24T15:59:59.999Z');
  });

  it('with zero days means the same working day, or the next one if received on a day off', () => {
    expect(addBusinessDays(gb, '2026-04-03T09:00:00Z', 0)).toBe('2026-04-07T22:59:59.999Z');
    expect(addBusinessDays(utc, '2026-06-10T09:00:00Z', 0)).toBe('2026-06-10T23:59:59.999Z');
  });

  it('skips Good Friday and Easter Monday in England', () => {
    // Thursday 2 April 2026: 5 business days are 7, 8, 9, 10 and 13 April.
    expect(addBusinessDays(gb, '2026-04-02T08:00:00Z', 5)).toBe('2026-04-13T22:59:59.999Z');
  });

  it('rejects instants without an offset and negative counts', () => {
    expect(() => addBusinessDays(gb, '2026-04-02T08:00:00', 1)).toThrow(InvalidTimeError);
    expect(() => addBusinessDays(gb, '2026-04-02T08:00:00Z', -1)).toThrow(RangeError);
  });
});

describe('calendar days', () => {
  it('ends at the end of the local day, across a clock change', () => {
    // UK clocks go forward on 29 March 2026, so the end of that day is 22:59:59.999Z.
    expect(addCalendarDays(gb, '2026-03-28T12:00:00Z', 1)).toBe('2026-03-29T22:59:59.999Z');
    expect(endOfLocalDay(cn, '2026-10-15')).toBe('2026-10-15T15:59:59.999Z');
  });

  it('needs no holiday data, so works past a calendar coverage', () => {
    expect(addCalendarDays(cn, '2026-12-25T02:00:00Z', 15)).toBe('2027-01-09T15:59:59.999Z');
  });
});

describe('working time', () => {
  it('counts only the parts of an interval that fall on working days', () => {
    // Friday 18:00 to Monday 06:00 UTC: 6 hours of Friday and 6 hours of Monday.
    expect(workingTimeBetween(utc, '2026-06-12T18:00:00Z', '2026-06-15T06:00:00Z')).toBe(12 * hour);
    expect(workingTimeBetween(cn, '2026-09-30T16:00:00Z', '2026-10-07T16:00:00Z')).toBe(0);
  });

  it('advances over non-working days', () => {
    // From Friday 20:00 UTC, 10 working hours: 4 on Friday, then 6 into Monday.
    expect(addWorkingTime(utc, '2026-06-12T20:00:00Z', 10 * hour)).toBe('2026-06-15T06:00:00.000Z');
  });

  it('moves a deadline by working time so it stays at the end of a working day', () => {
    // A deadline at the end of Thursday 2 April 2026 (London), moved by one working day, skips
    // Good Friday, the weekend and Easter Monday: end of Tuesday 7 April.
    expect(moveDeadlineByWorkingTime(gb, '2026-04-02T22:59:59.999Z', day)).toBe('2026-04-07T22:59:59.999Z');
    expect(moveDeadlineByWorkingTime(gb, '2026-04-02T22:59:59.999Z', 0)).toBe('2026-04-02T22:59:59.999Z');
  });
});
