import { describe, expect, it } from 'vitest';
import { CalendarCoverageError } from '../../shared/domain/calendar/calendar-errors.js';
import { getCalendar } from '../../shared/domain/calendar/calendar-registry.js';
import type { ClockPause } from '../../shared/domain/case/case-types.js';
import { deadlineCalculatorFor } from '../../shared/domain/clock-policy/calculator-for.js';
import { parseClockPolicy } from '../../shared/domain/clock-policy/clock-policy-registry.js';
import { createDeadlineCalculator } from '../../shared/domain/clock-policy/create-deadline-calculator.js';
import type { DeadlineInput } from '../../shared/domain/clock-policy/deadline-calculator.js';

const cn = deadlineCalculatorFor('cn-2020');
const receivedAt = '2026-09-30T02:00:00Z';
const baseDecideBy = '2026-10-15T15:59:59.999Z';
const input = (changes: Partial<DeadlineInput> = {}): DeadlineInput => ({
  receivedAt,
  priority: 'normal',
  pauses: [],
  extensions: [],
  ...changes,
});
const pause = (startedAt: string, endedAt?: string): ClockPause => ({
  startedAt,
  ...(endedAt ? { endedAt } : {}),
  reason: 'external appraisal',
});

/** A bank policy counted in business days whose clock stops for pauses (none of the presets is both). */
const businessDayPausable = parseClockPolicy({
  id: 'bank-business-days',
  name: 'Bank standard (business days)',
  source: 'Internal standard',
  defaultCalendarId: 'cn-mainland',
  decideWithin: { unit: 'business_days', amount: 10 },
  extensions: [],
  pausesStopClock: true,
  greenChannel: { rationale: 'Same clock for every customer.' },
});

describe('pauses on a calendar-day clock (cn-2020)', () => {
  it('counts an open pause up to now, so the deadline keeps the time that was left', () => {
    const open = input({ pauses: [pause('2026-10-10T02:00:00Z')], now: '2026-10-12T02:00:00Z' });
    expect(cn.deadlines(open).decideBy).toBe('2026-10-17T15:59:59.999Z');
  });

  it('gives an open pause no length when no current time is passed', () => {
    expect(cn.deadlines(input({ pauses: [pause('2026-10-10T02:00:00Z')] })).decideBy).toBe(baseDecideBy);
  });

  it('stops the clock once for overlapping pauses', () => {
    const overlapping = [
      pause('2026-10-05T00:00:00Z', '2026-10-07T00:00:00Z'),
      pause('2026-10-06T00:00:00Z', '2026-10-08T00:00:00Z'),
    ];
    expect(cn.deadlines(input({ pauses: overlapping })).decideBy).toBe('2026-10-18T15:59:59.999Z');
  });

  it('does not let a pause that starts after the deadline revive an expired clock', () => {
    const late = pause('2026-10-20T00:00:00Z', '2026-10-25T00:00:00Z');
    expect(cn.deadlines(input({ pauses: [late] })).decideBy).toBe(baseDecideBy);
  });

  it('moves the reminder with the paused deadline', () => {
    const paused = cn.deadlines(input({ pauses: [pause('2026-10-05T00:00:00Z', '2026-10-10T00:00:00Z')] }));
    expect(paused.decideBy).toBe('2026-10-20T15:59:59.999Z');
    expect(Date.parse(paused.remindAt ?? '')).toBeGreaterThan(Date.parse('2026-10-12T13:11:59.999Z'));
  });
});

describe('pauses on a business-day clock', () => {
  const calculator = createDeadlineCalculator(businessDayPausable, getCalendar('cn-mainland'));
  // Received Monday 21 September 2026, 10:00 Beijing: 10 working days end on 12 October
  // (Golden Week 1-7 October is off, Saturday 10 October is a make-up working day).
  const received = '2026-09-21T02:00:00Z';
  const base = { receivedAt: received, priority: 'normal' as const, pauses: [], extensions: [] };

  it('counts the make-up Saturday and skips Golden Week', () => {
    expect(calculator.deadlines(base).decideBy).toBe('2026-10-12T15:59:59.999Z');
  });

  it('adds nothing for a pause that lies wholly in a holiday', () => {
    const inHoliday = pause('2026-09-30T16:00:00Z', '2026-10-07T16:00:00Z');
    expect(calculator.deadlines({ ...base, pauses: [inHoliday] }).decideBy).toBe('2026-10-12T15:59:59.999Z');
  });

  it('adds one working day for a pause of one working day', () => {
    // All of Tuesday 29 September, Beijing time.
    const oneDay = pause('2026-09-28T16:00:00Z', '2026-09-29T16:00:00Z');
    expect(calculator.deadlines({ ...base, pauses: [oneDay] }).decideBy).toBe('2026-10-13T15:59:59.999Z');
  });
});

describe('coverage', () => {
  it('uses the provisional 2027 statutory holidays for a receipt on 31 December 2026', () => {
    // 1 January 2027 is New Year's Day and 2-3 January a weekend, so Monday 4 January acknowledges.
    expect(cn.deadlines(input({ receivedAt: '2026-12-31T02:00:00Z' })).acknowledgeBy).toBe(
      '2027-01-04T15:59:59.999Z',
    );
  });

  it('refuses to compute a working-day acknowledgement in a year the calendar does not cover', () => {
    // Received 31 December 2027: nothing is known yet about the 2028 holidays.
    expect(() => cn.deadlines(input({ receivedAt: '2027-12-31T02:00:00Z' }))).toThrow(CalendarCoverageError);
  });
});
