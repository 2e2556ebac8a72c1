import { type BranchNode, branchesUnder } from '../staff/staff-scope.js';
import type { StaffMember, StaffRole } from '../staff/staff-types.js';
import { ExtensionApprovalError } from './case-errors.js';
import type { ComplaintCase } from './case-types.js';

/**
 * The signed-in person as the approval rule needs them: who they are, the roles they hold and the
 * branches those roles reach. Built from the session, never from what a request body says.
 */
export interface SignedInStaff {
  id: string;
  roles: readonly StaffRole[];
  /** The branches a branch-bound role of theirs reaches: their own branch and every branch below it. */
  branches: readonly string[];
}

/** Roles that approve for the cases of their branch and the branches below it. */
const branchBoundApprovers: readonly StaffRole[] = ['branch_head', 'operations_supervisor'];
/** Head-office roles above every branch: senior management and the consumer-protection officer. */
const bankWideApprovers: readonly StaffRole[] = [
  'deputy_president',
  'president',
  'consumer_protection_officer',
];
/** Most senior first: the role an approval is recorded under when a person holds several. */
const seniority: readonly StaffRole[] = [
  'consumer_protection_officer',
  'president',
  'deputy_president',
  'operations_supervisor',
  'branch_head',
];

/** The standing of a signed-in staff member, with the reach of their branch in the bank's branch tree. */
export const signedInStaff = (staff: StaffMember, branches: readonly BranchNode[]): SignedInStaff => ({
  id: staff.id,
  roles: [...staff.roles],
  branches: staff.branchCode === undefined ? [] : [...branchesUnder(staff.branchCode, branches)],
});

/**
 * The role by which this person may approve an extension of this case (cn-2020: a superior
 * institution or a senior manager): a branch head or operations supervisor over the case's
 * branch, or a head-office role. Undefined when they hold none.
 */
export const approvingRole = (
  approver: SignedInStaff,
  c: Pick<ComplaintCase, 'branchCode'>,
): StaffRole | undefined =>
  seniority.find(
    (role) =>
      approver.roles.includes(role) &&
      (bankWideApprovers.includes(role) ||
        (branchBoundApprovers.includes(role) &&
          c.branchCode !== undefined &&
          approver.branches.includes(c.branchCode))),
  );

/**
 * Who asked for the extension, as the case records it: the handler working it, else the first
 * responder answerable for it (首问负责制), else the signed-in person.
 */
export const extensionRequester = (
  c: Pick<ComplaintCase, 'handler' | 'firstResponder'>,
  signedIn: Pick<SignedInStaff, 'id'>,
): string => c.handler ?? c.firstResponder ?? signedIn.id;

export interface ExtensionApproval {
  requestedBy: string;
  approvedBy: string;
  approverRole: StaffRole;
}

/**
 * Four eyes on an extension that needs approval: the signed-in person approves the request of the
 * person the case records, only with a role at or above branch head over the case's branch, and
 * never their own request. Throws ExtensionApprovalError saying which of these failed.
 */
export function approveExtension(
  c: Pick<ComplaintCase, 'branchCode' | 'handler' | 'firstResponder'>,
  step: number,
  signedIn: SignedInStaff,
): ExtensionApproval {
  const requestedBy = extensionRequester(c, signedIn);
  const needed =
    c.branchCode === undefined
      ? `extension ${step} needs the approval of a deputy president, the president or the consumer ` +
        'protection officer (the case has no branch)'
      : `extension ${step} needs the approval of a branch head or someone above them over branch ` +
        `${c.branchCode}`;
  const approverRole = approvingRole(signedIn, c);
  if (approverRole === undefined) {
    throw new ExtensionApprovalError(
      'approver_lacks_authority',
      `${needed}, other than ${requestedBy} who asked for it; ${signedIn.id} holds no such role` +
        (c.branchCode === undefined ? '' : ` over branch ${c.branchCode}`),
    );
  }
  if (requestedBy === signedIn.id) {
    throw new ExtensionApprovalError(
      'approver_is_requester',
      `${needed}, other than the person who asked for it; ${signedIn.id} asked for it and cannot ` +
        'approve it too',
    );
  }
  return { requestedBy, approvedBy: signedIn.id, approverRole };
}
