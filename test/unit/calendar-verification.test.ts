import { isHoliday as cnPackageIsHoliday, isWorkday as cnPackageIsWorkday } from 'chinese-days';
import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import { CalendarCoverageError } from '../../shared/domain/calendar/calendar-errors.js';
import { getCalendar } from '../../shared/domain/calendar/calendar-registry.js';
import { plusLocalDays } from '../../shared/domain/calendar/local-time.js';
import { isWorkingDay } from '../../shared/domain/calendar/working-days.js';

const daysOf = (from: string, to: string): string[] => {
  const days: string[] = [];
  for (let day = from; day <= to; day = plusLocalDays(day, 1)) days.push(day);
  return days;
};

const cn = getCalendar('cn-mainland');
const gb = getCalendar('gb-eng-wls');

describe('cn-mainland against the chinese-days package', () => {
  // The package has no per-year flag, but New Year's Day is a holiday in every year it knows.
  const packageYears = [2025, 2026, 2027].filter((year) => cnPackageIsHoliday(`${year}-01-01`));

  it('has package data for 2025 and 2026 only; our 2027 is provisional and 2028 is not covered', () => {
    expect(packageYears).toEqual([2025, 2026]);
    expect(cn.coversYears).toEqual({ from: 2025, to: 2027 });
    expect(cn.provisionalYears).toEqual([2027]);
    expect(() => isWorkingDay(cn, '2028-01-04')).toThrow(CalendarCoverageError);
  });

  it('agrees on whether staff work, every day of 2025 and 2026', () => {
    const days = daysOf('2025-01-01', '2026-12-31');
    const disagreements = days.filter((day) => isWorkingDay(cn, day) !== cnPackageIsWorkday(day));
    expect(days).toHaveLength(730);
    expect(disagreements).toEqual([]);
  });
});

describe('gb-eng-wls against the date-holidays package (GB, ENG)', () => {
  const packageHolidays = new Holidays('GB', 'ENG');
  const bankHolidaysIn = (year: number): Set<string> =>
    new Set(
      packageHolidays
        .getHolidays(year)
        .filter((holiday) => holiday.type === 'public' || holiday.type === 'bank')
        .map((holiday) => holiday.date.slice(0, 10)),
    );
  const packageByYear = new Map([2025, 2026, 2027].map((year) => [year, bankHolidaysIn(year)]));

  it('has package data for each of 2025, 2026 and 2027 (so the comparison is not vacuous)', () => {
    for (const [year, holidays] of packageByYear) {
      expect(holidays.has(`${year}-01-01`), `New Year ${year}`).toBe(true);
      expect(holidays.size, `bank holidays in ${year}`).toBeGreaterThanOrEqual(8);
    }
  });

  it('agrees on whether staff work, every day of 2025 to 2027', () => {
    const days = daysOf('2025-01-01', '2027-12-31');
    const packageSaysWorking = (day: string): boolean => {
      const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
      const holidays = packageByYear.get(Number(day.slice(0, 4)));
      return weekday !== 0 && weekday !== 6 && !holidays?.has(day);
    };
    const disagreements = days.filter((day) => isWorkingDay(gb, day) !== packageSaysWorking(day));
    expect(days).toHaveLength(1095);
    expect(disagreements).toEqual([]);
  });
});

describe('hand-checked facts', () => {
  const facts: { calendar: string; day: string; working: boolean; why: string }[] = [
    {
      calendar: 'cn-mainland',
      day: '2026-02-14',
      working: true,
      why: 'Saturday make-up working day before 春节',
    },
    {
      calendar: 'cn-mainland',
      day: '2026-02-28',
      working: true,
      why: 'Saturday make-up working day after 春节',
    },
    { calendar: 'cn-mainland', day: '2026-02-16', working: false, why: '春节 (Monday)' },
    { calendar: 'cn-mainland', day: '2026-10-01', working: false, why: '国庆节' },
    {
      calendar: 'cn-mainland',
      day: '2026-10-07',
      working: false,
      why: 'last day of the National Day holiday',
    },
    { calendar: 'cn-mainland', day: '2026-10-10', working: true, why: 'Saturday make-up working day' },
    { calendar: 'cn-mainland', day: '2026-09-20', working: true, why: 'Sunday make-up working day' },
    {
      calendar: 'cn-mainland',
      day: '2025-01-26',
      working: true,
      why: 'Sunday make-up working day before 春节',
    },
    {
      calendar: 'cn-mainland',
      day: '2025-10-08',
      working: false,
      why: 'National Day and Mid-Autumn, 8 days',
    },
    { calendar: 'cn-mainland', day: '2025-10-09', working: true, why: 'first day back after National Day' },
    { calendar: 'gb-eng-wls', day: '2026-04-03', working: false, why: 'Good Friday 2026' },
    { calendar: 'gb-eng-wls', day: '2026-04-06', working: false, why: 'Easter Monday 2026' },
    {
      calendar: 'gb-eng-wls',
      day: '2026-12-28',
      working: false,
      why: 'Boxing Day substitute (26th is a Saturday)',
    },
    { calendar: 'gb-eng-wls', day: '2027-03-26', working: false, why: 'Good Friday 2027' },
    { calendar: 'gb-eng-wls', day: '2027-12-27', working: false, why: 'Christmas Day substitute' },
    { calendar: 'gb-eng-wls', day: '2027-12-28', working: false, why: 'Boxing Day substitute' },
    { calendar: 'gb-eng-wls', day: '2027-12-29', working: true, why: 'ordinary Wednesday' },
    { calendar: 'weekdays-utc', day: '2026-12-25', working: true, why: 'no holidays in the plain calendar' },
    { calendar: 'weekdays-utc', day: '2026-02-14', working: false, why: 'plain Saturday' },
  ];

  it.each(facts)('$calendar $day working=$working ($why)', ({ calendar, day, working }) => {
    expect(isWorkingDay(getCalendar(calendar), day)).toBe(working);
  });
});
