import type { Branch } from '../../schemas/staff-branch-schema.js';

/** Which of a branch's contacts answers for each rung of the default ladder. */
const contactForRole = {
  branch_head: 'branchHead',
  operations_supervisor: 'operationsSupervisor',
  deputy_president: 'deputyPresident',
  president: 'president',
} as const satisfies Record<string, keyof Branch['contacts']>;

const isLadderRole = (role: string): role is keyof typeof contactForRole =>
  Object.hasOwn(contactForRole, role);

/**
 * The address the admin keeps on the branch for a ladder role, so a new branch head is told from
 * the moment the branch is updated. Undefined for a branch nobody registered or a rung the bank
 * added to its own ladder; the caller then falls back to the configured directory.
 */
export const branchLadderContact = (branch: Branch | undefined, role: string): string | undefined =>
  branch !== undefined && isLadderRole(role) ? branch.contacts[contactForRole[role]] : undefined;
