import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import type { BranchDirectory } from '../../shared/domain/staff/staff-ports.js';
import {
  branchesUnder,
  canConfigure,
  canReadConfigurationChanges,
  worksCases,
} from '../../shared/domain/staff/staff-scope.js';
import type { Clock } from '../../shared/domain/time/clock.js';
import { jsonResult } from '../../shared/http/api-response.js';
import { HttpProblem, notFound } from '../../shared/http/http-problem.js';
import { readJsonBody } from '../../shared/http/json-request.js';
import { branchCodeSchema, branchInputSchema } from '../../shared/schemas/staff-branch-schema.js';
import { forbidden, parseOrReject, pathParameter, requireStaff } from '../../shared/schemas/staff-request.js';

export interface BranchesDependencies {
  branches: BranchDirectory;
  clock: Clock;
  /** The console's app client id: staff tokens issued to anything else are refused. */
  staffAudience: string;
}

const invalidParent = (message: string) =>
  new HttpProblem(400, 'validation_failed', 'Some fields need attention.', [{ path: 'parent', message }]);

/**
 * GET /api/branches (anyone signed in: the console needs the names),
 * PUT /api/branches/{code} (admin only: creates or replaces a branch, recording who changed what)
 * and GET /api/branches/{code}/changes (the consumer-protection office and admins: every change of
 * the branch, oldest first, with who made it, when, and the branch before and after).
 */
export const createBranches = (deps: BranchesDependencies) => {
  return async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
    const staff = requireStaff(event, deps.staffAudience);
    if (event.httpMethod === 'GET' && event.pathParameters?.code !== undefined) {
      if (!canReadConfigurationChanges(staff))
        throw forbidden('Only the consumer-protection office may read branch changes.');
      const code = parseOrReject(branchCodeSchema, pathParameter(event, 'code'));
      const changes = await deps.branches.changes(code);
      if (changes.length === 0 && (await deps.branches.get(code)) === undefined)
        throw notFound(`No branch ${code}`);
      return jsonResult(200, { changes: changes.sort((a, b) => a.version - b.version) });
    }
    if (event.httpMethod === 'GET') {
      if (!worksCases(staff) && !canConfigure(staff)) throw forbidden('Your role has no access to branches.');
      const branches = await deps.branches.list();
      return jsonResult(200, { branches: branches.sort((a, b) => a.code.localeCompare(b.code)) });
    }
    if (!canConfigure(staff)) throw forbidden('Only an administrator may change branches.');
    const code = parseOrReject(branchCodeSchema, pathParameter(event, 'code'));
    const input = parseOrReject(branchInputSchema, readJsonBody(event));
    if (input.parent !== undefined) {
      if (input.parent === code) throw invalidParent('must not be the branch itself');
      const branches = await deps.branches.list();
      if (!branches.some((branch) => branch.code === input.parent))
        throw invalidParent('is not a known branch');
      // A parent below this branch would close a loop in the tree and hide both from their heads.
      if (branchesUnder(code, branches).has(input.parent))
        throw invalidParent('must not be below this branch');
    }
    const { branch, created, change } = await deps.branches.put(code, input, deps.clock.now(), {
      id: staff.id,
      name: staff.name,
    });
    return jsonResult(created ? 201 : 200, { branch, change });
  };
};
