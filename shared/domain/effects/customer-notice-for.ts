import type { CustomerNotice } from '../../schemas/case-effect-schema.js';
import type { CaseCommand } from '../case/case-commands.js';
import type { ComplaintCase } from '../case/case-types.js';

/**
 * What the customer must be told after a staff action, if anything: an extension, a pause, the
 * clock resuming, the decision (the CN rules require each), a review request and its answer. Names, contacts and the wording
 * are added when the notice is sent; this says only what happened.
 */
export const customerNoticeFor = (
  before: ComplaintCase,
  after: ComplaintCase,
  command: CaseCommand,
  now: Date,
): CustomerNotice | undefined => {
  switch (command.type) {
    case 'extend': {
      const previous = before.deadlines?.decideBy;
      const next = after.deadlines?.decideBy;
      const extension = after.extensions.at(-1);
      const step = extension?.step;
      if (previous === undefined || next === undefined || next === previous || (step !== 1 && step !== 2)) {
        return undefined;
      }
      // The approver as the lifecycle recorded it: the signed-in person who approved, never a name sent in.
      return {
        type: 'extension',
        previousDecideBy: previous,
        newDecideBy: next,
        reason: command.reason,
        step,
        ...(extension?.approvedBy ? { approvedBy: extension.approvedBy } : {}),
      };
    }
    case 'pause':
      return { type: 'pause', reason: command.reason, startedAt: now.toISOString() };
    case 'resume':
      return after.deadlines?.decideBy === undefined
        ? undefined
        : { type: 'resume', resumedAt: now.toISOString(), newDecideBy: after.deadlines.decideBy };
    case 'resolve':
      return {
        type: 'decision',
        decision: command.decision,
        ...(command.remedy ? { remedy: command.remedy } : {}),
        ...(command.compensation ? { compensation: command.compensation } : {}),
        ...(command.letter ? { letter: command.letter } : {}),
        ...(after.deadlines?.reviewRequestBy ? { reviewRequestBy: after.deadlines.reviewRequestBy } : {}),
      };
    case 'request_review':
      return after.review?.requestedAt === undefined || after.deadlines?.reviewDecideBy === undefined
        ? undefined
        : {
            type: 'review_received',
            requestedAt: after.review.requestedAt,
            reviewDecideBy: after.deadlines.reviewDecideBy,
          };
    case 'decide_review': {
      const decision = after.decision;
      if (decision === undefined) return undefined;
      return {
        type: 'review_decision',
        outcome: command.outcome,
        decision: decision.decision,
        ...(command.outcome === 'revised' && decision.remedy ? { remedy: decision.remedy } : {}),
        ...(command.outcome === 'revised' && decision.compensation
          ? { compensation: decision.compensation }
          : {}),
        ...(command.note ? { letter: command.note } : {}),
      };
    }
    default:
      return undefined;
  }
};
