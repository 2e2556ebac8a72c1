import type { ComplaintCase } from '../case/case-types.js';
import { type EscalationLadder, levelAt } from '../escalation/escalation-ladder.js';
import type { SlaActionKind } from './sla-types.js';

/** Roles on the case itself; the others are ladder roles (`branch_head`, `president`, ...). */
export const caseRoles = { firstResponder: 'first_responder', handler: 'handler' } as const;

/** `first_responder`, `handler`, or a role of the bank's escalation ladder. */
export type SlaRecipientRole = string;

export interface SlaRecipient {
  role: SlaRecipientRole;
  /** Set for the people named on the case; a ladder role is resolved to people by the mailer. */
  staffId?: string;
}

/**
 * Who is told of each action:
 * - acknowledgement overdue: the first responder and the first rung of the ladder (the branch head);
 * - reminder (督办) and breach: the handler and the first responder;
 * - escalation: the rung reached, and the first responder, who hears of every escalation of the
 *   case they answer for (首问负责制).
 */
export const slaNotifiedRoles = (
  kind: SlaActionKind,
  ladder: EscalationLadder,
  escalationRole?: string,
): SlaRecipientRole[] => {
  switch (kind) {
    case 'acknowledgement_overdue':
      return [caseRoles.firstResponder, levelAt(ladder, 1)?.role ?? 'branch_head'];
    case 'decision_reminder':
    case 'decision_breach':
      return [caseRoles.handler, caseRoles.firstResponder];
    case 'escalate':
      return [...(escalationRole ? [escalationRole] : []), caseRoles.firstResponder];
  }
};

const staffIdFor = (c: ComplaintCase, role: SlaRecipientRole): string | undefined => {
  if (role === caseRoles.firstResponder) return c.firstResponder;
  if (role === caseRoles.handler) return c.handler;
  return undefined;
};

/**
 * The notified roles made concrete for this case. A role the case has nobody for (no handler
 * assigned yet) is left out rather than sent nowhere, and a person holding two roles (handler and
 * first responder at a small branch) is listed once, under the first.
 */
export const slaRecipientsFor = (c: ComplaintCase, roles: readonly SlaRecipientRole[]): SlaRecipient[] => {
  const recipients: SlaRecipient[] = [];
  const seen = new Set<string>();
  for (const role of roles) {
    const isCaseRole = role === caseRoles.firstResponder || role === caseRoles.handler;
    const staffId = staffIdFor(c, role);
    if (isCaseRole && staffId === undefined) continue;
    const key = staffId === undefined ? `role:${role}` : `staff:${staffId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    recipients.push(staffId === undefined ? { role } : { role, staffId });
  }
  return recipients;
};
