import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import type { z } from 'zod';
import type { CaseStore } from '../../shared/domain/case/case-store.js';
import type { EscalationLadder } from '../../shared/domain/escalation/escalation-ladder.js';
import { isOverdue } from '../../shared/domain/staff/staff-case-filter.js';
import type { BranchDirectory } from '../../shared/domain/staff/staff-ports.js';
import { canReadCase } from '../../shared/domain/staff/staff-scope.js';
import type { Clock } from '../../shared/domain/time/clock.js';
import { jsonResult } from '../../shared/http/api-response.js';
import { notFound } from '../../shared/http/http-problem.js';
import { staffCaseDetailResponseSchema } from '../../shared/schemas/staff-case-response-schema.js';
import { referencePathParameter, requireStaff } from '../../shared/schemas/staff-request.js';

export interface GetCaseDependencies {
  store: CaseStore;
  branches: BranchDirectory;
  ladder: EscalationLadder;
  clock: Clock;
  /** The console's app client id: staff tokens issued to anything else are refused. */
  staffAudience: string;
}

/**
 * GET /api/cases/{reference}: the case and its whole ledger. A case outside the caller's scope
 * answers exactly as a missing one, so references cannot be probed.
 */
export const createGetCase = (deps: GetCaseDependencies) => {
  return async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
    const staff = requireStaff(event, deps.staffAudience);
    const reference = referencePathParameter(event);
    const c = await deps.store.get(reference);
    const scope = { branches: await deps.branches.list(), ladder: deps.ladder };
    if (c === undefined || !canReadCase(staff, c, scope)) throw notFound(`No case ${reference}`);
    const events = await deps.store.listEvents(reference);
    const now = deps.clock.now();
    // Parsing with the response schema drops what staff must not see (the token digest).
    const answer: z.input<typeof staffCaseDetailResponseSchema> = {
      now: now.toISOString(),
      case: { ...c, overdue: isOverdue(c, now) },
      timeline: events,
    };
    return jsonResult(200, staffCaseDetailResponseSchema.parse(answer));
  };
};
