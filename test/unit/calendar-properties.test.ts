import { isWorkday as cnPackageIsWorkday } from 'chinese-days';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { addBusinessDays } from '../../shared/domain/calendar/business-days.js';
import { addCalendarDays } from '../../shared/domain/calendar/calendar-days.js';
import { getCalendar } from '../../shared/domain/calendar/calendar-registry.js';
import type { Calendar } from '../../shared/domain/calendar/calendar-types.js';
import { endOfLocalDay, localDateOf, plusLocalDays } from '../../shared/domain/calendar/local-time.js';
import { isWorkingDay } from '../../shared/domain/calendar/working-days.js';
import {
  addWorkingTime,
  moveDeadlineByWorkingTime,
  workingTimeBetween,
} from '../../shared/domain/calendar/working-time.js';

const day = 86_400_000;
const cn = getCalendar('cn-mainland');

/**
 * Receipt ranges leave room after them so no count runs past a calendar's holiday data
 * (cn-mainland's 2027 is provisional, which these properties do not depend on).
 */
const calendars: { calendar: Calendar; from: string; to: string }[] = [
  { calendar: cn, from: '2025-01-01T00:00:00Z', to: '2027-08-31T00:00:00Z' },
  { calendar: getCalendar('gb-eng-wls'), from: '2025-01-01T00:00:00Z', to: '2027-08-31T00:00:00Z' },
  { calendar: getCalendar('weekdays-utc'), from: '2025-01-01T00:00:00Z', to: '2027-12-31T00:00:00Z' },
];

const instantBetween = (from: string, to: string) =>
  fc.integer({ min: Date.parse(from), max: Date.parse(to) }).map((ms) => new Date(ms).toISOString());

const receipt = fc
  .constantFrom(...calendars)
  .chain(({ calendar, from, to }) =>
    fc.record({ calendar: fc.constant(calendar), at: instantBetween(from, to) }),
  );

const count = fc.integer({ min: 1, max: 30 });
const ms = (iso: string): number => Date.parse(iso);

const localTimeOf = (calendar: Calendar, iso: string): string =>
  DateTime.fromISO(iso, { zone: calendar.timeZone }).toFormat('HH:mm:ss.SSS');

describe('calendar maths properties (random receipts in 2025-2027)', () => {
  it('a deadline never lands before receipt', () => {
    fc.assert(
      fc.property(receipt, fc.integer({ min: 0, max: 30 }), ({ calendar, at }, n) => {
        expect(ms(addBusinessDays(calendar, at, n))).toBeGreaterThanOrEqual(ms(at));
        expect(ms(addCalendarDays(calendar, at, n))).toBeGreaterThanOrEqual(ms(at));
      }),
    );
  });

  it('a business-day deadline is the end of a working day in the calendar zone', () => {
    fc.assert(
      fc.property(receipt, fc.integer({ min: 0, max: 30 }), ({ calendar, at }, n) => {
        const deadline = addBusinessDays(calendar, at, n);
        expect(deadline.endsWith('Z')).toBe(true);
        expect(isWorkingDay(calendar, localDateOf(calendar, deadline))).toBe(true);
        expect(localTimeOf(calendar, deadline)).toBe('23:59:59.999');
      }),
    );
  });

  it('counts exactly N working days after the receipt day, as chinese-days counts them', () => {
    // chinese-days has no 2027 data, so receipts stay where every count ends in 2026.
    const cnReceipt = instantBetween('2025-01-01T00:00:00Z', '2026-08-31T00:00:00Z');
    fc.assert(
      fc.property(cnReceipt, count, (at, n) => {
        const last = localDateOf(cn, addBusinessDays(cn, at, n));
        let worked = 0;
        for (let d = plusLocalDays(localDateOf(cn, at), 1); d <= last; d = plusLocalDays(d, 1)) {
          if (cnPackageIsWorkday(d)) worked += 1;
        }
        expect(worked).toBe(n);
        expect(cnPackageIsWorkday(last)).toBe(true);
      }),
    );
  });

  it('a make-up weekend day in China counts as a working day', () => {
    const makeUpDay = fc.constantFrom(...cn.extraWorkingDays);
    const timeOfDay = fc.integer({ min: 0, max: day - 1 });
    fc.assert(
      fc.property(makeUpDay, timeOfDay, (extra, offset) => {
        const dayBefore = DateTime.fromISO(plusLocalDays(extra, -1), { zone: cn.timeZone }).plus(offset);
        const onTheDay = DateTime.fromISO(extra, { zone: cn.timeZone }).plus(offset);
        expect(addBusinessDays(cn, dayBefore.toUTC().toISO() ?? '', 1)).toBe(endOfLocalDay(cn, extra));
        expect(addBusinessDays(cn, onTheDay.toUTC().toISO() ?? '', 0)).toBe(endOfLocalDay(cn, extra));
      }),
    );
  });

  it('adding N then M business days equals adding N+M', () => {
    fc.assert(
      fc.property(receipt, count, count, ({ calendar, at }, n, m) => {
        const stepwise = addBusinessDays(calendar, addBusinessDays(calendar, at, n), m);
        expect(stepwise).toBe(addBusinessDays(calendar, at, n + m));
      }),
    );
  });

  it('advancing by an amount of working time spans exactly that much working time', () => {
    const amount = fc.integer({ min: 0, max: 20 * day });
    fc.assert(
      fc.property(receipt, amount, ({ calendar, at }, workingMillis) => {
        expect(workingTimeBetween(calendar, at, addWorkingTime(calendar, at, workingMillis))).toBe(
          workingMillis,
        );
      }),
    );
  });

  it('moving a business-day deadline by working time keeps it on a working day, moved by exactly that much', () => {
    const amount = fc.integer({ min: 0, max: 20 * day });
    fc.assert(
      fc.property(receipt, count, amount, ({ calendar, at }, n, workingMillis) => {
        const deadline = addBusinessDays(calendar, at, n);
        const moved = moveDeadlineByWorkingTime(calendar, deadline, workingMillis);
        expect(isWorkingDay(calendar, localDateOf(calendar, moved))).toBe(true);
        expect(workingTimeBetween(calendar, deadline, moved)).toBe(workingMillis);
      }),
    );
  });
});
