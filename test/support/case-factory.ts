import { randomBytes } from 'node:crypto';
import type { CaseEvent, ComplaintCase } from '../../shared/domain/case/case-types.js';
import { newComplaintReference } from '../../shared/domain/intake/complaint-reference.js';

/**
 * A reference unique to this run, made by the product's own generator: the store accepts only
 * references in the shape the product hands out.
 */
export const newReference = (): string => newComplaintReference(new Date(), 'Asia/Shanghai', randomBytes);

/**
 * A registered case with every optional field filled in, so a round trip through storage
 * shows whether any field is lost. Override what a test is about.
 */
export const buildCase = (overrides: Partial<ComplaintCase> = {}): ComplaintCase => ({
  reference: newReference(),
  version: 1,
  status: 'in_progress',
  channel: 'hotline',
  category: 'operation_error',
  priority: 'green_channel',
  language: 'zh-CN',
  anonymous: false,
  customer: {
    name: 'Li Hua',
    email: 'li.hua@example.com',
    phone: '+86 138-0013-8000',
    customerId: 'C-000123',
    age: 71,
    vulnerable: true,
  },
  branchCode: 'BR-0001',
  product: 'debit-card',
  subject: 'Card fee charged twice',
  description: '年费被重复扣收 / annual fee charged twice',
  occurredAt: '2025-03-01T08:00:00.000Z',
  desiredOutcome: 'Refund of the second fee',
  externalReference: 'REG-2025-0042',
  receivedAt: '2025-03-03T01:30:00.000Z',
  registeredAt: '2025-03-03T01:35:00.000Z',
  acknowledgedAt: '2025-03-03T02:00:00.000Z',
  resolvedAt: '2025-03-10T06:00:00.000Z',
  closedAt: '2025-03-20T06:00:00.000Z',
  firstResponder: 'staff-0007',
  handler: 'staff-0031',
  assignedUnit: 'card-operations',
  clockPolicyId: 'cn-banking-2020',
  calendarId: 'cn-mainland',
  deadlines: {
    acknowledgeBy: '2025-03-04T01:30:00.000Z',
    decideBy: '2025-03-18T01:30:00.000Z',
    remindAt: '2025-03-15T01:30:00.000Z',
    reviewRequestBy: '2025-04-09T06:00:00.000Z',
    reviewDecideBy: '2025-05-09T06:00:00.000Z',
    secondContactBy: '2025-03-25T06:00:00.000Z',
  },
  pauses: [
    { startedAt: '2025-03-05T00:00:00.000Z', endedAt: '2025-03-06T00:00:00.000Z', reason: 'appraisal' },
  ],
  extensions: [
    { step: 1, reason: 'complex', at: '2025-03-12T00:00:00.000Z', by: 'staff-0031' },
    {
      step: 2,
      reason: 'especially complex',
      at: '2025-03-14T00:00:00.000Z',
      by: 'staff-0031',
      approvedBy: 'staff-0001',
    },
  ],
  escalationLevel: 2,
  escalatedAt: '2025-03-16T00:00:00.000Z',
  remindedAt: '2025-03-15T01:30:00.000Z',
  repeatComplainant: true,
  decision: {
    decision: 'partly_upheld',
    atFault: 'yes',
    remedy: 'Second fee refunded',
    compensation: { amount: '120.00', currency: 'CNY' },
    letter: 'letter-2025-0042',
    decidedAt: '2025-03-10T06:00:00.000Z',
    decidedBy: 'staff-0031',
  },
  review: {
    requestedAt: '2025-03-12T00:00:00.000Z',
    requestedBy: 'customer',
    reason: 'refund too small',
    decidedAt: '2025-03-19T00:00:00.000Z',
    decidedBy: 'staff-0001',
    outcome: 'reopened',
  },
  secondContact: {
    count: 1,
    openedAt: '2025-03-19T00:00:00.000Z',
    leader: 'staff-0001',
    reason: 'unsatisfied',
  },
  mergedInto: 'CMP-00000000',
  lastEventSeq: 0,
  ...overrides,
});

export const buildEvent = (
  reference: string,
  seq: number,
  overrides: Partial<CaseEvent> = {},
): CaseEvent => ({
  reference,
  seq,
  at: new Date(Date.UTC(2025, 2, 3, 2, 0, seq)).toISOString(),
  kind: 'note_added',
  actor: { id: 'staff-0031', kind: 'staff', role: 'handler' },
  data: { note: `step ${seq}`, nested: { flags: [true, false], count: seq } },
  ...overrides,
});

/** `count` consecutive events after `lastSeq`. */
export const buildEvents = (reference: string, lastSeq: number, count: number, padding = 0): CaseEvent[] =>
  Array.from({ length: count }, (_, index) =>
    buildEvent(reference, lastSeq + index + 1, padding > 0 ? { data: { padding: 'x'.repeat(padding) } } : {}),
  );

/** A new case together with the events that open its ledger. */
export const newCaseWithEvents = (
  overrides: Partial<ComplaintCase> = {},
  eventCount = 2,
): { complaint: ComplaintCase; events: CaseEvent[] } => {
  const complaint = buildCase({ ...overrides, lastEventSeq: eventCount });
  return { complaint, events: buildEvents(complaint.reference, 0, eventCount) };
};

/** The next version of a stored case with `count` new events, as the lifecycle would produce it. */
export const nextVersion = (
  stored: ComplaintCase,
  changes: Partial<ComplaintCase> = {},
  count = 1,
  padding = 0,
): { updated: ComplaintCase; events: CaseEvent[] } => {
  const events = buildEvents(stored.reference, stored.lastEventSeq, count, padding);
  return {
    updated: {
      ...stored,
      ...changes,
      version: stored.version + 1,
      lastEventSeq: stored.lastEventSeq + count,
    },
    events,
  };
};
