import type { RoutingRules } from '../../config/routing-rules.js';
import type { Branch } from '../../schemas/staff-branch-schema.js';
import type { RegisterCommand } from '../case/case-commands.js';
import type { ComplaintCase } from '../case/case-types.js';
import { defaultPriorityRules, type PriorityRules, priorityFor } from '../case/priority-rules.js';
import { firstResponderDesk } from './first-responder.js';

export interface RegistrationContext {
  routing: RoutingRules;
  /** The complaint's branch as the admin keeps it, when it is registered. */
  branch?: Branch;
  priorityRules?: PriorityRules;
  /** Whether the same customer complained in the last 12 months (looked up by the caller). */
  repeatComplainant: boolean;
}

/** 12 months back from receipt: the window in which a complainant counts as a repeat. */
export const repeatWindowStart = (receivedAt: string): string => {
  const start = new Date(receivedAt);
  start.setUTCFullYear(start.getUTCFullYear() - 1);
  return start.toISOString();
};

/**
 * The register command for a received complaint: who answers first, how urgent, which clock.
 * A complaint a staff member took down is theirs to answer; one that arrived on its own goes to
 * the duty desk.
 */
export const registrationPlan = (c: ComplaintCase, context: RegistrationContext): RegisterCommand => {
  const desk = firstResponderDesk(context.routing, c.branchCode, context.branch);
  return {
    type: 'register',
    firstResponder: c.takenBy ?? desk.id,
    priority: priorityFor(c.customer, { urgent: c.urgent }, context.priorityRules ?? defaultPriorityRules),
    repeatComplainant: context.repeatComplainant,
    clockPolicyId: c.clockPolicyId,
    calendarId: c.calendarId,
  };
};
