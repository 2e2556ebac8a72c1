import { getSolarDateFromLunar, getSolarTermDate } from 'chinese-days';
import { describe, expect, it } from 'vitest';
import { addBusinessDays } from '../../shared/domain/calendar/business-days.js';
import { CalendarCoverageError } from '../../shared/domain/calendar/calendar-errors.js';
import { getCalendar } from '../../shared/domain/calendar/calendar-registry.js';
import { localDateOf, plusLocalDays } from '../../shared/domain/calendar/local-time.js';
import {
  isProvisional,
  isProvisionalBetween,
  isWorkingDay,
  nextWorkingDay,
} from '../../shared/domain/calendar/working-days.js';
import { deadlineCalculatorFor } from '../../shared/domain/clock-policy/calculator-for.js';

const cn = getCalendar('cn-mainland');

/**
 * chinese-days reads and writes dates in the process's local zone, and its lunar conversion is a
 * day early in some zones west of UTC (America/Los_Angeles, for one). The lunar calendar is
 * reckoned in Beijing time, so pin the zone while asking it, whatever zone the tests run in.
 */
const inBeijingTime = <T>(compute: () => T): T => {
  const previous = process.env.TZ;
  process.env.TZ = 'Asia/Shanghai';
  try {
    return compute();
  } finally {
    if (previous === undefined) Reflect.deleteProperty(process.env, 'TZ');
    else process.env.TZ = previous;
  }
};

/**
 * The statutory holidays of 全国年节及纪念日放假办法 (as revised in 2024) for one year, with
 * the lunar and solar-term dates from chinese-days. No bridging, substitute or make-up days:
 * those come only from each year's State Council notice.
 */
const statutoryHolidays = (year: number): string[] =>
  inBeijingTime(() => {
    const lunarNewYear = getSolarDateFromLunar(`${year}-01-01`).date;
    return [
      `${year}-01-01`, // 元旦
      plusLocalDays(lunarNewYear, -1), // 除夕
      lunarNewYear, // 正月初一
      plusLocalDays(lunarNewYear, 1), // 正月初二
      plusLocalDays(lunarNewYear, 2), // 正月初三
      getSolarTermDate(year, 4, 'pure_brightness'), // 清明
      `${year}-05-01`, // 劳动节
      `${year}-05-02`,
      getSolarDateFromLunar(`${year}-05-05`).date, // 端午
      getSolarDateFromLunar(`${year}-08-15`).date, // 中秋
      `${year}-10-01`, // 国庆节
      `${year}-10-02`,
      `${year}-10-03`,
    ].sort();
  });

const listedIn = (days: readonly string[], year: number): string[] =>
  days.filter((day) => day.startsWith(`${year}-`)).sort();

describe('cn-mainland 2027 (provisional statutory holidays)', () => {
  it('derives statutory dates the confirmed 2025 and 2026 notices agree with', () => {
    // The derivation is checked where the State Council notices are known: each statutory day is a holiday.
    for (const year of [2025, 2026]) {
      const notListed = statutoryHolidays(year).filter((day) => !cn.holidays.includes(day));
      expect(notListed, `statutory days missing from ${year}`).toEqual([]);
    }
  });

  it('lists exactly the statutory days that chinese-days lunar conversion gives for 2027', () => {
    const expected = statutoryHolidays(2027);
    expect(expected).toHaveLength(13);
    expect(listedIn(cn.holidays, 2027)).toEqual(expected);
  });

  it('lists the 2027 dates as written in the data file', () => {
    expect(listedIn(cn.holidays, 2027)).toEqual([
      '2027-01-01',
      '2027-02-05',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
      '2027-04-05',
      '2027-05-01',
      '2027-05-02',
      '2027-06-09',
      '2027-09-15',
      '2027-10-01',
      '2027-10-02',
      '2027-10-03',
    ]);
  });

  it('lists no make-up working days for 2027', () => {
    expect(listedIn(cn.extraWorkingDays, 2027)).toEqual([]);
  });

  it.each([
    ['2027-01-01', '元旦 (Friday)'],
    ['2027-02-05', '除夕 (Friday)'],
    ['2027-02-06', '正月初一 (Saturday)'],
    ['2027-02-07', '正月初二 (Sunday)'],
    ['2027-02-08', '正月初三 (Monday)'],
    ['2027-06-09', '端午节 (Wednesday)'],
  ])('%s is not a working day (%s)', (day) => {
    expect(isWorkingDay(cn, day)).toBe(false);
  });

  it.each([
    ['2027-01-04', 'Monday after 元旦'],
    ['2027-02-09', 'first weekday after 正月初三'],
    ['2027-03-17', 'ordinary Wednesday'],
  ])('%s is a working day (%s)', (day) => {
    expect(isWorkingDay(cn, day)).toBe(true);
  });

  it('still refuses 2028, which has no data at all', () => {
    expect(() => isWorkingDay(cn, '2028-03-15')).toThrow(CalendarCoverageError);
    expect(() => nextWorkingDay(cn, '2027-12-31')).toThrow(CalendarCoverageError);
  });
});

describe('a complaint received at the end of 2026', () => {
  // Thursday 31 December 2026, 10:00 Beijing time.
  const receivedAt = '2026-12-31T02:00:00Z';

  it('gets a 1-working-day acknowledgement on Monday 4 January 2027 without throwing', () => {
    const acknowledgeBy = addBusinessDays(cn, receivedAt, 1);
    expect(acknowledgeBy).toBe('2027-01-04T15:59:59.999Z');
    expect(isProvisional(cn, localDateOf(cn, acknowledgeBy))).toBe(true);
  });

  it('gets the same acknowledgement from the cn-2020 clock policy', () => {
    const deadlines = deadlineCalculatorFor('cn-2020').deadlines({
      receivedAt,
      priority: 'normal',
      pauses: [],
      extensions: [],
    });
    expect(deadlines.acknowledgeBy).toBe('2027-01-04T15:59:59.999Z');
  });
});

describe('isProvisional', () => {
  it('is true for 2027 dates and false for 2025 and 2026', () => {
    expect(isProvisional(cn, '2027-01-01')).toBe(true);
    expect(isProvisional(cn, '2027-12-31')).toBe(true);
    expect(isProvisional(cn, '2026-12-31')).toBe(false);
    expect(isProvisional(cn, '2025-06-01')).toBe(false);
  });

  it('is false where the calendar has no data, and for calendars with no provisional years', () => {
    expect(isProvisional(cn, '2028-01-03')).toBe(false);
    expect(isProvisional(getCalendar('gb-eng-wls'), '2027-05-03')).toBe(false);
    expect(isProvisional(getCalendar('weekdays-utc'), '2027-05-03')).toBe(false);
  });

  it('rejects a date that is not YYYY-MM-DD', () => {
    expect(() => isProvisional(cn, '2027/01/04')).toThrow(/YYYY-MM-DD/);
  });

  it('flags a span that reaches into a provisional year, in either order', () => {
    expect(isProvisionalBetween(cn, '2026-12-31', '2027-01-04')).toBe(true);
    expect(isProvisionalBetween(cn, '2027-01-04', '2026-12-31')).toBe(true);
    expect(isProvisionalBetween(cn, '2026-01-01', '2026-12-31')).toBe(false);
  });
});
