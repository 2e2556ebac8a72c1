import { isoUtc } from '../time/clock.js';
import type {
  DecideReviewCommand,
  ReopenCommand,
  RequestReviewCommand,
  TransitionContext,
  TransitionResult,
} from './case-commands.js';
import { CaseRuleError } from './case-errors.js';
import { caseEventKinds } from './case-event-kinds.js';
import { toCaseDecision } from './case-resolution.js';
import { assertCanApply } from './case-status-rules.js';
import { commit, compact, parseInstant, recomputeDeadlines, requireText } from './case-transition.js';
import type { CaseReview, ComplaintCase, SecondContact } from './case-types.js';

/** 核查: the customer asks, within the window the policy gives, for the decision to be looked at again. */
export function requestReview(
  c: ComplaintCase,
  command: RequestReviewCommand,
  ctx: TransitionContext,
): TransitionResult {
  assertCanApply(c.status, command.type);
  const requestBy = c.deadlines?.reviewRequestBy;
  if (!requestBy) {
    throw new CaseRuleError(
      'review_not_offered',
      `the ${c.clockPolicyId} policy offers no review of a decision`,
    );
  }
  if (ctx.now.getTime() > Date.parse(requestBy)) {
    throw new CaseRuleError('review_window_closed', `a review had to be requested by ${requestBy}`);
  }
  if (c.review) {
    throw new CaseRuleError(
      'review_already_used',
      `a review was already requested on ${c.review.requestedAt}`,
    );
  }
  const review: CaseReview = compact({
    requestedAt: isoUtc(ctx.now),
    requestedBy: ctx.actor.id,
    reason: command.reason?.trim() || undefined,
  });
  // The review's own clock runs from the request, not from the end of the window to ask.
  const decidedAt = c.decision?.decidedAt ?? c.resolvedAt;
  const deadlines = decidedAt
    ? recomputeDeadlines(c, ctx, { decidedAt, reviewRequestedAt: review.requestedAt })
    : c.deadlines;
  return commit(
    { ...c, status: 'under_review', review, ...(deadlines ? { deadlines } : {}) },
    [
      {
        kind: caseEventKinds.reviewRequested,
        data: { reason: review.reason, reviewDecideBy: deadlines?.reviewDecideBy },
      },
    ],
    ctx,
  );
}

/** The review ends with the decision confirmed or revised; either way the case is answered again. */
export function decideReview(
  c: ComplaintCase,
  command: DecideReviewCommand,
  ctx: TransitionContext,
): TransitionResult {
  assertCanApply(c.status, command.type);
  const at = isoUtc(ctx.now);
  const requested = c.review ?? { requestedAt: at, requestedBy: ctx.actor.id };
  const review: CaseReview = {
    ...requested,
    decidedAt: at,
    decidedBy: ctx.actor.id,
    outcome: command.outcome,
  };
  const decision = command.outcome === 'revised' ? toCaseDecision(command.revised, ctx) : c.decision;
  return commit(
    { ...c, status: 'resolved', review, ...(decision ? { decision } : {}) },
    [
      {
        kind: caseEventKinds.reviewDecided,
        data: {
          outcome: command.outcome,
          decision: decision?.decision,
          atFault: decision?.atFault,
          note: command.note?.trim() || undefined,
          onTime: c.deadlines?.reviewDecideBy
            ? Date.parse(at) <= Date.parse(c.deadlines.reviewDecideBy)
            : undefined,
        },
      },
    ],
    ctx,
  );
}

function secondContactDate(c: ComplaintCase, command: ReopenCommand, now: Date): string {
  if (command.respondBy !== undefined) {
    const respondBy = parseInstant(command.respondBy, 'second-contact reply date');
    if (respondBy.getTime() <= now.getTime()) {
      throw new CaseRuleError('invalid_date', 'the second-contact reply date must be in the future');
    }
    return isoUtc(respondBy);
  }
  const reviewDecideBy = c.deadlines?.reviewDecideBy;
  if (!reviewDecideBy || Date.parse(reviewDecideBy) <= now.getTime()) {
    throw new CaseRuleError(
      'second_contact_needs_date',
      'no review deadline is running, so a reopened case needs the date promised to the customer',
    );
  }
  return reviewDecideBy;
}

/**
 * 二次沟通: the customer is not satisfied, so the case goes back to work with a leader involved
 * and a new promised date. The earlier decision stays in the ledger, not on the case.
 */
export function reopenCase(
  c: ComplaintCase,
  command: ReopenCommand,
  ctx: TransitionContext,
): TransitionResult {
  assertCanApply(c.status, command.type);
  const reason = requireText(command.reason, 'reopen reason');
  const leader = requireText(command.leader, 'leader for the second contact');
  const secondContactBy = secondContactDate(c, command, ctx.now);
  const at = isoUtc(ctx.now);
  const secondContact: SecondContact = {
    count: (c.secondContact?.count ?? 0) + 1,
    openedAt: at,
    leader,
    reason,
  };
  const { decision: previous, resolvedAt: _resolvedAt, ...rest } = c;
  const review: CaseReview | undefined =
    c.status === 'under_review' && c.review
      ? { ...c.review, decidedAt: at, decidedBy: ctx.actor.id, outcome: 'reopened' }
      : c.review;
  const deadlines = c.deadlines ? { ...c.deadlines, secondContactBy } : undefined;
  return commit(
    {
      ...rest,
      status: 'in_progress',
      secondContact,
      ...(review ? { review } : {}),
      ...(deadlines ? { deadlines } : {}),
    },
    [
      {
        kind: caseEventKinds.reopened,
        data: {
          reason,
          leader,
          secondContactBy,
          count: secondContact.count,
          previousDecision: previous?.decision,
          previousDecidedAt: previous?.decidedAt,
          firstResponder: c.firstResponder,
        },
      },
    ],
    ctx,
  );
}
