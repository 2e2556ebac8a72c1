import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getCalendar } from '../../shared/domain/calendar/calendar-registry.js';
import { applyCommand } from '../../shared/domain/case/apply-command.js';
import type { CaseCommand, TransitionContext } from '../../shared/domain/case/case-commands.js';
import type { Actor, ComplaintCase, Priority } from '../../shared/domain/case/case-types.js';
import { deadlineCalculatorFor } from '../../shared/domain/clock-policy/calculator-for.js';
import { defaultEscalationLadder } from '../../shared/domain/escalation/escalation-ladder.js';
import { slaCommandFor } from '../../shared/domain/sla/sla-commands.js';
import { dueActions, nextWakeAt } from '../../shared/domain/sla/sla-due.js';
import type { SlaContext } from '../../shared/domain/sla/sla-types.js';
import { receivedCase, registerCommand, slaWorkflow, staff } from './support/case-fixtures.js';

/*
 * Step Functions reads a Wait state's timestamp to the second and drops the milliseconds, so the
 * watch must never be told to wake at a sub-second instant: it would wake just before the action
 * falls due, find nothing and wait again.
 */

const calculator = deadlineCalculatorFor('cn-2020', 'cn-mainland');
const sla: SlaContext = { ladder: defaultEscalationLadder, calendar: getCalendar('cn-mainland') };
const teller = staff('teller-li');
const minuteMs = 60_000;
const hourMs = 60 * minuteMs;

const apply = (c: ComplaintCase, command: CaseCommand, at: Date, actor: Actor = teller): ComplaintCase => {
  const ctx: TransitionContext = { actor, now: at, deadlines: calculator, ladder: defaultEscalationLadder };
  return applyCommand(c, command, ctx).case;
};

/** Received at `receivedAt`, registered five minutes later, then the staff commands an hour apart. */
function openCase(
  receivedAt: Date,
  commands: readonly CaseCommand[],
  priority: Priority = 'normal',
): ComplaintCase {
  let c = apply(
    receivedCase({ receivedAt: receivedAt.toISOString() }),
    { ...registerCommand, priority },
    new Date(receivedAt.getTime() + 5 * minuteMs),
  );
  commands.forEach((command, index) => {
    c = apply(c, command, new Date(receivedAt.getTime() + (index + 1) * hourMs));
  });
  return c;
}

const wakeOf = (c: ComplaintCase): string => {
  const wake = nextWakeAt(c, sla);
  if (wake === undefined) throw new Error('an open case with a running clock must have a wake time');
  return wake;
};

/** What a Wait state does with a timestamp: keeps the whole seconds. */
const truncatedToSecond = (instant: string): Date => new Date(Math.floor(Date.parse(instant) / 1000) * 1000);

const wholeSecondIso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/;

describe('the SLA watch wakes on a whole second', () => {
  it('wakes a reminder due with milliseconds on the following whole second, never before it', () => {
    const c = openCase(new Date('2025-03-03T01:30:00.000Z'), [
      { type: 'acknowledge' },
      { type: 'start_work' },
    ]);
    const remindAt = c.deadlines?.remindAt ?? '';
    expect(remindAt).toBe('2025-03-15T13:05:59.999Z');

    const wake = wakeOf(c);
    expect(wake).toBe('2025-03-15T13:06:00.000Z');
    expect(Date.parse(wake)).toBeGreaterThanOrEqual(Date.parse(remindAt));
    // The Wait state wakes at exactly this instant, and the reminder is due by then.
    expect(truncatedToSecond(wake).toISOString()).toBe(wake);
    expect(dueActions(c, new Date(wake), sla).map((a) => a.kind)).toEqual(['decision_reminder']);
    // The unrounded instant, truncated as Step Functions would, finds nothing: the bug this fixes.
    expect(dueActions(c, truncatedToSecond(remindAt), sla)).toEqual([]);
  });

  it('leaves a due time already on a whole second as it is', () => {
    // Not acknowledged: the overdue notice falls due one millisecond after 23:59:59.999 local.
    const c = openCase(new Date('2025-03-03T01:30:00.000Z'), [{ type: 'start_work' }]);
    expect(c.deadlines?.acknowledgeBy).toBe('2025-03-04T15:59:59.999Z');
    expect(wakeOf(c)).toBe('2025-03-04T16:00:00.000Z');
    expect(dueActions(c, new Date('2025-03-04T16:00:00.000Z'), sla).map((a) => a.kind)).toEqual([
      'acknowledgement_overdue',
    ]);
  });

  it('for any receipt time, wakes at or after the due instant, on a whole second, within a second of it', () => {
    const journey = fc.record({
      // Any millisecond across 2025 and into 2026, so weekends, holidays and odd milliseconds fall everywhere.
      receivedAtMs: fc.integer({
        min: Date.parse('2025-01-01T00:00:00.000Z'),
        max: Date.parse('2026-03-31T23:59:59.999Z'),
      }),
      priority: fc.constantFrom<Priority>('normal', 'green_channel'),
      acknowledged: fc.boolean(),
    });
    fc.assert(
      fc.property(journey, ({ receivedAtMs, priority, acknowledged }) => {
        const commands: CaseCommand[] = acknowledged
          ? [{ type: 'acknowledge' }, { type: 'start_work' }]
          : [{ type: 'start_work' }];
        let c = openCase(new Date(receivedAtMs), commands, priority);
        // Follow the watch to the top of the ladder, checking every wake on the way.
        for (let wakes = 0; wakes < 20; wakes += 1) {
          const wake = nextWakeAt(c, sla);
          if (wake === undefined) return;
          const wakeMs = Date.parse(wake);
          expect(wake).toMatch(wholeSecondIso);
          expect(wakeMs % 1000).toBe(0);
          // At or after the due instant: something is due when the Wait state ends...
          const due = dueActions(c, new Date(wakeMs), sla);
          expect(due.length).toBeGreaterThan(0);
          for (const action of due) expect(Date.parse(action.dueAt)).toBeLessThanOrEqual(wakeMs);
          // ...and no later than the first whole second it could be: nothing was due a second earlier.
          expect(dueActions(c, new Date(wakeMs - 1000), sla)).toEqual([]);
          for (const action of due) c = apply(c, slaCommandFor(action), new Date(wakeMs), slaWorkflow);
        }
        throw new Error('the watch did not settle');
      }),
      { numRuns: 200 },
    );
  });
});
