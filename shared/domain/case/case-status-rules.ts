import type { CaseCommandType } from './case-commands.js';
import { IllegalTransitionError } from './case-errors.js';
import type { CaseStatus } from './case-types.js';
import { caseStatuses, terminalStatuses } from './case-types.js';

const working: readonly CaseStatus[] = ['registered', 'in_progress', 'paused'];

/**
 * The statuses each command may start from. Closed, withdrawn and merged appear only for
 * delivery records: a finished case takes no further change, but SES may report the delivery of
 * the closing notice after the case closed, and that proof belongs on the ledger.
 */
export const commandAllowedFrom: Readonly<Record<CaseCommandType, readonly CaseStatus[]>> = {
  register: ['received'],
  acknowledge: working,
  start_work: ['registered'],
  assign: [...working, 'under_review'],
  transfer: [...working, 'under_review'],
  note: ['received', ...working, 'resolved', 'under_review'],
  request_info: [...working, 'under_review'],
  record_reminder: ['registered', 'in_progress'],
  // Like the climb, the overdue records need a running clock: a paused case is not late.
  record_acknowledgement_overdue: ['registered', 'in_progress'],
  record_breach: ['registered', 'in_progress'],
  pause: ['in_progress'],
  resume: ['paused'],
  extend: working,
  // Staff may raise a paused case; the clock-driven climb waits while the clock is stopped.
  escalate: [...working, 'under_review'],
  record_escalation: ['registered', 'in_progress', 'under_review'],
  resolve: ['registered', 'in_progress'],
  request_review: ['resolved'],
  decide_review: ['under_review'],
  reopen: ['resolved', 'under_review'],
  close: ['resolved'],
  withdraw: ['received', ...working],
  merge: ['received', ...working],
  record_customer_message: ['received', ...working, 'resolved', 'under_review'],
  record_delivery: caseStatuses,
  // Owed by a change already committed: recorded whatever the case has become since.
  record_notice_sent: caseStatuses,
};

export const canApply = (status: CaseStatus, command: CaseCommandType): boolean =>
  commandAllowedFrom[command].includes(status);

export function assertCanApply(status: CaseStatus, command: CaseCommandType): void {
  if (!canApply(status, command)) throw new IllegalTransitionError(status, command);
}

export const isTerminalStatus = (status: CaseStatus): boolean => terminalStatuses.includes(status);
