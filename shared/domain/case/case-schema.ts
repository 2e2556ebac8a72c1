import { z } from 'zod';
import { complaintReferenceSchema } from '../intake/complaint-reference.js';
import {
  actorKinds,
  atFaultAnswers,
  caseStatuses,
  categories,
  channels,
  decisions,
  languages,
  priorities,
  reviewOutcomes,
} from './case-types.js';

/**
 * The one definition of a complaint case and its ledger entries. The domain types in case-types.ts
 * are `z.infer` of these schemas; the store reads items back through them, and the staff and
 * customer API answers are picks of them (shared/schemas/staff-case-response-schema.ts,
 * shared/schemas/customer-status-schema.ts). A field added here therefore reaches the store, the
 * API and the console together.
 *
 * Stored cases are parsed with these schemas, so a rule tightened here must still accept every
 * case already stored. Unknown keys are stripped, not refused, for the same reason.
 */

export const actorSchema = z.object({
  /** Staff id, `customer`, or `system:<component>`. Never a customer's name or contact. */
  id: z.string(),
  kind: z.enum(actorKinds),
  role: z.string().optional(),
});

export const customerContactSchema = z.object({
  name: z.string().optional(),
  email: z.string().optional(),
  phone: z.string().optional(),
  customerId: z.string().optional(),
  /** Age or vulnerability markers feed the green-channel rule. */
  age: z.number().optional(),
  vulnerable: z.boolean().optional(),
});

/** A stretch of time that does not count towards the decision clock (external appraisal or testing). */
export const clockPauseSchema = z.object({
  startedAt: z.string(),
  endedAt: z.string().optional(),
  reason: z.string(),
});

export const clockExtensionSchema = z.object({
  /** 1 for the first extension, 2 for the second (which needs an approver under CN rules). */
  step: z.number().int(),
  reason: z.string(),
  at: z.string(),
  by: z.string(),
  approvedBy: z.string().optional(),
});

export const deadlinesSchema = z.object({
  acknowledgeBy: z.string().optional(),
  decideBy: z.string(),
  /** Reminder point (a share of the decision period, default 80%). */
  remindAt: z.string().optional(),
  /** Set once decided: last day the customer may ask for a review, and when a review must be decided. */
  reviewRequestBy: z.string().optional(),
  reviewDecideBy: z.string().optional(),
  /** Set when a case is reopened for a second contact: the date promised for the new answer. */
  secondContactBy: z.string().optional(),
});

export const caseDecisionSchema = z.object({
  decision: z.enum(decisions),
  atFault: z.enum(atFaultAnswers),
  remedy: z.string().optional(),
  compensation: z.object({ amount: z.string(), currency: z.string() }).optional(),
  letter: z.string().optional(),
  decidedAt: z.string(),
  decidedBy: z.string(),
});

/** The customer's request for a review (核查) of the decision, and how it ended. */
export const caseReviewSchema = z.object({
  requestedAt: z.string(),
  requestedBy: z.string(),
  reason: z.string().optional(),
  decidedAt: z.string().optional(),
  decidedBy: z.string().optional(),
  outcome: z.enum(reviewOutcomes).optional(),
});

/** 二次沟通: the latest reopening of an answered case, with the leader who takes part. */
export const secondContactSchema = z.object({
  /** How many times the case has been reopened (1 for the first second contact). */
  count: z.number().int().positive(),
  openedAt: z.string(),
  leader: z.string(),
  reason: z.string(),
});

export const complaintCaseSchema = z.object({
  reference: complaintReferenceSchema,
  /** Optimistic-lock version; every stored change increments it by exactly one. */
  version: z.number().int().nonnegative(),
  status: z.enum(caseStatuses),
  channel: z.enum(channels),
  category: z.enum(categories).optional(),
  priority: z.enum(priorities),
  language: z.enum(languages),
  anonymous: z.boolean(),
  customer: customerContactSchema,
  branchCode: z.string().optional(),
  product: z.string().optional(),
  subject: z.string(),
  description: z.string(),
  occurredAt: z.string().optional(),
  desiredOutcome: z.string().optional(),
  externalReference: z.string().optional(),

  /** When the complaint was first received anywhere (the clock runs from here). */
  receivedAt: z.string(),
  registeredAt: z.string().optional(),
  acknowledgedAt: z.string().optional(),
  resolvedAt: z.string().optional(),
  closedAt: z.string().optional(),

  /** 首问负责制: set at registration and never cleared by a transfer. */
  firstResponder: z.string().optional(),
  /** The staff member who took the complaint down (hotline, counter, letter); registration makes them first responder. */
  takenBy: z.string().optional(),
  handler: z.string().optional(),
  assignedUnit: z.string().optional(),

  clockPolicyId: z.string(),
  calendarId: z.string(),
  deadlines: deadlinesSchema.optional(),
  pauses: z.array(clockPauseSchema),
  extensions: z.array(clockExtensionSchema),

  /** 0 = not escalated; 1..n = index into the escalation ladder (1 = first rung). */
  escalationLevel: z.number().int().nonnegative(),
  /** When the case last went up the ladder; the next rung is counted in working days from here. */
  escalatedAt: z.string().optional(),
  /** When supervisors were last urged about the reminder point; a later `remindAt` makes a new one due. */
  remindedAt: z.string().optional(),
  /**
   * When the first responder and the branch head were told the customer had not been acknowledged
   * in time; set once, so the same overdue acknowledgement is not reported again.
   */
  acknowledgementOverdueNotifiedAt: z.string().optional(),
  /**
   * When a missed decision deadline (SLA breach) was last recorded. It covers every deadline at or
   * before it, so a deadline moved past it (an extension, a second contact) that runs out again
   * makes a new breach due.
   */
  breachedAt: z.string().optional(),
  repeatComplainant: z.boolean(),
  decision: caseDecisionSchema.optional(),
  review: caseReviewSchema.optional(),
  secondContact: secondContactSchema.optional(),
  mergedInto: z.string().optional(),
  /** SHA-256 of the customer's status-page token; the token itself is never stored, nor shown to staff. */
  trackingTokenHash: z.string().optional(),
  /** Marked urgent at intake (green channel). */
  urgent: z.boolean().optional(),
  /**
   * An e-mail that quoted another case's reference but came from someone other than that
   * case's customer: opened as its own case and flagged for staff, never attached.
   */
  claimsToReplyTo: z.string().optional(),
  /**
   * What staff must look at before anyone relies on the case's contact details:
   * `sender_unverified` when the mail that opened it failed authentication (DMARC, or SPF with no
   * passing DKIM), so its From may be forged and the address is never written to.
   */
  flags: z.array(z.enum(['sender_unverified'])).optional(),
  /**
   * Which SLA watch is current: a change that needs an earlier wake starts a watch with the next
   * generation, and an older watch ends itself when it sees it is no longer current.
   */
  slaGeneration: z.number().int().min(1).optional(),
  /** Sequence number of the last event appended for this case. */
  lastEventSeq: z.number().int().nonnegative(),
});

export const caseEventSchema = z.object({
  reference: complaintReferenceSchema,
  /** 1-based, gap-free per case; the ledger order. */
  seq: z.number().int().positive(),
  at: z.string(),
  kind: z.string(),
  actor: actorSchema,
  /** Staff-facing summary; customer-safe text is chosen by the status page, not stored here. */
  data: z.record(z.string(), z.unknown()).optional(),
});
