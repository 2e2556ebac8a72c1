import { isoUtc } from '../time/clock.js';
import type {
  ExtendCommand,
  PauseCommand,
  ResumeCommand,
  TransitionContext,
  TransitionResult,
} from './case-commands.js';
import { CaseRuleError } from './case-errors.js';
import { caseEventKinds } from './case-event-kinds.js';
import { assertCanApply } from './case-status-rules.js';
import { commit, recomputeDeadlines, requireText } from './case-transition.js';
import type { ClockExtension, ClockPause, ComplaintCase } from './case-types.js';

/** Time in external appraisal or testing does not count; the deadlines move when the clock resumes. */
export function pauseClock(
  c: ComplaintCase,
  command: PauseCommand,
  ctx: TransitionContext,
): TransitionResult {
  assertCanApply(c.status, command.type);
  const reason = requireText(command.reason, 'pause reason');
  const pause: ClockPause = { startedAt: isoUtc(ctx.now), reason };
  return commit(
    { ...c, status: 'paused', pauses: [...c.pauses, pause] },
    [{ kind: caseEventKinds.clockPaused, data: { reason, decideByBefore: c.deadlines?.decideBy } }],
    ctx,
  );
}

export function resumeClock(
  c: ComplaintCase,
  command: ResumeCommand,
  ctx: TransitionContext,
): TransitionResult {
  assertCanApply(c.status, command.type);
  const endedAt = isoUtc(ctx.now);
  const pauses = c.pauses.map((pause): ClockPause => (pause.endedAt ? pause : { ...pause, endedAt }));
  const deadlines = recomputeDeadlines(c, ctx, { pauses });
  return commit(
    { ...c, status: 'in_progress', pauses, deadlines },
    [{ kind: caseEventKinds.clockResumed, data: { decideBy: deadlines.decideBy } }],
    ctx,
  );
}

/**
 * Extends the decision period one step. The policy says how many steps there are and from which
 * step a superior must approve; an approver cannot approve their own request.
 */
export function extendClock(
  c: ComplaintCase,
  command: ExtendCommand,
  ctx: TransitionContext,
): TransitionResult {
  assertCanApply(c.status, command.type);
  const reason = requireText(command.reason, 'extension reason');
  const step = c.extensions.length + 1;
  const { maxExtensions, approvalRequiredFromStep } = ctx.deadlines;
  if (step > maxExtensions) {
    throw new CaseRuleError(
      'extension_limit_reached',
      `the policy allows ${maxExtensions} extension(s) and ${c.extensions.length} already used`,
    );
  }
  const approvedBy = command.approvedBy?.trim() || undefined;
  if (approvalRequiredFromStep !== undefined && step >= approvalRequiredFromStep && !approvedBy) {
    throw new CaseRuleError('extension_needs_approval', `extension ${step} needs the approval of a superior`);
  }
  if (approvedBy !== undefined && approvedBy === ctx.actor.id) {
    throw new CaseRuleError(
      'approver_is_requester',
      'an extension cannot be approved by the person asking for it',
    );
  }
  const extension: ClockExtension = {
    step,
    reason,
    at: isoUtc(ctx.now),
    by: ctx.actor.id,
    ...(approvedBy ? { approvedBy } : {}),
  };
  const extensions = [...c.extensions, extension];
  const deadlines = recomputeDeadlines(c, ctx, { extensions });
  return commit(
    { ...c, extensions, deadlines },
    [
      {
        kind: caseEventKinds.clockExtended,
        data: {
          step,
          reason,
          approvedBy,
          decideByBefore: c.deadlines?.decideBy,
          decideBy: deadlines.decideBy,
        },
      },
    ],
    ctx,
  );
}
