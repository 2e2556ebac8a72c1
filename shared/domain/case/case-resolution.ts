import { isoUtc } from '../time/clock.js';
import type {
  CloseCommand,
  ResolutionDetails,
  ResolveCommand,
  TransitionContext,
  TransitionResult,
} from './case-commands.js';
import { caseEventKinds } from './case-event-kinds.js';
import { assertCanApply } from './case-status-rules.js';
import { commit, compact, recomputeDeadlines } from './case-transition.js';
import type { CaseDecision, ComplaintCase } from './case-types.js';

export function toCaseDecision(details: ResolutionDetails, ctx: TransitionContext): CaseDecision {
  return compact({
    decision: details.decision,
    atFault: details.atFault,
    remedy: details.remedy?.trim() || undefined,
    compensation: details.compensation,
    letter: details.letter?.trim() || undefined,
    decidedAt: isoUtc(ctx.now),
    decidedBy: ctx.actor.id,
  });
}

/** The answer is given; the calculator opens the review windows from the decision time. */
export function resolveCase(
  c: ComplaintCase,
  command: ResolveCommand,
  ctx: TransitionContext,
): TransitionResult {
  assertCanApply(c.status, command.type);
  const decision = toCaseDecision(command, ctx);
  const deadlines = recomputeDeadlines(c, ctx, { decidedAt: decision.decidedAt });
  return commit(
    { ...c, status: 'resolved', resolvedAt: decision.decidedAt, decision, deadlines },
    [
      {
        kind: caseEventKinds.resolved,
        data: {
          decision: decision.decision,
          atFault: decision.atFault,
          remedy: decision.remedy,
          compensation: decision.compensation,
          decideBy: c.deadlines?.decideBy,
          onTime: c.deadlines
            ? Date.parse(decision.decidedAt) <= Date.parse(c.deadlines.decideBy)
            : undefined,
          reviewRequestBy: deadlines.reviewRequestBy,
        },
      },
    ],
    ctx,
  );
}

/** After the revisit: the case is finished and its ledger sealed. */
export function closeCase(c: ComplaintCase, command: CloseCommand, ctx: TransitionContext): TransitionResult {
  assertCanApply(c.status, command.type);
  return commit(
    { ...c, status: 'closed', closedAt: isoUtc(ctx.now) },
    [{ kind: caseEventKinds.closed, data: { note: command.note?.trim() || undefined } }],
    ctx,
  );
}
