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
import { approveExtension } from './extension-approval.js';

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
 * step a superior must approve. Such a step is the signed-in person approving the request of the
 * person the case records (its handler, else its first responder): they must hold a role at or
 * above branch head over the case's branch, and cannot approve their own request. The approval,
 * with who asked, who approved, in which role and when, is the event the ledger keeps.
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
  if (command.signedIn !== undefined && command.signedIn.id !== ctx.actor.id) {
    // A wiring fault, not a person's mistake: the approver is whoever the ledger records as acting.
    throw new Error(`the signed-in ${command.signedIn.id} is not the actor ${ctx.actor.id}`);
  }
  const needsApproval = approvalRequiredFromStep !== undefined && step >= approvalRequiredFromStep;
  const approval = needsApproval
    ? approveExtension(c, step, command.signedIn ?? { id: ctx.actor.id, roles: [], branches: [] })
    : undefined;
  const at = isoUtc(ctx.now);
  const extension: ClockExtension = {
    step,
    reason,
    at,
    by: approval?.requestedBy ?? ctx.actor.id,
    ...(approval ? { approvedBy: approval.approvedBy } : {}),
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
          ...(approval
            ? {
                requestedBy: approval.requestedBy,
                approvedBy: approval.approvedBy,
                approverRole: approval.approverRole,
                approvedAt: at,
              }
            : {}),
          decideByBefore: c.deadlines?.decideBy,
          decideBy: deadlines.decideBy,
        },
      },
    ],
    ctx,
  );
}
