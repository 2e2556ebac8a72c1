import type { CaseCommandType } from './case-commands.js';
import type { CaseStatus } from './case-types.js';

const commandVerbs: Record<CaseCommandType, string> = {
  register: 'register',
  acknowledge: 'acknowledge',
  start_work: 'start work on',
  assign: 'assign',
  transfer: 'transfer',
  note: 'add a note to',
  request_info: 'ask the customer for information on',
  record_reminder: 'send a reminder for',
  record_acknowledgement_overdue: 'report an overdue acknowledgement for',
  record_breach: 'record a missed deadline for',
  pause: 'pause',
  resume: 'resume',
  extend: 'extend',
  escalate: 'escalate',
  record_escalation: 'escalate',
  resolve: 'resolve',
  request_review: 'request a review of',
  decide_review: 'decide a review of',
  reopen: 'reopen',
  close: 'close',
  withdraw: 'withdraw',
  merge: 'merge',
  record_customer_message: 'record a customer message on',
  record_delivery: 'record a delivery report on',
  record_notice_sent: 'record a sent notice on',
};

const statusWords: Record<CaseStatus, string> = {
  received: 'only received and not yet registered',
  registered: 'registered',
  in_progress: 'in progress',
  paused: 'paused',
  resolved: 'resolved',
  closed: 'closed',
  withdrawn: 'withdrawn',
  merged: 'merged into another case',
  under_review: 'under review',
};

/** The command does not apply to a case in this status. */
export class IllegalTransitionError extends Error {
  override readonly name = 'IllegalTransitionError';
  readonly code = 'illegal_transition';
  readonly from: CaseStatus;
  readonly command: CaseCommandType;

  constructor(from: CaseStatus, command: CaseCommandType) {
    super(`cannot ${commandVerbs[command]} a case that is ${statusWords[from]}`);
    this.from = from;
    this.command = command;
  }
}

export const caseRuleCodes = [
  'calculator_mismatch',
  'text_required',
  'already_acknowledged',
  'transfer_needs_destination',
  'extension_limit_reached',
  'escalation_downwards',
  'unknown_escalation_level',
  'already_at_top_level',
  'review_not_offered',
  'review_window_closed',
  'review_already_used',
  'second_contact_needs_date',
  'invalid_date',
  'merge_into_itself',
  'no_deadline',
  'sla_action_already_recorded',
  'escalation_skips_rung',
] as const;
export type CaseRuleCode = (typeof caseRuleCodes)[number];

/** The move is allowed in this status, but the command breaks a rule of the bank or the regulator. */
export class CaseRuleError extends Error {
  override readonly name = 'CaseRuleError';
  readonly code: CaseRuleCode;

  constructor(code: CaseRuleCode, message: string) {
    super(message);
    this.code = code;
  }
}

export const extensionApprovalCodes = ['approver_lacks_authority', 'approver_is_requester'] as const;
export type ExtensionApprovalCode = (typeof extensionApprovalCodes)[number];

/**
 * The extension needs an approval the signed-in person cannot give: they hold no role at or above
 * branch head over the case's branch, or they asked for it themselves. The person is refused, not
 * the move: someone else may still approve it.
 */
export class ExtensionApprovalError extends Error {
  override readonly name = 'ExtensionApprovalError';
  readonly code: ExtensionApprovalCode;

  constructor(code: ExtensionApprovalCode, message: string) {
    super(message);
    this.code = code;
  }
}
