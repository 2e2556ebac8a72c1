import { defaultEscalationLadder, levelAt, nextEscalationLevel } from '../escalation/escalation-ladder.js';
import {
  covers,
  decisionDeadlineOf,
  holdersOf,
  minutesLate,
  minutesLeft,
  reminderCovered,
} from '../sla/sla-clock.js';
import { type SlaRecipientRole, slaNotifiedRoles } from '../sla/sla-recipients.js';
import { isoUtc } from '../time/clock.js';
import type {
  RecordAcknowledgementOverdueCommand,
  RecordBreachCommand,
  RecordEscalationCommand,
  RecordReminderCommand,
  TransitionContext,
  TransitionResult,
} from './case-commands.js';
import { CaseRuleError } from './case-errors.js';
import { recordEscalation } from './case-escalation.js';
import { caseEventKinds } from './case-event-kinds.js';
import { recordReminder } from './case-routing.js';
import { assertCanApply } from './case-status-rules.js';
import { commit, compact, parseInstant } from './case-transition.js';
import type { ComplaintCase } from './case-types.js';

/*
 * The SLA workflow's records. Each one is refused as `sla_action_already_recorded` when the case
 * already shows it, so a retried step changes nothing; the workflow treats that refusal as done.
 * Each event names the due time, how late the case is, who holds it and who was told.
 */

const alreadyRecorded = (what: string, at: string): CaseRuleError =>
  new CaseRuleError('sla_action_already_recorded', `${what} was already recorded on ${at}`);

const slaFacts = (
  c: ComplaintCase,
  dueAt: string,
  deadline: string,
  notify: readonly SlaRecipientRole[],
  now: Date,
): Record<string, unknown> => {
  const left = minutesLeft(deadline, now);
  return {
    dueAt,
    deadline,
    minutesLate: minutesLate(deadline, now),
    ...(left > 0 ? { minutesLeft: left } : {}),
    ...holdersOf(c),
    notify: [...notify],
  };
};

/** Adds the SLA facts to the event of a transition written elsewhere, so there is one event per action. */
const withFacts = (result: TransitionResult, facts: Record<string, unknown>): TransitionResult => ({
  ...result,
  events: result.events.map((event, index) =>
    index === 0 ? { ...event, data: compact({ ...event.data, ...facts }) } : event,
  ),
});

const requireDeadline = (deadline: string | undefined, what: string): string => {
  if (deadline === undefined) throw new CaseRuleError('no_deadline', `the case has no ${what}`);
  return deadline;
};

/** The customer was not told in time (受理): the first responder and the branch head hear of it once. */
export function recordAcknowledgementOverdue(
  c: ComplaintCase,
  command: RecordAcknowledgementOverdueCommand,
  ctx: TransitionContext,
): TransitionResult {
  assertCanApply(c.status, command.type);
  if (c.acknowledgedAt) {
    throw new CaseRuleError('already_acknowledged', `the customer was told on ${c.acknowledgedAt}`);
  }
  const acknowledgeBy = requireDeadline(c.deadlines?.acknowledgeBy, 'acknowledgement deadline');
  if (covers(c.acknowledgementOverdueNotifiedAt, acknowledgeBy)) {
    throw alreadyRecorded('the overdue acknowledgement', c.acknowledgementOverdueNotifiedAt);
  }
  const notify = slaNotifiedRoles('acknowledgement_overdue', ctx.ladder ?? defaultEscalationLadder);
  return commit(
    { ...c, acknowledgementOverdueNotifiedAt: isoUtc(ctx.now) },
    [
      {
        kind: caseEventKinds.acknowledgementOverdue,
        data: slaFacts(c, acknowledgeBy, acknowledgeBy, notify, ctx.now),
      },
    ],
    ctx,
  );
}

/**
 * The decision deadline passed without a decision. One breach record covers every deadline at or
 * before it; a deadline moved beyond it (an extension, a second contact) can be breached again.
 */
export function recordBreach(
  c: ComplaintCase,
  command: RecordBreachCommand,
  ctx: TransitionContext,
): TransitionResult {
  assertCanApply(c.status, command.type);
  const deadline = requireDeadline(decisionDeadlineOf(c), 'decision deadline');
  if (covers(c.breachedAt, deadline)) throw alreadyRecorded('the missed deadline', c.breachedAt);
  const notify = slaNotifiedRoles('decision_breach', ctx.ladder ?? defaultEscalationLadder);
  return commit(
    { ...c, breachedAt: isoUtc(ctx.now) },
    [
      {
        kind: caseEventKinds.breached,
        data: {
          ...slaFacts(c, deadline, deadline, notify, ctx.now),
          escalationLevel: c.escalationLevel,
          extensions: c.extensions.length,
        },
      },
    ],
    ctx,
  );
}

/** 督办 at the reminder point, once per decision period (see reminderCovered). */
export function recordSlaReminder(
  c: ComplaintCase,
  command: RecordReminderCommand,
  ctx: TransitionContext,
): TransitionResult {
  assertCanApply(c.status, command.type);
  const remindAt = c.deadlines?.remindAt;
  if (remindAt !== undefined && c.remindedAt !== undefined && reminderCovered(c, remindAt)) {
    throw alreadyRecorded('the reminder', c.remindedAt);
  }
  const result = recordReminder(c, command, ctx);
  const deadline = decisionDeadlineOf(c);
  if (deadline === undefined) return result;
  const notify = slaNotifiedRoles('decision_reminder', ctx.ladder ?? defaultEscalationLadder);
  return withFacts(result, slaFacts(c, remindAt ?? isoUtc(ctx.now), deadline, notify, ctx.now));
}

/**
 * One rung up the ladder. With `toLevel` the step is idempotent: a case already at or above that
 * rung refuses it as already recorded, and a rung further than the next one is refused too,
 * because the clock-driven climb never skips a leader.
 */
export function recordSlaEscalation(
  c: ComplaintCase,
  command: RecordEscalationCommand,
  ctx: TransitionContext,
): TransitionResult {
  assertCanApply(c.status, command.type);
  const ladder = ctx.ladder ?? defaultEscalationLadder;
  const { toLevel } = command;
  if (toLevel !== undefined) {
    if (toLevel <= c.escalationLevel) {
      throw new CaseRuleError(
        'sla_action_already_recorded',
        `the case is already at level ${c.escalationLevel}, so the escalation to level ${toLevel} is on record`,
      );
    }
    const next = nextEscalationLevel(ladder, c.escalationLevel);
    if (next !== undefined && toLevel !== next) {
      throw new CaseRuleError(
        'escalation_skips_rung',
        `the case is at level ${c.escalationLevel}; the clock moves it to level ${next}, not ${toLevel}`,
      );
    }
  }
  const dueAt = command.dueAt === undefined ? isoUtc(ctx.now) : isoUtc(parseInstant(command.dueAt, 'dueAt'));
  const result = recordEscalation(
    c,
    { type: command.type, ...(command.reason ? { reason: command.reason } : {}) },
    ctx,
  );
  const deadline = decisionDeadlineOf(c);
  if (deadline === undefined) return result;
  const role = levelAt(ladder, result.case.escalationLevel)?.role;
  const notify = slaNotifiedRoles('escalate', ladder, role);
  return withFacts(result, slaFacts(c, dueAt, deadline, notify, ctx.now));
}
