import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import type { IntakeQueue } from '../../shared/adapters/sqs/intake-queue.js';
import { type IntakeSettings, statusPath } from '../../shared/config/intake-settings.js';
import type { CaseStore } from '../../shared/domain/case/case-store.js';
import type { Clock } from '../../shared/domain/time/clock.js';
import { jsonResult } from '../../shared/http/api-response.js';
import { HttpProblem } from '../../shared/http/http-problem.js';
import { acceptOnce } from '../../shared/http/intake-idempotency.js';
import { readJsonBody } from '../../shared/http/json-request.js';
import { acceptReceivedComplaint } from '../../shared/intake/accept-received-complaint.js';
import { logger } from '../../shared/observability/logger.js';
import {
  type ComplaintSubmission,
  complaintSubmissionSchemaAt,
  fieldErrors,
} from '../../shared/schemas/complaint-submission-schema.js';

export interface SubmitComplaintDependencies {
  store: CaseStore;
  queue: IntakeQueue;
  clock: Clock;
  settings: IntakeSettings;
}

/** The public contract at the server's `now` (which also refuses an `occurredAt` in the future). */
const validate = (raw: unknown, now: Date): ComplaintSubmission => {
  const parsed = complaintSubmissionSchemaAt(now).safeParse(raw);
  if (!parsed.success) {
    throw new HttpProblem(400, 'validation_failed', 'Some fields need attention.', fieldErrors(parsed.error));
  }
  return parsed.data;
};

export const createSubmitComplaint =
  (deps: SubmitComplaintDependencies) =>
  async (event: APIGatewayProxyEvent, _context: Context): Promise<APIGatewayProxyResult> => {
    const raw = readJsonBody(event);
    const submission = validate(raw, deps.clock.now());
    const result = await acceptOnce({
      event,
      raw,
      scope: 'submit-complaint',
      store: deps.store,
      now: deps.clock.now(),
      accept: async (claim) => {
        const answer = await acceptReceivedComplaint(deps, {
          submission,
          channel: 'web',
          ...(claim ? { claim } : {}),
        });
        logger.info('complaint received', { reference: answer.reference });
        return answer;
      },
    });
    return jsonResult(202, {
      reference: result.reference,
      trackingToken: result.token,
      status: 'received',
      statusUrl: statusPath(result.reference, result.token),
    });
  };
