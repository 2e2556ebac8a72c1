import { randomBytes } from 'node:crypto';
import { defaultIntakeSettings } from '../../shared/config/intake-settings.js';
import type { CaseStore } from '../../shared/domain/case/case-store.js';
import type { ComplaintCase } from '../../shared/domain/case/case-types.js';
import { newComplaintReference } from '../../shared/domain/intake/complaint-reference.js';
import { receivedCase } from '../../shared/domain/intake/received-case.js';
import { hashTrackingToken, newTrackingToken } from '../../shared/domain/intake/tracking-token.js';
import { complaintSubmissionSchema } from '../../shared/schemas/complaint-submission-schema.js';
import { type SubmissionBody, validSubmission } from './intake-fixtures.js';

export interface SeededCase {
  reference: string;
  trackingToken: string;
  complaint: ComplaintCase;
}

/**
 * Stores a `received` record exactly as the submit handler would for this body at `receivedAt`,
 * so worker and status tests can start from any moment without going through HTTP.
 */
export const seedReceived = async (
  store: CaseStore,
  receivedAt: string,
  body: Partial<SubmissionBody> = {},
): Promise<SeededCase> => {
  const now = new Date(receivedAt);
  const submission = complaintSubmissionSchema.parse(validSubmission(body));
  const trackingToken = newTrackingToken();
  const received = receivedCase({
    reference: newComplaintReference(now, defaultIntakeSettings.timeZone, randomBytes),
    trackingTokenHash: hashTrackingToken(trackingToken),
    submission,
    channel: 'web',
    now,
    clockPolicyId: defaultIntakeSettings.defaultClockPolicyId,
    calendarId: defaultIntakeSettings.defaultCalendarId,
  });
  await store.create(received.case, received.events);
  return { reference: received.case.reference, trackingToken, complaint: received.case };
};
