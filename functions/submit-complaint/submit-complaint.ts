import { createHash, randomBytes } from 'node:crypto';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { z } from 'zod';
import { type IntakeQueue, queueOrLeaveForRedrive } from '../../shared/adapters/sqs/intake-queue.js';
import { type IntakeSettings, statusPath } from '../../shared/config/intake-settings.js';
import {
  CaseAlreadyExistsError,
  type CaseStore,
  type IntakeClaim,
  IntakeClaimTakenError,
} from '../../shared/domain/case/case-store.js';
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
}

const idempotencyKeySchema = z
  .string()
  .trim()
  .regex(/^[\x21-\x7e]{8,128}$/, 'must be 8-128 visible ASCII characters');

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
  claim?: { id: string; fingerprint: string; key: string },
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
        claim === undefined
          ? undefined
          : {
              id: claim.id,
              fingerprint: claim.fingerprint,
              response: { reference, sealedToken: sealToken(token, claim.key) },
              expiresAt: new Date(now.getTime() + IDEMPOTENCY_WINDOW_MS).toISOString(),
            },
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

/** Key order must not make a retry look like a different request. */
const canonicalJson = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
};

const digest = (text: string): string => createHash('sha256').update(text).digest('hex');

const IDEMPOTENCY_WINDOW_MS = 24 * 3600 * 1000;

export const createSubmitComplaint = (deps: SubmitComplaintDependencies) => {
  /** A retry with the same key: the first answer for the same body, 409 for another body. */
  const replay = (
    claim: IntakeClaim,
    fingerprint: string,
    key: string,
  ): { reference: string; token: string } => {
    const { reference, sealedToken } = claim.response;
    if (claim.fingerprint !== fingerprint || reference === undefined || sealedToken === undefined) {
      throw new HttpProblem(
        409,
        'idempotency_key_reused',
        'This Idempotency-Key was used with a different body.',
      );
    }
    return { reference, token: unsealToken(sealedToken, key) };
  };

  return async (event: APIGatewayProxyEvent, _context: Context): Promise<APIGatewayProxyResult> => {
    const raw = readJsonBody(event);
    const submission = validate(raw, deps.clock.now());
    const keyHeader = headerValue(event, 'idempotency-key');

    let result: { reference: string; token: string };
    if (keyHeader === undefined) {
      result = await accept(submission, deps);
    } else {
      const key = idempotencyKeySchema.safeParse(keyHeader);
      if (!key.success) {
        throw new HttpProblem(400, 'validation_failed', 'The Idempotency-Key header is not usable.', [
          { path: 'headers.Idempotency-Key', message: key.error.issues[0]?.message ?? 'is invalid' },
        ]);
      }
      const claimId = digest(`submit-complaint:${key.data}`);
      const fingerprint = digest(canonicalJson(raw));
      const earlier = await deps.store.getClaim(claimId);
      if (earlier !== undefined && Date.parse(earlier.expiresAt) > deps.clock.now().getTime()) {
        result = replay(earlier, fingerprint, key.data);
      } else {
        try {
          result = await accept(submission, deps, { id: claimId, fingerprint, key: key.data });
        } catch (error) {
          if (!(error instanceof IntakeClaimTakenError)) throw error;
          // Two requests with one key at once: the other one won; answer as it did.
          const winner = await deps.store.getClaim(claimId);
          if (winner === undefined) throw error;
          result = replay(winner, fingerprint, key.data);
        }
      }
    }
    return jsonResult(202, {
      reference: result.reference,
      trackingToken: result.token,
      status: 'received',
      statusUrl: statusPath(result.reference, result.token),
    });
  };
};
