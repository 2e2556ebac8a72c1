import { randomBytes } from 'node:crypto';
import { type IntakeQueue, queueOrLeaveForRedrive } from '../adapters/sqs/intake-queue.js';
import type { IntakeSettings } from '../config/intake-settings.js';
import { CaseAlreadyExistsError, type CaseStore } from '../domain/case/case-store.js';
import type { CaseEvent, Channel, ComplaintCase } from '../domain/case/case-types.js';
import { newComplaintReference } from '../domain/intake/complaint-reference.js';
import { receivedCase } from '../domain/intake/received-case.js';
import { hashTrackingToken, newTrackingToken } from '../domain/intake/tracking-token.js';
import type { Clock } from '../domain/time/clock.js';
import { type IntakeAnswer, type IntakeClaimRequest, intakeClaimRecord } from '../http/intake-idempotency.js';
import { countComplaintReceived } from '../observability/business-metrics.js';
import type { ComplaintSubmission } from '../schemas/complaint-submission-schema.js';

export interface AcceptReceivedDependencies {
  store: CaseStore;
  queue: IntakeQueue;
  clock: Clock;
  settings: IntakeSettings;
}

export interface ReceivedRecord {
  case: ComplaintCase;
  events: CaseEvent[];
}

export interface AcceptReceivedInput {
  submission: ComplaintSubmission;
  channel: Channel;
  /** When the complaint was first received elsewhere (staff registrations); default now. */
  receivedAt?: Date;
  /** The Idempotency-Key claim to store with the case, if the request carried one. */
  claim?: IntakeClaimRequest;
  /** Adds what the channel knows to the record before it is stored (who took it, the mail). */
  complete?: (record: ReceivedRecord) => ReceivedRecord | Promise<ReceivedRecord>;
}

const MAX_REFERENCE_ATTEMPTS = 5;

/**
 * Every channel's way in: store the `received` record (with its claim, in one transaction) and
 * hand the reference to the intake queue. The record is written first, so a queue outage loses
 * nothing: the registration re-drive sends it later. A reference collision draws a new one.
 */
export const acceptReceivedComplaint = async (
  deps: AcceptReceivedDependencies,
  input: AcceptReceivedInput,
): Promise<IntakeAnswer> => {
  const now = deps.clock.now();
  const token = newTrackingToken();
  for (let attempt = 1; ; attempt += 1) {
    const reference = newComplaintReference(now, deps.settings.timeZone, randomBytes);
    const received = receivedCase({
      reference,
      trackingTokenHash: hashTrackingToken(token),
      submission: input.submission,
      channel: input.channel,
      now,
      clockPolicyId: deps.settings.defaultClockPolicyId,
      calendarId: deps.settings.defaultCalendarId,
      ...(input.receivedAt ? { receivedAt: input.receivedAt } : {}),
    });
    const record = input.complete === undefined ? received : await input.complete(received);
    try {
      await deps.store.create(
        record.case,
        record.events,
        input.claim === undefined ? undefined : intakeClaimRecord(input.claim, { reference, token }, now),
      );
    } catch (error) {
      if (error instanceof CaseAlreadyExistsError && attempt < MAX_REFERENCE_ATTEMPTS) continue;
      throw error;
    }
    // Counted here, once per stored complaint: a replayed submission or re-delivered mail never
    // gets this far.
    countComplaintReceived(input.channel);
    await queueOrLeaveForRedrive(deps.queue, { reference, trackingToken: token });
    return { reference, token };
  }
};
