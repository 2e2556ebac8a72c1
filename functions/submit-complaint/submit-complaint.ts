import { randomBytes } from 'node:crypto';
import {
  IdempotencyAlreadyInProgressError,
  IdempotencyConfig,
  IdempotencyValidationError,
  makeIdempotent,
} from '@aws-lambda-powertools/idempotency';
import type { BasePersistenceLayer } from '@aws-lambda-powertools/idempotency/persistence';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { z } from 'zod';
import type { IntakeQueue } from '../../shared/adapters/sqs/intake-queue.js';
import { type IntakeSettings, statusPath } from '../../shared/config/intake-settings.js';
import { CaseAlreadyExistsError, type CaseStore } from '../../shared/domain/case/case-store.js';
import { newComplaintReference } from '../../shared/domain/intake/complaint-reference.js';
import { receivedCase } from '../../shared/domain/intake/received-case.js';
import { hashTrackingToken, newTrackingToken } from '../../shared/domain/intake/tracking-token.js';
import type { Clock } from '../../shared/domain/time/clock.js';
import { jsonResult } from '../../shared/http/api-response.js';
import { HttpProblem } from '../../shared/http/http-problem.js';
import { headerValue, readJsonBody } from '../../shared/http/json-request.js';
import { logger } from '../../shared/observability/logger.js';
import {
  type ComplaintSubmission,
  complaintSubmissionSchema,
  fieldErrors,
} from '../../shared/schemas/complaint-submission-schema.js';
import { sealToken, unsealToken } from './sealed-token.js';

export interface SubmitComplaintDependencies {
  store: CaseStore;
  queue: IntakeQueue;
  clock: Clock;
  settings: IntakeSettings;
  /**
   * Powertools idempotency records; the same key and body give the same answer. One instance
   * per idempotent operation: a persistence layer keeps the configuration it was first used with.
   */
  idempotencyStore: BasePersistenceLayer;
}

const idempotencyKeySchema = z
  .string()
  .trim()
  .regex(/^[\x21-\x7e]{8,128}$/, 'must be 8-128 visible ASCII characters');

interface Accepted {
  reference: string;
  sealedToken: string;
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
  sealKey: string,
  deps: SubmitComplaintDependencies,
): Promise<Accepted & { token: string }> => {
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
      await deps.store.create(received.case, received.events);
    } catch (error) {
      if (error instanceof CaseAlreadyExistsError && attempt < MAX_REFERENCE_ATTEMPTS) continue;
      throw error;
    }
    try {
      await deps.queue.send({ reference, trackingToken: token });
    } catch (error) {
      logger.warn('intake queue unavailable; the re-drive will send the complaint', {
        reference,
        errorName: error instanceof Error ? error.name : 'unknown',
      });
    }
    logger.info('complaint received', { reference });
    return { reference, sealedToken: sealToken(token, sealKey), token };
  }
};

export const createSubmitComplaint = (deps: SubmitComplaintDependencies) => {
  const idempotency = new IdempotencyConfig({
    eventKeyJmesPath: 'key',
    payloadValidationJmesPath: 'payload',
    expiresAfterSeconds: 24 * 3600,
  });
  const idempotentAccept = makeIdempotent(
    async (request: {
      key: string;
      payload: unknown;
      submission: ComplaintSubmission;
    }): Promise<Accepted> => {
      const { reference, sealedToken } = await accept(request.submission, request.key, deps);
      return { reference, sealedToken };
    },
    { persistenceStore: deps.idempotencyStore, config: idempotency },
  );

  return async (event: APIGatewayProxyEvent, context: Context): Promise<APIGatewayProxyResult> => {
    // Lets an in-progress record expire with this invocation if it dies midway.
    idempotency.registerLambdaContext(context);
    const raw = readJsonBody(event);
    const submission = validate(raw, deps.clock.now());
    const keyHeader = headerValue(event, 'idempotency-key');

    let reference: string;
    let token: string;
    if (keyHeader === undefined) {
      const accepted = await accept(submission, newTrackingToken(), deps);
      reference = accepted.reference;
      token = accepted.token;
    } else {
      const key = idempotencyKeySchema.safeParse(keyHeader);
      if (!key.success) {
        throw new HttpProblem(400, 'validation_failed', 'The Idempotency-Key header is not usable.', [
          { path: 'headers.Idempotency-Key', message: key.error.issues[0]?.message ?? 'is invalid' },
        ]);
      }
      try {
        const accepted = await idempotentAccept({ key: key.data, payload: raw, submission });
        reference = accepted.reference;
        token = unsealToken(accepted.sealedToken, key.data);
      } catch (error) {
        if (error instanceof IdempotencyValidationError) {
          throw new HttpProblem(
            409,
            'idempotency_key_reused',
            'This Idempotency-Key was used with a different body.',
          );
        }
        if (error instanceof IdempotencyAlreadyInProgressError) {
          throw new HttpProblem(
            409,
            'request_in_progress',
            'A request with this Idempotency-Key is in progress.',
          );
        }
        throw error;
      }
    }
    return jsonResult(202, {
      reference,
      trackingToken: token,
      status: 'received',
      statusUrl: statusPath(reference, token),
    });
  };
};
