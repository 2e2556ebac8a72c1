import type { ComplaintCase } from '../case/case-types.js';
import { type EscalationLadder, levelOfRole } from '../escalation/escalation-ladder.js';
import type { StaffMember, StaffRole } from './staff-types.js';

/**
 * Who may see and change which case. Pure rules: the handlers load the staff member, the case
 * and the branch tree, and ask here; nothing else decides scope.
 */

export interface BranchNode {
  code: string;
  parent?: string;
}

export interface ScopeContext {
  branches: readonly BranchNode[];
  ladder: EscalationLadder;
}

/** Roles that work complaints; admin configures the system and never reads a complaint. */
const caseRoles: readonly StaffRole[] = [
  'agent',
  'handler',
  'branch_head',
  'operations_supervisor',
  'deputy_president',
  'president',
  'consumer_protection_officer',
];

/** Roles whose reach ends at their branch and the branches below it. */
const branchRoles: readonly StaffRole[] = ['branch_head', 'operations_supervisor'];
/** Roles that see what was escalated to their rung of the ladder, whichever branch it came from. */
const ladderRoles: readonly StaffRole[] = ['deputy_president', 'president'];

const has = (staff: StaffMember, roles: readonly StaffRole[]): boolean =>
  staff.roles.some((role) => roles.includes(role));

export const worksCases = (staff: StaffMember): boolean => has(staff, caseRoles);
export const canConfigure = (staff: StaffMember): boolean => staff.roles.includes('admin');
/** Who may read the record of configuration changes: the consumer-protection office and admins. */
export const canReadConfigurationChanges = (staff: StaffMember): boolean =>
  has(staff, ['consumer_protection_officer', 'admin']);

/** A branch and every branch below it; a cycle in the data cannot make this loop. */
export const branchesUnder = (root: string, branches: readonly BranchNode[]): Set<string> => {
  const result = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const branch of branches) {
      if (branch.parent !== undefined && result.has(branch.parent) && !result.has(branch.code)) {
        result.add(branch.code);
        grew = true;
      }
    }
  }
  return result;
};

/** 首问负责制: the first responder and the current handler stay answerable wherever the case goes. */
const isOwn = (staff: StaffMember, c: ComplaintCase): boolean =>
  c.firstResponder === staff.id || c.handler === staff.id;

export const canReadCase = (staff: StaffMember, c: ComplaintCase, context: ScopeContext): boolean => {
  if (!worksCases(staff)) return false;
  if (staff.roles.includes('consumer_protection_officer')) return true;
  if (isOwn(staff, c)) return true;
  for (const role of staff.roles) {
    if (ladderRoles.includes(role)) {
      const rung = levelOfRole(context.ladder, role);
      if (rung !== undefined && c.escalationLevel >= rung) return true;
    }
  }
  if (staff.branchCode === undefined) return false;
  if (has(staff, branchRoles) && c.branchCode !== undefined) {
    if (branchesUnder(staff.branchCode, context.branches).has(c.branchCode)) return true;
  }
  if (staff.roles.includes('handler')) {
    // A handler works the cases of their own unit or branch, not those of branches below it.
    return c.branchCode === staff.branchCode || c.assignedUnit === staff.branchCode;
  }
  return false;
};

/** The actions the staff API offers; the SLA workflow's own commands are not among them. */
export const staffActionTypes = [
  'acknowledge',
  'start_work',
  'assign',
  'transfer',
  'note',
  'request_info',
  'pause',
  'resume',
  'extend',
  'escalate',
  'resolve',
  'reopen',
  'merge',
  'withdraw',
  'request_review',
  'decide_review',
  'close',
] as const;
export type StaffActionType = (typeof staffActionTypes)[number];

/** Moves that decide who works a case or fold cases together: beyond an agent's own work. */
const supervisedActions: readonly StaffActionType[] = ['assign', 'reopen', 'merge', 'close'];

/** A review (核查) is the superior's look at a decision: only a leader gives its answer. */
const reviewDeciders: readonly StaffRole[] = [
  'branch_head',
  'operations_supervisor',
  'deputy_president',
  'president',
  'consumer_protection_officer',
];

export type ActionVerdict =
  | { allowed: true }
  | { allowed: false; status: 'not_found' | 'forbidden'; reason: string };

/**
 * Whether `staff` may apply `action` to the case. A case outside their scope is reported as not
 * found, so the API does not confirm that a reference exists to someone who may not see it.
 * Who may approve an extension is the domain's rule (extension-approval.ts), not a scope question.
 */
export const decideAction = (
  staff: StaffMember,
  c: ComplaintCase,
  action: StaffActionType,
  context: ScopeContext,
): ActionVerdict => {
  if (!canReadCase(staff, c, context)) {
    return { allowed: false, status: 'not_found', reason: `No case ${c.reference}` };
  }
  const beyondAgent = staff.roles.some((role) => role !== 'agent' && caseRoles.includes(role));
  if (supervisedActions.includes(action) && !beyondAgent) {
    return {
      allowed: false,
      status: 'forbidden',
      reason: `an agent cannot ${action.replace('_', ' ')} a case`,
    };
  }
  if (action === 'decide_review') {
    // Not the person whose decision is reviewed: the review is a second pair of eyes.
    const decidedBy = c.decision?.decidedBy;
    if (!staff.roles.some((role) => reviewDeciders.includes(role))) {
      return {
        allowed: false,
        status: 'forbidden',
        reason: 'only a branch head or a more senior leader decides a review',
      };
    }
    if (decidedBy !== undefined && decidedBy === staff.id) {
      return {
        allowed: false,
        status: 'forbidden',
        reason: 'the person who made the decision cannot decide its review',
      };
    }
  }
  return { allowed: true };
};

/** Anyone who works cases may take a complaint down, for any branch: they then answer for it. */
export const canRegister = (staff: StaffMember): boolean => worksCases(staff);

/** The role to record on the ledger for an action: the most senior one the person holds. */
export const actingRole = (staff: StaffMember): StaffRole | undefined => {
  const order: readonly StaffRole[] = [
    'consumer_protection_officer',
    'president',
    'deputy_president',
    'operations_supervisor',
    'branch_head',
    'handler',
    'agent',
    'admin',
  ];
  return order.find((role) => staff.roles.includes(role));
};
