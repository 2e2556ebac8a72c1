import { extendClock, pauseClock, resumeClock } from './case-clock.js';
import type { CaseCommand, TransitionContext, TransitionResult } from './case-commands.js';
import { recordCustomerMessage } from './case-customer-message.js';
import { recordDelivery, recordNoticeSent } from './case-delivery.js';
import { mergeCase, withdrawCase } from './case-ending.js';
import { escalateCase } from './case-escalation.js';
import { acknowledgeCase, registerCase, startWork } from './case-intake.js';
import { closeCase, resolveCase } from './case-resolution.js';
import { decideReview, reopenCase, requestReview } from './case-review.js';
import { addNote, assignCase, requestInfo, transferCase } from './case-routing.js';
import {
  recordAcknowledgementOverdue,
  recordBreach,
  recordSlaEscalation,
  recordSlaReminder,
} from './case-sla-records.js';
import type { CaseEvent, ComplaintCase } from './case-types.js';

/**
 * The one entry point for changing a case. Throws IllegalTransitionError when the command does
 * not fit the status, CaseRuleError when it breaks a rule; never changes the case passed in.
 */
export function applyCommand(
  c: ComplaintCase,
  command: CaseCommand,
  ctx: TransitionContext,
): TransitionResult {
  switch (command.type) {
    case 'register':
      return registerCase(c, command, ctx);
    case 'acknowledge':
      return acknowledgeCase(c, command, ctx);
    case 'start_work':
      return startWork(c, command, ctx);
    case 'assign':
      return assignCase(c, command, ctx);
    case 'transfer':
      return transferCase(c, command, ctx);
    case 'note':
      return addNote(c, command, ctx);
    case 'request_info':
      return requestInfo(c, command, ctx);
    case 'record_reminder':
      return recordSlaReminder(c, command, ctx);
    case 'record_acknowledgement_overdue':
      return recordAcknowledgementOverdue(c, command, ctx);
    case 'record_breach':
      return recordBreach(c, command, ctx);
    case 'pause':
      return pauseClock(c, command, ctx);
    case 'resume':
      return resumeClock(c, command, ctx);
    case 'extend':
      return extendClock(c, command, ctx);
    case 'escalate':
      return escalateCase(c, command, ctx);
    case 'record_escalation':
      return recordSlaEscalation(c, command, ctx);
    case 'resolve':
      return resolveCase(c, command, ctx);
    case 'request_review':
      return requestReview(c, command, ctx);
    case 'decide_review':
      return decideReview(c, command, ctx);
    case 'reopen':
      return reopenCase(c, command, ctx);
    case 'close':
      return closeCase(c, command, ctx);
    case 'withdraw':
      return withdrawCase(c, command, ctx);
    case 'merge':
      return mergeCase(c, command, ctx);
    case 'record_customer_message':
      return recordCustomerMessage(c, command, ctx);
    case 'record_delivery':
      return recordDelivery(c, command, ctx);
    case 'record_notice_sent':
      return recordNoticeSent(c, command, ctx);
  }
}

/** A case with the events of its first write, before the store has it. */
export interface UnstoredCase {
  case: ComplaintCase;
  events: readonly CaseEvent[];
}

/**
 * Applies a command to a case that is not stored yet (a complaint still being received), by the
 * same rules as `applyCommand`. Its events join the first write, which is one stored change: the
 * case keeps the version it will be created at.
 */
export function applyBeforeStored(
  record: UnstoredCase,
  command: CaseCommand,
  ctx: TransitionContext,
): { case: ComplaintCase; events: CaseEvent[] } {
  const result = applyCommand(record.case, command, ctx);
  return {
    case: { ...result.case, version: record.case.version },
    events: [...record.events, ...result.events],
  };
}
