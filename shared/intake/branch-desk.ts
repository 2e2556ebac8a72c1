import type { Desk, RoutingRules } from '../config/routing-rules.js';
import { firstResponderDesk } from '../domain/intake/first-responder.js';
import type { BranchDirectory } from '../domain/staff/staff-ports.js';
import type { Branch } from '../schemas/staff-branch-schema.js';

/**
 * The complaint's branch as the admin keeps it (when registered) and the desk that answers first
 * there: one read of the branch directory, for everyone who names the desk or the ladder.
 */
export const lookUpBranchDesk = async (
  branches: Pick<BranchDirectory, 'get'>,
  routing: RoutingRules,
  branchCode: string | undefined,
): Promise<{ branch: Branch | undefined; desk: Desk }> => {
  const branch = branchCode === undefined ? undefined : await branches.get(branchCode);
  return { branch, desk: firstResponderDesk(routing, branchCode, branch) };
};
