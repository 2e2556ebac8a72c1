import { describe, expect, it } from 'vitest';
import { addBusinessDays } from '../../shared/domain/calendar/business-days.js';
import {
  DuplicateCalendarError,
  InvalidCalendarError,
  UnknownCalendarError,
} from '../../shared/domain/calendar/calendar-errors.js';
import {
  builtInCalendarIds,
  calendarIds,
  createCalendarRegistry,
  getCalendar,
} from '../../shared/domain/calendar/calendar-registry.js';

/** A bank's own calendar; tests send it through JSON as a bank's file would arrive. */
const hongKong = {
  id: 'hk-bank',
  name: 'Hong Kong general holidays (excerpt)',
  timeZone: 'Asia/Hong_Kong',
  weekend: [6, 7],
  holidays: ['2026-01-01', '2026-02-17', '2026-02-18', '2026-02-19'],
  extraWorkingDays: [],
  coversYears: { from: 2026, to: 2026 },
};

const validCalendar = (): unknown => JSON.parse(JSON.stringify(hongKong));

const issuesOf = (input: Record<string, unknown>): string[] => {
  try {
    createCalendarRegistry([]).register({ ...hongKong, ...input });
  } catch (error) {
    if (error instanceof InvalidCalendarError)
      return error.issues.map((issue) => `${issue.path}: ${issue.message}`);
    throw error;
  }
  return [];
};

describe('calendar registry', () => {
  it('ships cn-mainland, gb-eng-wls and weekdays-utc', () => {
    expect(calendarIds()).toEqual(expect.arrayContaining([...builtInCalendarIds]));
    expect(getCalendar('cn-mainland').timeZone).toBe('Asia/Shanghai');
    expect(getCalendar('gb-eng-wls').timeZone).toBe('Europe/London');
    expect(getCalendar('weekdays-utc').coversYears).toBe('all');
  });

  it('names the calendar it cannot find', () => {
    expect(() => getCalendar('fr-metropole')).toThrow(UnknownCalendarError);
    expect(() => getCalendar('fr-metropole')).toThrow(/fr-metropole/);
  });

  it('lets a bank add its own calendar from JSON and compute with it', () => {
    const registry = createCalendarRegistry();
    registry.register(validCalendar());
    const hk = registry.get('hk-bank');
    // Received Friday 13 Feb 2026, 10:00 HKT: Monday 16 is day 1, 17-19 are Lunar New Year, Friday 20 is day 2.
    expect(addBusinessDays(hk, '2026-02-13T02:00:00Z', 2)).toBe('2026-02-20T15:59:59.999Z');
  });

  it('refuses a second calendar with a taken id, built-in or not', () => {
    const registry = createCalendarRegistry();
    registry.register(validCalendar());
    expect(() => registry.register(validCalendar())).toThrow(DuplicateCalendarError);
    expect(() => registry.register({ ...hongKong, id: 'cn-mainland' })).toThrow(DuplicateCalendarError);
  });

  it('rejects dates that do not exist or are not written YYYY-MM-DD', () => {
    expect(issuesOf({ holidays: ['2026-02-30'] })).toEqual([
      'holidays.0: must be a real calendar date written YYYY-MM-DD',
    ]);
    expect(issuesOf({ holidays: ['1/1/2026'] })).toHaveLength(1);
  });

  it('rejects a day listed both as holiday and as extra working day', () => {
    expect(issuesOf({ holidays: ['2026-02-14'], extraWorkingDays: ['2026-02-14'] })).toEqual([
      'extraWorkingDays.0: 2026-02-14 is listed both as a holiday and as an extra working day',
    ]);
  });

  it('rejects duplicates inside one list', () => {
    expect(issuesOf({ holidays: ['2026-01-01', '2026-01-01'] })).toEqual([
      'holidays: 2026-01-01 is listed more than once',
    ]);
  });

  it('rejects an unknown time zone', () => {
    expect(issuesOf({ timeZone: 'Asia/Beijing' })).toEqual(['timeZone: must be an IANA time zone']);
  });

  it('rejects an extra working day that is already a weekday (it would change nothing)', () => {
    expect(issuesOf({ extraWorkingDays: ['2026-02-16'] })).toEqual([
      'extraWorkingDays.0: 2026-02-16 is not a weekend day, so listing it as an extra working day has no effect',
    ]);
  });

  it('rejects listed days outside the declared years, and "all years" with finite lists', () => {
    expect(issuesOf({ holidays: ['2027-01-01'] })).toEqual([
      'holidays.0: 2027-01-01 is outside coversYears 2026-2026',
    ]);
    expect(issuesOf({ coversYears: 'all' })).toEqual([
      'coversYears: a calendar with listed days must name the years its lists cover',
    ]);
  });

  it('treats a calendar that does not mention provisional years as having none', () => {
    const registry = createCalendarRegistry([]);
    expect(registry.register(validCalendar()).provisionalYears).toEqual([]);
  });

  it('accepts provisional years inside the declared years', () => {
    const registry = createCalendarRegistry([]);
    const calendar = registry.register({
      ...hongKong,
      coversYears: { from: 2026, to: 2027 },
      provisionalYears: [2027],
    });
    expect(calendar.provisionalYears).toEqual([2027]);
  });

  it('rejects provisional years outside the declared years, repeated, or on an "all years" calendar', () => {
    expect(issuesOf({ provisionalYears: [2027] })).toEqual([
      'provisionalYears.0: 2027 is outside coversYears 2026-2026',
    ]);
    expect(issuesOf({ provisionalYears: [2026, 2026] })).toEqual([
      'provisionalYears: 2026 is listed more than once',
    ]);
    expect(issuesOf({ holidays: [], coversYears: 'all', provisionalYears: [2026] })).toEqual([
      'provisionalYears: a rule-only calendar (coversYears "all") has no provisional years',
    ]);
    expect(issuesOf({ provisionalYears: [2026.5] })).toHaveLength(1);
  });

  it('rejects a week with no working day and misspelt fields', () => {
    expect(issuesOf({ weekend: [1, 2, 3, 4, 5, 6, 7] })).toEqual([
      'weekend: at least one day a week must be worked',
    ]);
    expect(issuesOf({ extraWorkdays: [] })).toHaveLength(1);
  });
});
