import type { ComplaintSubmission } from '../../schemas/complaint-submission-schema.js';
import { caseEventKinds } from '../case/case-event-kinds.js';
import type { CaseEvent, Channel, ComplaintCase } from '../case/case-types.js';
import { isoUtc } from '../time/clock.js';

export interface ReceivedCaseInput {
  reference: string;
  trackingTokenHash: string;
  submission: ComplaintSubmission;
  channel: Channel;
  now: Date;
  /** Defaults until registration applies the routing and clock rules. */
  clockPolicyId: string;
  calendarId: string;
  /** When a staff-registered complaint was first received elsewhere (the clock runs from then). */
  receivedAt?: Date;
}

/**
 * The `received` record: everything the customer sent, stored before anything else happens,
 * so an accepted complaint survives even if the queue message is lost.
 */
export const receivedCase = (input: ReceivedCaseInput): { case: ComplaintCase; events: CaseEvent[] } => {
  const { submission } = input;
  const customer = submission.anonymous
    ? {
        ...(submission.customer.email ? { email: submission.customer.email } : {}),
        ...(submission.customer.phone ? { phone: submission.customer.phone } : {}),
      }
    : {
        ...(submission.customer.name ? { name: submission.customer.name } : {}),
        ...(submission.customer.email ? { email: submission.customer.email } : {}),
        ...(submission.customer.phone ? { phone: submission.customer.phone } : {}),
        ...(submission.customer.customerId ? { customerId: submission.customer.customerId } : {}),
        ...(submission.customer.age !== undefined ? { age: submission.customer.age } : {}),
        ...(submission.vulnerable ? { vulnerable: true } : {}),
      };
  const receivedAt = isoUtc(input.receivedAt ?? input.now);
  const complaint: ComplaintCase = {
    reference: input.reference,
    version: 1,
    status: 'received',
    channel: input.channel,
    priority: 'normal',
    language: submission.language,
    anonymous: submission.anonymous,
    customer,
    subject: submission.subject,
    description: submission.description,
    receivedAt,
    clockPolicyId: input.clockPolicyId,
    calendarId: input.calendarId,
    pauses: [],
    extensions: [],
    escalationLevel: 0,
    repeatComplainant: false,
    lastEventSeq: 1,
    trackingTokenHash: input.trackingTokenHash,
    ...(submission.category ? { category: submission.category } : {}),
    ...(submission.branchCode ? { branchCode: submission.branchCode } : {}),
    ...(submission.product ? { product: submission.product } : {}),
    ...(submission.occurredAt ? { occurredAt: submission.occurredAt } : {}),
    ...(submission.desiredOutcome ? { desiredOutcome: submission.desiredOutcome } : {}),
    ...(submission.urgent ? { urgent: true } : {}),
  };
  const event: CaseEvent = {
    reference: input.reference,
    seq: 1,
    at: isoUtc(input.now),
    kind: caseEventKinds.received,
    actor: { id: 'customer', kind: 'customer' },
    data: { channel: input.channel, language: submission.language, anonymous: submission.anonymous },
  };
  return { case: complaint, events: [event] };
};
