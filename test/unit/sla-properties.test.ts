import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getCalendar } from '../../shared/domain/calendar/calendar-registry.js';
import { applyCommand } from '../../shared/domain/case/apply-command.js';
import type { CaseCommand, TransitionContext } from '../../shared/domain/case/case-commands.js';
import {
  CaseRuleError,
  ExtensionApprovalError,
  IllegalTransitionError,
} from '../../shared/domain/case/case-errors.js';
import type { Actor, ComplaintCase, Priority } from '../../shared/domain/case/case-types.js';
import { deadlineCalculatorFor } from '../../shared/domain/clock-policy/calculator-for.js';
import { defaultEscalationLadder } from '../../shared/domain/escalation/escalation-ladder.js';
import { slaCommandFor } from '../../shared/domain/sla/sla-commands.js';
import { dueActions, nextWakeAt } from '../../shared/domain/sla/sla-due.js';
import type { SlaAction, SlaContext } from '../../shared/domain/sla/sla-types.js';
import {
  receivedCase,
  registerCommand,
  resolveCommand,
  slaWorkflow,
  staff,
} from './support/case-fixtures.js';

const calculator = deadlineCalculatorFor('cn-2020', 'cn-mainland');
const sla: SlaContext = { ladder: defaultEscalationLadder, calendar: getCalendar('cn-mainland') };
const hourMs = 3_600_000;

const ctxAt = (now: Date, actor: Actor): TransitionContext => ({
  actor,
  now,
  deadlines: calculator,
  ladder: defaultEscalationLadder,
});

const staffCommand: fc.Arbitrary<CaseCommand | undefined> = fc.oneof(
  { arbitrary: fc.constant(undefined), weight: 6 },
  { arbitrary: fc.constant<CaseCommand>({ type: 'acknowledge' }), weight: 2 },
  { arbitrary: fc.constant<CaseCommand>({ type: 'start_work' }), weight: 2 },
  { arbitrary: fc.constant<CaseCommand>({ type: 'pause', reason: 'Card sent to the lab' }), weight: 2 },
  { arbitrary: fc.constant<CaseCommand>({ type: 'resume' }), weight: 2 },
  { arbitrary: fc.constant<CaseCommand>({ type: 'extend', reason: 'Complex' }), weight: 1 },
  {
    arbitrary: fc.constant<CaseCommand>({
      type: 'extend',
      reason: 'Especially complex',
      signedIn: { id: 'supervisor-he', roles: ['operations_supervisor'], branches: ['BJ-0101'] },
    }),
    weight: 1,
  },
  { arbitrary: fc.constant<CaseCommand>(resolveCommand), weight: 1 },
);

type ClockMove = { kind: 'hours'; hours: number } | { kind: 'next_wake' };

// Mostly hours, sometimes days; sometimes straight to the instant the workflow would wake.
const clockMove: fc.Arbitrary<ClockMove> = fc.oneof(
  {
    arbitrary: fc.integer({ min: 0, max: 30 }).map((hours): ClockMove => ({ kind: 'hours', hours })),
    weight: 4,
  },
  {
    arbitrary: fc
      .integer({ min: 1, max: 10 })
      .map((days): ClockMove => ({ kind: 'hours', hours: days * 24 })),
    weight: 1,
  },
  { arbitrary: fc.constant<ClockMove>({ kind: 'next_wake' }), weight: 3 },
);

const journey = fc.record({
  // Receipts across 2025 and into 2026, at any hour, so weekends and holidays fall everywhere.
  receivedAt: fc
    .integer({ min: 0, max: 300 * 24 })
    .map((hours) => new Date(Date.parse('2025-01-01T00:00:00.000Z') + hours * hourMs)),
  priority: fc.constantFrom<Priority>('normal', 'green_channel'),
  steps: fc.array(fc.record({ command: staffCommand, move: clockMove }), { minLength: 1, maxLength: 40 }),
});

const isRefusal = (error: unknown): boolean =>
  error instanceof IllegalTransitionError ||
  error instanceof CaseRuleError ||
  error instanceof ExtensionApprovalError;

describe('the SLA workflow under any sequence of staff actions and clock moves', () => {
  it('never escalates a resolved case, never misses a breach, notifies in due-time order and climbs one rung at a time', () => {
    fc.assert(
      fc.property(journey, ({ receivedAt, priority, steps }) => {
        let now = new Date(receivedAt.getTime() + 5 * 60_000);
        let c: ComplaintCase = applyCommand(
          receivedCase({ receivedAt: receivedAt.toISOString() }),
          { ...registerCommand, priority },
          ctxAt(now, staff('teller-li')),
        ).case;
        const sent: SlaAction[] = [];
        let acknowledgedInTime = false;

        for (const { command, move } of steps) {
          const wake = nextWakeAt(c, sla);
          const target =
            move.kind === 'hours'
              ? now.getTime() + move.hours * hourMs
              : wake
                ? Date.parse(wake)
                : now.getTime();
          now = new Date(Math.max(now.getTime(), target));

          if (command) {
            try {
              const before = c;
              // The handler acts, unless a supervisor signed in to approve an extension.
              const actor = command.type === 'extend' && command.signedIn ? command.signedIn.id : 'teller-li';
              c = applyCommand(c, command, ctxAt(now, staff(actor))).case;
              const acknowledgeBy = before.deadlines?.acknowledgeBy;
              if (
                command.type === 'acknowledge' &&
                acknowledgeBy &&
                now.getTime() <= Date.parse(acknowledgeBy)
              ) {
                acknowledgedInTime = true;
              }
            } catch (error) {
              expect(isRefusal(error)).toBe(true);
            }
          }

          // The workflow's pass at this instant: do what is due, record each action.
          const actions = dueActions(c, now, sla);
          if (c.status === 'resolved') expect(actions).toEqual([]);
          for (const action of actions) {
            const previous = sent.at(-1);
            if (previous) expect(Date.parse(action.dueAt)).toBeGreaterThanOrEqual(Date.parse(previous.dueAt));
            expect(Date.parse(action.dueAt)).toBeLessThanOrEqual(now.getTime());
            if (action.kind === 'escalate') expect(action.toLevel).toBe(c.escalationLevel + 1);
            if (action.kind === 'acknowledgement_overdue') expect(acknowledgedInTime).toBe(false);
            c = applyCommand(c, slaCommandFor(action), ctxAt(now, slaWorkflow)).case;
            sent.push(action);
          }

          // Recorded means done: nothing is due twice, and the next wake is the first whole second
          // anything is (a Wait state only honours whole seconds).
          expect(dueActions(c, now, sla)).toEqual([]);
          const next = nextWakeAt(c, sla);
          if (next !== undefined) {
            expect(Date.parse(next)).toBeGreaterThan(now.getTime());
            expect(dueActions(c, new Date(Date.parse(next) - 1000), sla)).toEqual([]);
            expect(dueActions(c, new Date(next), sla).length).toBeGreaterThan(0);
          }

          const decideBy = c.deadlines?.decideBy;
          const running = c.status === 'registered' || c.status === 'in_progress';
          if (running && decideBy && now.getTime() > Date.parse(decideBy)) {
            expect(c.breachedAt).toBeDefined();
            expect(Date.parse(c.breachedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(decideBy));
          }
        }

        const levels = sent.flatMap((action) => (action.kind === 'escalate' ? [action.toLevel] : []));
        expect(levels).toEqual(levels.map((_, index) => index + 1));
        expect(c.escalationLevel).toBe(levels.length);
      }),
      { numRuns: 250 },
    );
  });
});
