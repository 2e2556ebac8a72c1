import type {
  DeliveryOutcome,
  RecordDeliveryCommand,
  RecordNoticeSentCommand,
  TransitionContext,
  TransitionResult,
} from './case-commands.js';
import { type CaseEventKind, caseEventKinds } from './case-event-kinds.js';
import { assertCanApply } from './case-status-rules.js';
import { commit, compact, parseInstant } from './case-transition.js';
import type { CaseEvent, ComplaintCase } from './case-types.js';

/** The ledger entry of each outcome SES reports. */
export const deliveryEventKinds: Readonly<Record<DeliveryOutcome, CaseEventKind>> = {
  delivered: caseEventKinds.noticeDelivered,
  bounced: caseEventKinds.noticeBounced,
  complained: caseEventKinds.noticeComplained,
  rejected: caseEventKinds.noticeRejected,
  rendering_failed: caseEventKinds.noticeRenderingFailed,
};

/** A reason text from SES is diagnostic, not correspondence; this is plenty for it. */
const MAX_REASON_LENGTH = 500;

const sortedDigests = (digests: readonly string[]): string[] => [...new Set(digests)].sort();

/**
 * Records what SES reported about a notice. Allowed in every status: SES reports late (a bounce
 * can follow hours after the case closed), and the ledger must still show whether the customer
 * was told. The case itself does not change; the event is the proof.
 */
export function recordDelivery(
  c: ComplaintCase,
  command: RecordDeliveryCommand,
  ctx: TransitionContext,
): TransitionResult {
  assertCanApply(c.status, command.type);
  const occurredAt = parseInstant(command.occurredAt, 'occurredAt').toISOString();
  const digests = sortedDigests(command.recipientDigests);
  const details = command.details;
  return commit(
    c,
    [
      {
        kind: deliveryEventKinds[command.outcome],
        data: compact({
          messageId: command.messageId,
          occurredAt,
          recipients: digests.length,
          recipientDigests: digests,
          bounceType: details?.bounceType,
          bounceSubType: details?.bounceSubType,
          statusCodes: details?.statusCodes?.length ? [...details.statusCodes] : undefined,
          complaintFeedbackType: details?.complaintFeedbackType,
          reason: details?.reason?.slice(0, MAX_REASON_LENGTH),
        }),
      },
    ],
    ctx,
  );
}

/**
 * Whether the ledger already holds this report: same outcome, same message, same recipients.
 * SES and EventBridge deliver at least once, so the same report can arrive twice; a message to
 * several recipients can also be reported once per recipient, and each of those is kept.
 */
export const deliveryOnLedger = (events: readonly CaseEvent[], command: RecordDeliveryCommand): boolean => {
  const kind = deliveryEventKinds[command.outcome];
  const digests = sortedDigests(command.recipientDigests).join(',');
  return events.some((event) => {
    if (event.kind !== kind || event.data?.messageId !== command.messageId) return false;
    const recorded = event.data.recipientDigests;
    const recordedDigests = Array.isArray(recorded)
      ? recorded.filter((digest): digest is string => typeof digest === 'string')
      : [];
    return sortedDigests(recordedDigests).join(',') === digests;
  });
};

/** Records that a notice owed by an earlier change was sent. Like delivery reports, in any status. */
export function recordNoticeSent(
  c: ComplaintCase,
  command: RecordNoticeSentCommand,
  ctx: TransitionContext,
): TransitionResult {
  assertCanApply(c.status, command.type);
  return commit(
    c,
    [
      {
        kind: caseEventKinds.noticeSent,
        data: {
          effectId: command.effectId,
          notice: command.notice,
          messageId: command.messageId,
          recipients: command.recipients,
        },
      },
    ],
    ctx,
  );
}
