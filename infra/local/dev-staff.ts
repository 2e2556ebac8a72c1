import type { RoutingRules } from '../../shared/config/routing-rules.js';
import { ladderEmail, type StaffDirectory } from '../../shared/config/staff-directory.js';
import type { StaffRole } from '../../shared/domain/staff/staff-types.js';
import type { BranchInput } from '../../shared/schemas/staff-branch-schema.js';
import type { DevTokenClaims } from './dev-tokens.js';

/**
 * Who can sign in locally: a consumer-protection officer, an admin, the bank's leaders, and for
 * every sample branch its head, operations supervisor, a handler and an agent.
 */
export const devUsers = (branchCodes: readonly string[]): Record<string, DevTokenClaims> => {
  const user = (id: string, name: string, groups: StaffRole[], branch?: string): DevTokenClaims => ({
    sub: `local-${id}`,
    'cognito:username': id,
    'cognito:groups': groups,
    name,
    email: `${id}@staff.bank.example`,
    ...(branch === undefined ? {} : { 'custom:branch': branch }),
  });
  const users: Record<string, DevTokenClaims> = {
    cpo: user('cpo', 'Consumer protection officer', ['consumer_protection_officer']),
    admin: user('admin', 'Administrator', ['admin']),
    'deputy-president': user('deputy-president', 'Deputy president', ['deputy_president']),
    president: user('president', 'President', ['president']),
  };
  for (const code of branchCodes) {
    users[`head-${code}`] = user(`head-${code}`, `Head of ${code}`, ['branch_head'], code);
    users[`ops-${code}`] = user(
      `ops-${code}`,
      `Operations supervisor ${code}`,
      ['operations_supervisor'],
      code,
    );
    users[`handler-${code}`] = user(`handler-${code}`, `Handler ${code}`, ['handler'], code);
    users[`agent-${code}`] = user(`agent-${code}`, `Agent ${code}`, ['agent'], code);
  }
  return users;
};

/** The sample branches as directory entries, from the routing rules and the staff directory. */
export const sampleBranches = (
  routing: RoutingRules,
  directory: StaffDirectory,
): Array<{ code: string; input: BranchInput }> =>
  Object.entries(routing.branches).map(([code, branch]) => {
    const ladder = (role: string) =>
      ladderEmail(directory, code, role) ?? routing.consumerProtectionDesk.email;
    return {
      code,
      input: {
        name: branch.dutyDesk.name.en,
        contacts: {
          dutyDesk: branch.dutyDesk.email,
          branchHead: ladder('branch_head'),
          operationsSupervisor: ladder('operations_supervisor'),
          deputyPresident: ladder('deputy_president'),
          president: ladder('president'),
        },
      },
    };
  });
