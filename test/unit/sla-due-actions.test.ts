import { describe, expect, it } from 'vitest';
import { getCalendar } from '../../shared/domain/calendar/calendar-registry.js';
import { applyCommand } from '../../shared/domain/case/apply-command.js';
import type { CaseCommand, TransitionContext } from '../../shared/domain/case/case-commands.js';
import type { Actor, ComplaintCase, Priority } from '../../shared/domain/case/case-types.js';
import { deadlineCalculatorFor } from '../../shared/domain/clock-policy/calculator-for.js';
import { defaultEscalationLadder } from '../../shared/domain/escalation/escalation-ladder.js';
import { slaCommandFor } from '../../shared/domain/sla/sla-commands.js';
import { dueActions, needsNewWatch, nextWakeAt, slaWatchState } from '../../shared/domain/sla/sla-due.js';
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
const teller = staff('teller-li');
const hourMs = 3_600_000;
const dayMs = 24 * hourMs;

const ctxAt = (now: Date, actor: Actor = teller): TransitionContext => ({
  actor,
  now,
  deadlines: calculator,
  ladder: defaultEscalationLadder,
});

const apply = (c: ComplaintCase, command: CaseCommand, at: string | Date, actor: Actor = teller) =>
  applyCommand(c, command, ctxAt(new Date(at), actor)).case;

const plus = (instant: string, ms: number): Date => new Date(Date.parse(instant) + ms);

/** A case received at `receivedAt` (UTC), registered five minutes later, then the staff commands an hour apart. */
function openCase(
  receivedAt: string,
  commands: readonly CaseCommand[] = [],
  priority: Priority = 'normal',
): ComplaintCase {
  let c = apply(receivedCase({ receivedAt }), { ...registerCommand, priority }, plus(receivedAt, 5 * 60_000));
  commands.forEach((command, index) => {
    c = apply(c, command, plus(receivedAt, (index + 1) * hourMs));
  });
  return c;
}

interface Done {
  at: string;
  kind: SlaAction['kind'];
  dueAt: string;
  toLevel?: number;
}

/** Plays the SLA workflow: sleep until nextWakeAt, do and record what is due, until `until`. */
function watch(start: ComplaintCase, until: string): { case: ComplaintCase; done: Done[] } {
  let c = start;
  const done: Done[] = [];
  for (let wakes = 0; wakes < 50; wakes += 1) {
    const wake = nextWakeAt(c, sla);
    if (wake === undefined || Date.parse(wake) > Date.parse(until)) return { case: c, done };
    const actions = dueActions(c, new Date(wake), sla);
    expect(actions.length).toBeGreaterThan(0);
    for (const action of actions) {
      done.push({
        at: wake,
        kind: action.kind,
        dueAt: action.dueAt,
        ...(action.kind === 'escalate' ? { toLevel: action.toLevel } : {}),
      });
      c = apply(c, slaCommandFor(action), wake, slaWorkflow);
    }
  }
  throw new Error('the workflow did not settle');
}

// Monday 3 March 2025, 09:30 in Beijing. Decision due by the end of Tuesday 18 March (15 calendar days).
const marchReceipt = '2025-03-03T01:30:00.000Z';
const marchDecideBy = '2025-03-18T15:59:59.999Z';
const workedOn = (): ComplaintCase =>
  openCase(marchReceipt, [{ type: 'acknowledge' }, { type: 'start_work' }]);

describe('acknowledgement overdue', () => {
  it('tells the first responder and branch head once, just after the acknowledgement deadline', () => {
    const c = openCase(marchReceipt, [{ type: 'start_work' }]);
    const acknowledgeBy = c.deadlines?.acknowledgeBy ?? '';
    expect(acknowledgeBy).toBe('2025-03-04T15:59:59.999Z'); // end of the next working day

    expect(dueActions(c, new Date(acknowledgeBy), sla)).toEqual([]);
    expect(nextWakeAt(c, sla)).toBe('2025-03-04T16:00:00.000Z');
    const late = plus(acknowledgeBy, 3 * hourMs);
    expect(dueActions(c, late, sla)).toEqual([
      { kind: 'acknowledgement_overdue', dueAt: acknowledgeBy, deadline: acknowledgeBy },
    ]);

    const recorded = apply(c, { type: 'record_acknowledgement_overdue' }, late, slaWorkflow);
    expect(recorded.acknowledgementOverdueNotifiedAt).toBe(late.toISOString());
    expect(dueActions(recorded, plus(acknowledgeBy, 2 * dayMs), sla)).toEqual([]);
  });

  it('never comes for a case acknowledged in time', () => {
    const { done } = watch(workedOn(), marchDecideBy);
    expect(done.map((d) => d.kind)).toEqual(['decision_reminder']);
  });
});

describe('decision reminder (督办)', () => {
  it('falls due at 80% of the decision period, once', () => {
    const c = workedOn();
    const remindAt = c.deadlines?.remindAt ?? '';
    const received = Date.parse(marchReceipt);
    const share = (Date.parse(remindAt) - received) / (Date.parse(marchDecideBy) - received);
    expect(share).toBeCloseTo(0.8, 6);

    expect(remindAt).toBe('2025-03-15T13:05:59.999Z');
    expect(nextWakeAt(c, sla)).toBe('2025-03-15T13:06:00.000Z'); // the next whole second
    expect(dueActions(c, plus(remindAt, -1), sla)).toEqual([]);
    expect(dueActions(c, new Date(remindAt), sla)).toEqual([
      { kind: 'decision_reminder', dueAt: remindAt, deadline: marchDecideBy },
    ]);

    const reminded = apply(c, { type: 'record_reminder' }, remindAt, slaWorkflow);
    expect(dueActions(reminded, plus(remindAt, dayMs), sla)).toEqual([]);
    expect(nextWakeAt(reminded, sla)).toBe('2025-03-18T16:00:00.000Z');
  });

  it('does not urge again when a pause only shifts the reminder point', () => {
    const c = workedOn();
    const remindAt = c.deadlines?.remindAt ?? '';
    let after = apply(c, { type: 'record_reminder' }, remindAt, slaWorkflow);
    after = apply(after, { type: 'pause', reason: 'Card sent to the lab' }, '2025-03-15T14:00:00.000Z');
    after = apply(after, { type: 'resume' }, '2025-03-16T14:00:00.000Z');
    expect(Date.parse(after.deadlines?.remindAt ?? '')).toBeGreaterThan(Date.parse(remindAt));
    expect(dueActions(after, new Date('2025-03-16T15:00:00.000Z'), sla)).toEqual([]);
    expect(nextWakeAt(after, sla)).toBe('2025-03-19T16:00:00.000Z');
  });

  it('urges at once, dated at the extension, when an extension is granted after its reminder point', () => {
    const { case: breached } = watch(workedOn(), '2025-03-19T00:00:00.000Z');
    const extendedAt = '2025-03-28T02:00:00.000Z';
    const extended = apply(breached, { type: 'extend', reason: 'Processor investigation' }, extendedAt);
    expect(Date.parse(extended.deadlines?.remindAt ?? '')).toBeLessThan(Date.parse(extendedAt));
    expect(dueActions(extended, new Date(extendedAt), sla)).toEqual([
      { kind: 'decision_reminder', dueAt: extendedAt, deadline: '2025-04-02T15:59:59.999Z' },
    ]);
  });

  it('is overtaken by the breach when the workflow only wakes after the deadline', () => {
    const c = workedOn();
    const late = plus(marchDecideBy, 5 * hourMs);
    expect(dueActions(c, late, sla).map((a) => a.kind)).toEqual(['decision_breach', 'escalate']);

    let after = c;
    for (const action of dueActions(c, late, sla))
      after = apply(after, slaCommandFor(action), late, slaWorkflow);
    expect(dueActions(after, plus(marchDecideBy, 10 * hourMs), sla)).toEqual([]);
  });
});

describe('breach and the escalation ladder (逐级上报)', () => {
  it('records the breach, then tells each rung one working day apart, skipping the weekend', () => {
    const { case: top, done } = watch(workedOn(), '2025-04-30T00:00:00.000Z');
    expect(done.slice(1)).toEqual([
      // Wednesday 00:00 in Beijing: the deadline has just run out.
      { at: '2025-03-18T16:00:00.000Z', kind: 'decision_breach', dueAt: marchDecideBy },
      { at: '2025-03-18T16:00:00.000Z', kind: 'escalate', dueAt: marchDecideBy, toLevel: 1 },
      { at: '2025-03-19T16:00:00.000Z', kind: 'escalate', dueAt: '2025-03-19T16:00:00.000Z', toLevel: 2 },
      { at: '2025-03-20T16:00:00.000Z', kind: 'escalate', dueAt: '2025-03-20T16:00:00.000Z', toLevel: 3 },
      // Friday's working day ends on Saturday; the president hears of it on Monday.
      { at: '2025-03-23T16:00:00.000Z', kind: 'escalate', dueAt: '2025-03-23T16:00:00.000Z', toLevel: 4 },
    ]);
    expect(top).toMatchObject({ escalationLevel: 4, escalatedAt: '2025-03-23T16:00:00.000Z' });
    expect(top.breachedAt).toBe('2025-03-18T16:00:00.000Z');
    // Never above the president: the case stays watched, but time alone makes nothing more due.
    expect(nextWakeAt(top, sla)).toBeUndefined();
    expect(slaWatchState(top)).toBe('watching');
    expect(dueActions(top, new Date('2025-04-30T00:00:00.000Z'), sla)).toEqual([]);
  });

  it('counts rungs on the cn-mainland calendar across the National Day holiday and its make-up Saturday', () => {
    // Tuesday 16 September 2025; the 15 days end on 1 October, the first day of the holiday.
    const c = openCase('2025-09-16T02:00:00.000Z', [{ type: 'acknowledge' }, { type: 'start_work' }]);
    expect(c.deadlines?.decideBy).toBe('2025-10-01T15:59:59.999Z');
    const { done } = watch(c, '2025-10-31T00:00:00.000Z');
    expect(done.filter((d) => d.kind === 'escalate').map((d) => [d.toLevel, d.at])).toEqual([
      [1, '2025-10-01T16:00:00.000Z'], // at the breach, holiday or not
      [2, '2025-10-09T16:00:00.000Z'], // 2-8 October are off: Thursday 9th is the branch head's working day
      [3, '2025-10-10T16:00:00.000Z'], // Saturday 11th is a make-up working day
      [4, '2025-10-12T16:00:00.000Z'], // Sunday 12th is off, so Monday 13th
    ]);
  });

  it('escalates a green-channel complaint from its reminder point, before the deadline', () => {
    const green = openCase(marchReceipt, [{ type: 'acknowledge' }, { type: 'start_work' }], 'green_channel');
    const normal = workedOn();
    const remindAt = green.deadlines?.remindAt ?? '';
    const decideBy = green.deadlines?.decideBy ?? '';
    expect(Date.parse(decideBy)).toBeLessThan(Date.parse(marchDecideBy));

    expect(dueActions(green, new Date(remindAt), sla)).toEqual([
      { kind: 'decision_reminder', dueAt: remindAt, deadline: decideBy },
      {
        kind: 'escalate',
        toLevel: 1,
        role: 'branch_head',
        trigger: 'reminder_point',
        dueAt: remindAt,
        deadline: decideBy,
      },
    ]);
    const atNormalReminder = new Date(normal.deadlines?.remindAt ?? '');
    expect(dueActions(normal, atNormalReminder, sla).map((a) => a.kind)).toEqual(['decision_reminder']);
  });

  it('stops climbing after an extension until the new deadline passes, then records a new breach', () => {
    const { case: level2 } = watch(workedOn(), '2025-03-20T00:00:00.000Z');
    expect(level2.escalationLevel).toBe(2);
    const extended = apply(
      level2,
      { type: 'extend', reason: 'Card processor investigation' },
      '2025-03-20T02:00:00.000Z',
    );
    const newDecideBy = extended.deadlines?.decideBy ?? '';
    expect(newDecideBy).toBe('2025-04-02T15:59:59.999Z'); // 30 days from receipt

    const { done } = watch(extended, '2025-04-04T00:00:00.000Z');
    expect(done).toEqual([
      { at: '2025-03-27T13:06:00.000Z', kind: 'decision_reminder', dueAt: '2025-03-27T13:05:59.999Z' },
      { at: '2025-04-02T16:00:00.000Z', kind: 'decision_breach', dueAt: newDecideBy },
      { at: '2025-04-02T16:00:00.000Z', kind: 'escalate', dueAt: newDecideBy, toLevel: 3 },
    ]);
  });
});

describe('a paused clock', () => {
  it('gets nothing while paused, and its deadlines move on by the paused time when resumed', () => {
    const paused = apply(
      workedOn(),
      { type: 'pause', reason: 'Card sent to the lab' },
      '2025-03-10T02:00:00.000Z',
    );
    expect(slaWatchState(paused)).toBe('paused');
    expect(dueActions(paused, new Date('2025-03-25T00:00:00.000Z'), sla)).toEqual([]);
    expect(nextWakeAt(paused, sla)).toBeUndefined();

    const resumed = apply(paused, { type: 'resume' }, '2025-03-20T02:00:00.000Z');
    expect(resumed.deadlines?.decideBy).toBe('2025-03-28T15:59:59.999Z'); // ten days later
    expect(slaWatchState(resumed)).toBe('watching');
    expect(dueActions(resumed, new Date('2025-03-25T00:00:00.000Z'), sla).map((a) => a.kind)).toEqual([
      'decision_reminder',
    ]);
    expect(needsNewWatch(paused, resumed, sla)).toBe(true);

    const { done } = watch(resumed, '2025-03-29T00:00:00.000Z');
    expect(done.filter((d) => d.kind === 'decision_breach')).toEqual([
      { at: '2025-03-28T16:00:00.000Z', kind: 'decision_breach', dueAt: '2025-03-28T15:59:59.999Z' },
    ]);
  });
});

describe('a finished case', () => {
  it('gets no escalation once resolved, however late it is', () => {
    const { case: level1 } = watch(workedOn(), '2025-03-19T00:00:00.000Z');
    expect(level1.escalationLevel).toBe(1);
    const resolved = apply(level1, resolveCommand, '2025-03-19T03:00:00.000Z');
    expect(slaWatchState(resolved)).toBe('finished');
    expect(nextWakeAt(resolved, sla)).toBeUndefined();
    expect(dueActions(resolved, new Date('2025-04-30T00:00:00.000Z'), sla)).toEqual([]);
  });

  it.each([
    ['withdrawn', { type: 'withdraw', reason: 'Settled at the counter' }],
    ['merged', { type: 'merge', into: 'RD-2025-000100' }],
  ] as const)('ends the watch of a %s case', (_status, command) => {
    const ended = apply(workedOn(), command, '2025-03-05T00:00:00.000Z');
    expect(slaWatchState(ended)).toBe('finished');
    expect(dueActions(ended, new Date('2025-04-30T00:00:00.000Z'), sla)).toEqual([]);
  });
});

describe('a reopened case (二次沟通)', () => {
  it('is watched against the date promised for the second contact, not the old deadlines', () => {
    const resolved = apply(workedOn(), resolveCommand, '2025-03-10T02:00:00.000Z');
    const reopened = apply(
      resolved,
      {
        type: 'reopen',
        reason: 'Customer unhappy',
        leader: 'deputy-president-chen',
        respondBy: '2025-03-25T09:59:59.999Z',
      },
      '2025-03-12T02:00:00.000Z',
    );
    expect(needsNewWatch(resolved, reopened, sla)).toBe(true);
    expect(dueActions(reopened, new Date('2025-03-25T09:00:00.000Z'), sla)).toEqual([]);
    expect(
      dueActions(reopened, new Date('2025-03-25T10:00:00.000Z'), sla).map((a) => [a.kind, a.dueAt]),
    ).toEqual([
      ['decision_breach', '2025-03-25T09:59:59.999Z'],
      ['escalate', '2025-03-25T09:59:59.999Z'],
    ]);
  });
});

describe('idempotency', () => {
  it('finds nothing more to do once the due actions are recorded, and refuses to record them twice', () => {
    const c = openCase(marchReceipt, [{ type: 'start_work' }]);
    const late = new Date('2025-03-19T08:00:00.000Z');
    const actions = dueActions(c, late, sla);
    expect(actions.map((a) => a.kind)).toEqual(['acknowledgement_overdue', 'decision_breach', 'escalate']);

    let recorded = c;
    for (const action of actions) recorded = apply(recorded, slaCommandFor(action), late, slaWorkflow);
    expect(dueActions(recorded, late, sla)).toEqual([]);
    expect(dueActions(recorded, new Date('2025-03-19T15:59:59.999Z'), sla)).toEqual([]);

    // A retried step that did not see its own write is refused, changing nothing.
    for (const action of actions) {
      expect(() => applyCommand(recorded, slaCommandFor(action), ctxAt(late, slaWorkflow))).toThrow(
        expect.objectContaining({ code: 'sla_action_already_recorded' }),
      );
    }
  });

  it('needs no new watch when an update only moves the due times later', () => {
    const c = workedOn();
    const extended = apply(c, { type: 'extend', reason: 'Complex' }, '2025-03-06T02:00:00.000Z');
    expect(needsNewWatch(c, extended, sla)).toBe(false);
  });

  it('needs a new watch when a case at the top of the ladder is given a new deadline', () => {
    const { case: top } = watch(workedOn(), '2025-03-25T00:00:00.000Z');
    expect(nextWakeAt(top, sla)).toBeUndefined();
    const extended = apply(top, { type: 'extend', reason: 'Complex' }, '2025-03-25T02:00:00.000Z');
    expect(needsNewWatch(top, extended, sla)).toBe(true);
  });
});

describe('the context', () => {
  it('refuses to count rungs on a calendar other than the case’s own', () => {
    const c = workedOn();
    expect(() =>
      dueActions(c, new Date('2025-03-20T00:00:00.000Z'), { ...sla, calendar: getCalendar('gb-eng-wls') }),
    ).toThrow(expect.objectContaining({ code: 'calculator_mismatch' }));
  });
});
