import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import type { z } from 'zod';
import { InvalidCursorError } from '../../shared/domain/case/case-store.js';
import type { ComplaintCase } from '../../shared/domain/case/case-types.js';
import type { EscalationLadder } from '../../shared/domain/escalation/escalation-ladder.js';
import { isOverdue, matchesFilter } from '../../shared/domain/staff/staff-case-filter.js';
import type { BranchDirectory, CaseWalker } from '../../shared/domain/staff/staff-ports.js';
import { canReadCase, worksCases } from '../../shared/domain/staff/staff-scope.js';
import type { Clock } from '../../shared/domain/time/clock.js';
import { jsonResult } from '../../shared/http/api-response.js';
import { HttpProblem } from '../../shared/http/http-problem.js';
import {
  type StaffCaseListResponse,
  type StaffCaseSummary,
  staffCaseSummarySchema,
} from '../../shared/schemas/staff-case-response-schema.js';
import { caseListQuerySchema } from '../../shared/schemas/staff-case-schema.js';
import { forbidden, parseOrReject, requireStaff } from '../../shared/schemas/staff-request.js';

export interface ListCasesDependencies {
  cases: CaseWalker;
  branches: BranchDirectory;
  ladder: EscalationLadder;
  clock: Clock;
  /** The console's app client id: staff tokens issued to anything else are refused. */
  staffAudience: string;
}

const DEFAULT_LIMIT = 50;
/** Table pages read per request at most, so one request stays fast however sparse the matches. */
const MAX_PAGES_PER_REQUEST = 20;

/** A list row; parsing with the row schema leaves out everything the list does not show. */
const summary = (c: ComplaintCase, now: Date): StaffCaseSummary => {
  const { customer, ...rest } = c;
  const row: z.input<typeof staffCaseSummarySchema> = {
    ...rest,
    // Staff in scope see who complained (the watch list needs a name); contact details stay on the case page.
    ...(customer.name && !c.anonymous ? { customer: { name: customer.name } } : {}),
    overdue: isOverdue(c, now),
  };
  return staffCaseSummarySchema.parse(row);
};

/**
 * GET /api/cases. Walks the cases, keeps those in the caller's scope that match the filters, and
 * stops once a page's worth is found (or after a bounded number of table pages). A page may hold
 * somewhat more or fewer than `limit` cases; the list ends when no cursor comes back.
 */
export const createListCases = (deps: ListCasesDependencies) => {
  return async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
    const staff = requireStaff(event, deps.staffAudience);
    if (!worksCases(staff)) throw forbidden('Your role does not include working complaints.');
    const query = parseOrReject(caseListQuerySchema, event.queryStringParameters ?? {});
    const limit = query.limit ?? DEFAULT_LIMIT;
    const now = deps.clock.now();
    const scope = { branches: await deps.branches.list(), ladder: deps.ladder };
    const found: ComplaintCase[] = [];
    let cursor = query.cursor;
    try {
      for (let pages = 0; pages < MAX_PAGES_PER_REQUEST; pages += 1) {
        const page = await deps.cases.page(cursor, limit);
        cursor = page.cursor;
        found.push(...page.cases.filter((c) => canReadCase(staff, c, scope) && matchesFilter(c, query, now)));
        if (cursor === undefined || found.length >= limit) break;
      }
    } catch (error) {
      if (error instanceof InvalidCursorError) {
        throw new HttpProblem(400, 'validation_failed', 'The cursor is not one this list issued.', [
          { path: 'cursor', message: 'is not valid' },
        ]);
      }
      throw error;
    }
    const answer: StaffCaseListResponse = {
      // The system's time, so the console counts down on the same clock as the deadlines.
      now: now.toISOString(),
      cases: found.map((c) => summary(c, now)),
      ...(cursor === undefined ? {} : { cursor }),
    };
    return jsonResult(200, answer);
  };
};
