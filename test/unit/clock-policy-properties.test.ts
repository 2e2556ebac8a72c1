import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getCalendar } from '../../shared/domain/calendar/calendar-registry.js';
import type { Calendar } from '../../shared/domain/calendar/calendar-types.js';
import { localDateOf } from '../../shared/domain/calendar/local-time.js';
import { isWorkingDay } from '../../shared/domain/calendar/working-days.js';
import { workingTimeBetween } from '../../shared/domain/calendar/working-time.js';
import type { ClockExtension, Priority } from '../../shared/domain/case/case-types.js';
import { deadlineCalculatorFor } from '../../shared/domain/clock-policy/calculator-for.js';
import {
  parseClockPolicy,
  presetClockPolicyIds,
} from '../../shared/domain/clock-policy/clock-policy-registry.js';
import { createDeadlineCalculator } from '../../shared/domain/clock-policy/create-deadline-calculator.js';

const day = 86_400_000;
const ms = (iso: string | undefined): number => Date.parse(iso ?? '');
const instantBetween = (from: string, to: string) =>
  fc.integer({ min: Date.parse(from), max: Date.parse(to) }).map((t) => new Date(t).toISOString());

/** Receipts late enough in a calendar's data to leave room for the longest clock. */
const receiptWindow: Record<string, [string, string]> = {
  'cn-mainland': ['2025-01-01T00:00:00Z', '2026-10-31T00:00:00Z'],
  'gb-eng-wls': ['2025-01-01T00:00:00Z', '2027-08-31T00:00:00Z'],
  'weekdays-utc': ['2025-01-01T00:00:00Z', '2027-12-31T00:00:00Z'],
};

const extensionsUpTo = (steps: number): ClockExtension[] =>
  Array.from({ length: steps }, (_, index) => ({
    step: index + 1,
    reason: 'complex',
    at: '2025-01-01T00:00:00Z',
    by: 'staff-1',
    approvedBy: 'supervisor-1',
  }));

const presetCase = fc.constantFrom(...presetClockPolicyIds).chain((policyId) => {
  const calculator = deadlineCalculatorFor(policyId);
  const [from, to] = receiptWindow[calculator.calendarId] ?? ['', ''];
  return fc.record({
    calculator: fc.constant(calculator),
    receivedAt: instantBetween(from, to),
    priority: fc.constantFrom<Priority>('normal', 'green_channel'),
    steps: fc.integer({ min: 0, max: calculator.maxExtensions }),
  });
});

describe('deadline properties for every preset', () => {
  it('no deadline lands before receipt and the reminder falls before the decision date', () => {
    fc.assert(
      fc.property(presetCase, ({ calculator, receivedAt, priority, steps }) => {
        const deadlines = calculator.deadlines({
          receivedAt,
          priority,
          pauses: [],
          extensions: extensionsUpTo(steps),
        });
        expect(ms(deadlines.decideBy)).toBeGreaterThan(ms(receivedAt));
        // "On receipt" acknowledgement of a complaint arriving at 23:59:59.999 is due that very instant.
        if (deadlines.acknowledgeBy)
          expect(ms(deadlines.acknowledgeBy)).toBeGreaterThanOrEqual(ms(receivedAt));
        expect(ms(deadlines.remindAt)).toBeGreaterThanOrEqual(ms(receivedAt));
        expect(ms(deadlines.remindAt)).toBeLessThanOrEqual(ms(deadlines.decideBy));
      }),
    );
  });

  it('the green channel is never slower than the normal clock', () => {
    fc.assert(
      fc.property(presetCase, ({ calculator, receivedAt, steps }) => {
        const base = { receivedAt, pauses: [], extensions: extensionsUpTo(steps) };
        const normal = calculator.deadlines({ ...base, priority: 'normal' });
        const green = calculator.deadlines({ ...base, priority: 'green_channel' });
        expect(ms(green.decideBy)).toBeLessThanOrEqual(ms(normal.decideBy));
        expect(ms(green.acknowledgeBy)).toBeLessThanOrEqual(ms(normal.acknowledgeBy ?? green.acknowledgeBy));
      }),
    );
  });
});

describe('pause properties', () => {
  const businessDayPolicy = parseClockPolicy({
    id: 'bank-business-days',
    name: 'Bank standard (business days)',
    source: 'Internal standard',
    defaultCalendarId: 'cn-mainland',
    decideWithin: { unit: 'business_days', amount: 10 },
    extensions: [],
    pausesStopClock: true,
    greenChannel: { rationale: 'Same clock for every customer.' },
  });

  const pausedCase = (calendar: Calendar, receiptFrom: string, receiptTo: string) => {
    const calculator = createDeadlineCalculator(businessDayPolicy, calendar);
    return instantBetween(receiptFrom, receiptTo).chain((receivedAt) => {
      const decideBy = calculator.deadlines({
        receivedAt,
        priority: 'normal',
        pauses: [],
        extensions: [],
      }).decideBy;
      return fc.record({
        calculator: fc.constant(calculator),
        calendar: fc.constant(calendar),
        receivedAt: fc.constant(receivedAt),
        decideBy: fc.constant(decideBy),
        startMillis: fc.integer({ min: ms(receivedAt), max: ms(decideBy) }),
        lengthMillis: fc.integer({ min: 1, max: 10 * day }),
      });
    });
  };

  const businessDayCases = fc.oneof(
    pausedCase(getCalendar('cn-mainland'), '2025-01-01T00:00:00Z', '2026-10-31T00:00:00Z'),
    pausedCase(getCalendar('gb-eng-wls'), '2025-01-01T00:00:00Z', '2027-10-31T00:00:00Z'),
  );

  it('on a business-day clock a pause moves the deadline by exactly its working length, onto a working day', () => {
    fc.assert(
      fc.property(
        businessDayCases,
        ({ calculator, calendar, receivedAt, decideBy, startMillis, lengthMillis }) => {
          const startedAt = new Date(startMillis).toISOString();
          const endedAt = new Date(startMillis + lengthMillis).toISOString();
          const paused = calculator.deadlines({
            receivedAt,
            priority: 'normal',
            pauses: [{ startedAt, endedAt, reason: 'appraisal' }],
            extensions: [],
          }).decideBy;
          expect(workingTimeBetween(calendar, decideBy, paused)).toBe(
            workingTimeBetween(calendar, startedAt, endedAt),
          );
          expect(isWorkingDay(calendar, localDateOf(calendar, paused))).toBe(true);
        },
      ),
    );
  });

  it('on a calendar-day clock (cn-2020) a pause moves the deadline by exactly its duration', () => {
    const cn = deadlineCalculatorFor('cn-2020');
    // The 1-working-day acknowledgement needs holiday data, so receipts stay within cn-mainland's years.
    const cases = instantBetween('2025-01-01T00:00:00Z', '2026-12-30T00:00:00Z').chain((receivedAt) => {
      const decideBy = cn.deadlines({ receivedAt, priority: 'normal', pauses: [], extensions: [] }).decideBy;
      return fc.record({
        receivedAt: fc.constant(receivedAt),
        decideBy: fc.constant(decideBy),
        startMillis: fc.integer({ min: ms(receivedAt), max: ms(decideBy) }),
        lengthMillis: fc.integer({ min: 1, max: 30 * day }),
      });
    });
    fc.assert(
      fc.property(cases, ({ receivedAt, decideBy, startMillis, lengthMillis }) => {
        const startedAt = new Date(startMillis).toISOString();
        const endedAt = new Date(startMillis + lengthMillis).toISOString();
        const paused = cn.deadlines({
          receivedAt,
          priority: 'normal',
          pauses: [{ startedAt, endedAt, reason: 'appraisal' }],
          extensions: [],
        }).decideBy;
        expect(ms(paused) - ms(decideBy)).toBe(lengthMillis);
      }),
    );
  });
});
