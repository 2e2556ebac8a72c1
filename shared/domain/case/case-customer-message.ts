import { isoUtc } from '../time/clock.js';
import type { CustomerMessageCommand, TransitionContext, TransitionResult } from './case-commands.js';
import { caseEventKinds } from './case-event-kinds.js';
import { assertCanApply } from './case-status-rules.js';
import { commit } from './case-transition.js';
import type { ComplaintCase } from './case-types.js';

/** Long enough for any real message; the raw mail stays available for anything longer. */
const MAX_STORED_TEXT = 20_000;

const withinReviewWindow = (c: ComplaintCase, now: Date): boolean => {
  const until = c.deadlines?.reviewRequestBy;
  return until !== undefined && now.getTime() <= Date.parse(until);
};

/**
 * A customer wrote about the case (an e-mail reply, a letter, or the mail that opened it). It
 * goes on the ledger, with the reference it claims to answer when that case is someone else's;
 * on a decided case still inside the review window it asks for the second contact (二次沟通):
 * the case goes back to work with the handler, who leads until staff name a leader.
 */
export function recordCustomerMessage(
  current: ComplaintCase,
  command: CustomerMessageCommand,
  ctx: TransitionContext,
): TransitionResult {
  assertCanApply(current.status, command.type);
  const c: ComplaintCase = command.claimsToReplyTo
    ? { ...current, claimsToReplyTo: command.claimsToReplyTo }
    : current;
  const message = {
    kind: caseEventKinds.customerMessage,
    data: {
      via: command.via,
      messageId: command.messageId,
      mailKey: command.mailKey,
      text: command.text?.slice(0, MAX_STORED_TEXT),
      attachments: command.attachments,
      refusedAttachments: command.refusedAttachments,
      claimsToReplyTo: command.claimsToReplyTo,
    },
  };
  if (c.status !== 'resolved' || !withinReviewWindow(c, ctx.now)) return commit(c, [message], ctx);

  const at = isoUtc(ctx.now);
  const leader = c.handler ?? c.firstResponder ?? 'unassigned';
  const { resolvedAt: _resolvedAt, decision: previous, ...rest } = c;
  const secondContact = {
    count: (c.secondContact?.count ?? 0) + 1,
    openedAt: at,
    leader,
    reason: 'the customer replied to the decision',
  };
  const secondContactBy = c.deadlines?.reviewDecideBy;
  return commit(
    {
      ...rest,
      status: 'in_progress',
      secondContact,
      ...(c.deadlines
        ? { deadlines: { ...c.deadlines, ...(secondContactBy ? { secondContactBy } : {}) } }
        : {}),
    },
    [
      message,
      {
        kind: caseEventKinds.reopened,
        data: {
          reason: secondContact.reason,
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
