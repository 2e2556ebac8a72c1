import { describe, expect, it } from 'vitest';
import type { Deadlines } from '../../shared/domain/case/case-types.js';
import {
  defaultEscalationLadder,
  type EscalationLadder,
} from '../../shared/domain/escalation/escalation-ladder.js';
import {
  escalationStartsAt,
  immediateEscalationLevel,
  isFirstRungDue,
  workingDaysPerRung,
} from '../../shared/domain/escalation/escalation-timing.js';

const ladder = defaultEscalationLadder;
const deadlines: Deadlines = {
  acknowledgeBy: '2025-03-04T01:30:00.000Z',
  remindAt: '2025-03-15T01:30:00.000Z',
  decideBy: '2025-03-18T01:30:00.000Z',
};
const betweenReminderAndDeadline = new Date('2025-03-16T00:00:00.000Z');

describe('when the climb starts', () => {
  it('starts a normal complaint at the decision deadline', () => {
    expect(escalationStartsAt(ladder, 'normal', deadlines)).toBe(deadlines.decideBy);
    const state = {
      status: 'in_progress' as const,
      priority: 'normal' as const,
      escalationLevel: 0,
      deadlines,
    };
    expect(isFirstRungDue(ladder, state, betweenReminderAndDeadline)).toBe(false);
    expect(isFirstRungDue(ladder, state, new Date(deadlines.decideBy))).toBe(true);
  });

  it('starts a green-channel complaint as soon as the reminder point passes (绿色通道)', () => {
    expect(escalationStartsAt(ladder, 'green_channel', deadlines)).toBe(deadlines.remindAt);
    const state = {
      status: 'in_progress' as const,
      priority: 'green_channel' as const,
      escalationLevel: 0,
      deadlines,
    };
    expect(isFirstRungDue(ladder, state, new Date('2025-03-15T01:29:59.000Z'))).toBe(false);
    expect(isFirstRungDue(ladder, state, betweenReminderAndDeadline)).toBe(true);
  });

  it('falls back to the decision deadline when the policy has no reminder point', () => {
    expect(escalationStartsAt(ladder, 'green_channel', { decideBy: deadlines.decideBy })).toBe(
      deadlines.decideBy,
    );
  });

  it('does not start the climb for a paused, answered, or already escalated case', () => {
    const late = new Date('2025-03-20T00:00:00.000Z');
    const base = { priority: 'normal' as const, deadlines };
    expect(isFirstRungDue(ladder, { ...base, status: 'paused', escalationLevel: 0 }, late)).toBe(false);
    expect(isFirstRungDue(ladder, { ...base, status: 'resolved', escalationLevel: 0 }, late)).toBe(false);
    expect(isFirstRungDue(ladder, { ...base, status: 'in_progress', escalationLevel: 1 }, late)).toBe(false);
    expect(isFirstRungDue(ladder, { priority: 'normal', status: 'received', escalationLevel: 0 }, late)).toBe(
      false,
    );
  });

  it('lets a bank climb faster for the green channel', () => {
    const strict: EscalationLadder = {
      ...ladder,
      timing: {
        normal: { startAt: 'decide_by', intervalWorkingDays: 2 },
        green_channel: { startAt: 'remind_at', intervalWorkingDays: 1 },
      },
    };
    expect(workingDaysPerRung(strict, 'normal')).toBe(2);
    expect(workingDaysPerRung(strict, 'green_channel')).toBe(1);
  });
});

describe('difficult and major complaints go up at once (疑难/重大投诉)', () => {
  it('sends a difficult complaint to the operations supervisor and a major one to the president', () => {
    expect(immediateEscalationLevel(ladder, 0, 'difficult')).toBe(2);
    expect(immediateEscalationLevel(ladder, 0, 'major')).toBe(4);
  });

  it('never sends a case down: nothing to do when it is already there or higher', () => {
    expect(immediateEscalationLevel(ladder, 2, 'difficult')).toBeUndefined();
    expect(immediateEscalationLevel(ladder, 3, 'difficult')).toBeUndefined();
    expect(immediateEscalationLevel(ladder, 3, 'major')).toBe(4);
  });

  it('reports a ladder whose target role is missing as a configuration fault', () => {
    const broken: EscalationLadder = {
      ...ladder,
      immediate: { difficult: 'regional_manager', major: 'president' },
    };
    expect(() => immediateEscalationLevel(broken, 0, 'difficult')).toThrow(
      /no rung for role regional_manager/,
    );
  });
});
