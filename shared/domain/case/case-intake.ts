import { isoUtc } from '../time/clock.js';
import type {
  AcknowledgeCommand,
  RegisterCommand,
  StartWorkCommand,
  TransitionContext,
  TransitionResult,
} from './case-commands.js';
import { CaseRuleError } from './case-errors.js';
import { caseEventKinds } from './case-event-kinds.js';
import { assertCanApply } from './case-status-rules.js';
import { commit, recomputeDeadlines, requireText } from './case-transition.js';
import type { ComplaintCase } from './case-types.js';

/** 受理: names the first responder, sets the priority and policy, and starts the clocks. */
export function registerCase(
  c: ComplaintCase,
  command: RegisterCommand,
  ctx: TransitionContext,
): TransitionResult {
  assertCanApply(c.status, command.type);
  const firstResponder = requireText(command.firstResponder, 'first responder');
  const withPolicy: ComplaintCase = {
    ...c,
    clockPolicyId: command.clockPolicyId,
    calendarId: command.calendarId,
    priority: command.priority,
  };
  const deadlines = recomputeDeadlines(withPolicy, ctx);
  const next: ComplaintCase = {
    ...withPolicy,
    status: 'registered',
    registeredAt: isoUtc(ctx.now),
    firstResponder,
    repeatComplainant: command.repeatComplainant,
    deadlines,
    ...(command.handler ? { handler: command.handler } : {}),
    ...(command.assignedUnit ? { assignedUnit: command.assignedUnit } : {}),
    ...(command.category ? { category: command.category } : {}),
  };
  return commit(
    next,
    [
      {
        kind: caseEventKinds.registered,
        data: {
          firstResponder,
          handler: next.handler,
          assignedUnit: next.assignedUnit,
          priority: next.priority,
          repeatComplainant: next.repeatComplainant,
          clockPolicyId: next.clockPolicyId,
          calendarId: next.calendarId,
          acknowledgeBy: deadlines.acknowledgeBy,
          decideBy: deadlines.decideBy,
        },
      },
    ],
    ctx,
  );
}

/** The customer has been told the reference, the promised reply date and the contact. */
export function acknowledgeCase(
  c: ComplaintCase,
  command: AcknowledgeCommand,
  ctx: TransitionContext,
): TransitionResult {
  assertCanApply(c.status, command.type);
  if (c.acknowledgedAt) {
    throw new CaseRuleError('already_acknowledged', `the customer was already told on ${c.acknowledgedAt}`);
  }
  const at = isoUtc(ctx.now);
  return commit(
    { ...c, acknowledgedAt: at },
    [
      {
        kind: caseEventKinds.acknowledged,
        data: { acknowledgeBy: c.deadlines?.acknowledgeBy, via: command.via, messageId: command.messageId },
      },
    ],
    ctx,
  );
}

export function startWork(
  c: ComplaintCase,
  command: StartWorkCommand,
  ctx: TransitionContext,
): TransitionResult {
  assertCanApply(c.status, command.type);
  return commit({ ...c, status: 'in_progress' }, [{ kind: caseEventKinds.workStarted }], ctx);
}
