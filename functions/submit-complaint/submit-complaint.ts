import { randomBytes } from 'node:crypto';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { type IntakeQueue, queueOrLeaveForRedrive } from '../../shared/adapters/sqs/intake-queue.js';
import { type IntakeSettings, statusPath } from '../../shared/config/intake-settings.js';
import { CaseAlreadyExistsError, type CaseStore } from '../../shared/domain/case/case-store.js';
import { newComplaintReference } from '../../shared/domain/intake/complaint-reference.js';
import { receivedCase } from '../../shared/domain/intake/received-case.js';
import { hashTrackingToken, newTrackingToken } from '../../shared/domain/intake/tracking-token.js';
import type { Clock } from '../../shared/domain/time/clock.js';
import { jsonResult } from '../../shared/http/api-response.js';
import { HttpProblem } from '../../shared/http/http-problem.js';
import {
  acceptOnce,
  type IntakeClaimRequest,
  intakeClaimRecord,
} from '../../shared/http/intake-idempotency.js';
import { readJsonBody } from '../../shared/http/json-request.js';
import { logger } from '../../shared/observability/logger.js';
import {
  type ComplaintSubmission,
  complaintSubmissionSchema,
  fieldErrors,
} from '../../shared/schemas/complaint-submission-schema.js';

export interface SubmitComplaintDependencies {
  store: CaseStore;
  queue: IntakeQueue;
  clock: Clock;
  settings: IntakeSettings;
}

const MAX_REFERENCE_ATTEMPTS = 5;

const validate = (raw: unknown, now: Date): ComplaintSubmission => {
  const parsed = complaintSubmissionSchema.safeParse(raw);
  if (!parsed.success) {
    throw new HttpProblem(400, 'validation_failed', 'Some fields need attention.', fieldErrors(parsed.error));
  }
  const occurredAt = parsed.data.occurredAt;
  // A small allowance for clocks that run ahead; a date in the future is a typing error.
  if (occurredAt !== undefined && Date.parse(occurredAt) > now.getTime() + 24 * 3600 * 1000) {
    throw new HttpProblem(400, 'validation_failed', 'Some fields need attention.', [
      { path: 'occurredAt', message: 'must not be in the future' },
    ]);
  }
  return parsed.data;
};

/**
 * Stores the `received` record and hands the reference to the intake queue. The record is
 * written first: if the queue is unreachable the complaint is still accepted, and the
 * registration re-drive sends it again later.
 */
const accept = async (
  submission: ComplaintSubmission,
  deps: SubmitComplaintDependencies,
  claim?: IntakeClaimRequest,
): Promise<{ reference: string; token: string }> => {
  const now = deps.clock.now();
  const token = newTrackingToken();
  for (let attempt = 1; ; attempt += 1) {
    const reference = newComplaintReference(now, deps.settings.timeZone, randomBytes);
    const received = receivedCase({
      reference,
      trackingTokenHash: hashTrackingToken(token),
      submission,
      channel: 'web',
      now,
      clockPolicyId: deps.settings.defaultClockPolicyId,
      calendarId: deps.settings.defaultCalendarId,
    });
    try {
      await deps.store.create(
        received.case,
        received.events,
        claim === undefined ? undefined : intakeClaimRecord(claim, { reference, token }, now),
      );
    } catch (error) {
      if (error instanceof CaseAlreadyExistsError && attempt < MAX_REFERENCE_ATTEMPTS) continue;
      throw error;
    }
    await queueOrLeaveForRedrive(deps.queue, { reference, trackingToken: token });
    logger.info('complaint received', { reference });
    return { reference, token };
  }
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
      accept: (claim) => accept(submission, deps, claim),
    });
    return jsonResult(202, {
      reference: result.reference,
      trackingToken: result.token,
      status: 'received',
      statusUrl: statusPath(result.reference, result.token),
    });
  };
