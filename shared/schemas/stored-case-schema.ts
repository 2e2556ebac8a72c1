import { z } from 'zod';
import {
  type CaseEvent,
  type ComplaintCase,
  caseStatuses,
  categories,
  channels,
  languages,
  priorities,
} from '../domain/case/case-types.js';

/**
 * What a stored case and event must look like when read back. Unknown keys are stripped, so
 * the compile-time checks at the bottom make sure every field of the domain types is listed.
 */

const actorSchema = z.object({
  id: z.string(),
  kind: z.enum(['customer', 'staff', 'system']),
  role: z.string().optional(),
});

const customerContactSchema = z.object({
  name: z.string().optional(),
  email: z.string().optional(),
  phone: z.string().optional(),
  customerId: z.string().optional(),
  age: z.number().optional(),
  vulnerable: z.boolean().optional(),
});

const clockPauseSchema = z.object({
  startedAt: z.string(),
  endedAt: z.string().optional(),
  reason: z.string(),
});

const clockExtensionSchema = z.object({
  step: z.number().int(),
  reason: z.string(),
  at: z.string(),
  by: z.string(),
  approvedBy: z.string().optional(),
});

const deadlinesSchema = z.object({
  acknowledgeBy: z.string().optional(),
  decideBy: z.string(),
  remindAt: z.string().optional(),
  reviewRequestBy: z.string().optional(),
  reviewDecideBy: z.string().optional(),
  secondContactBy: z.string().optional(),
});

const caseDecisionSchema = z.object({
  decision: z.enum(['upheld', 'partly_upheld', 'rejected']),
  atFault: z.enum(['yes', 'no', 'undetermined']),
  remedy: z.string().optional(),
  compensation: z.object({ amount: z.string(), currency: z.string() }).optional(),
  letter: z.string().optional(),
  decidedAt: z.string(),
  decidedBy: z.string(),
});

const caseReviewSchema = z.object({
  requestedAt: z.string(),
  requestedBy: z.string(),
  reason: z.string().optional(),
  decidedAt: z.string().optional(),
  decidedBy: z.string().optional(),
  outcome: z.enum(['confirmed', 'revised', 'reopened']).optional(),
});

const secondContactSchema = z.object({
  count: z.number().int().positive(),
  openedAt: z.string(),
  leader: z.string(),
  reason: z.string(),
});

export const storedCaseSchema = z.object({
  reference: z.string().min(1),
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
  receivedAt: z.string(),
  registeredAt: z.string().optional(),
  acknowledgedAt: z.string().optional(),
  resolvedAt: z.string().optional(),
  closedAt: z.string().optional(),
  firstResponder: z.string().optional(),
  takenBy: z.string().optional(),
  handler: z.string().optional(),
  assignedUnit: z.string().optional(),
  clockPolicyId: z.string(),
  calendarId: z.string(),
  deadlines: deadlinesSchema.optional(),
  pauses: z.array(clockPauseSchema),
  extensions: z.array(clockExtensionSchema),
  escalationLevel: z.number().int().nonnegative(),
  escalatedAt: z.string().optional(),
  remindedAt: z.string().optional(),
  acknowledgementOverdueNotifiedAt: z.string().optional(),
  breachedAt: z.string().optional(),
  repeatComplainant: z.boolean(),
  decision: caseDecisionSchema.optional(),
  review: caseReviewSchema.optional(),
  secondContact: secondContactSchema.optional(),
  mergedInto: z.string().optional(),
  trackingTokenHash: z.string().optional(),
  urgent: z.boolean().optional(),
  claimsToReplyTo: z.string().optional(),
  slaGeneration: z.number().int().min(1).optional(),
  lastEventSeq: z.number().int().nonnegative(),
});

export const storedCaseEventSchema = z.object({
  reference: z.string().min(1),
  seq: z.number().int().positive(),
  at: z.string(),
  kind: z.string(),
  actor: actorSchema,
  data: z.record(z.string(), z.unknown()).optional(),
});

export type StoredCase = z.infer<typeof storedCaseSchema>;
export type StoredCaseEvent = z.infer<typeof storedCaseEventSchema>;

export const parseStoredCase = (value: unknown): ComplaintCase => storedCaseSchema.parse(value);
export const parseStoredCaseEvent = (value: unknown): CaseEvent => storedCaseEventSchema.parse(value);

// Compile-time proof that the schemas and the domain types agree: what a schema yields is a
// valid domain value, and no domain field (top level or nested) is missing from a schema,
// where zod would silently drop it on read.
type Is<T extends true> = T;
type Assignable<From, To> = [From] extends [To] ? true : false;
type NoMissingKeys<Domain, Schema> = [Exclude<keyof Domain, keyof Schema>] extends [never] ? true : false;
type Nested<T, K extends keyof T> = NonNullable<T[K]>;

export type SchemaMatchesDomain = [
  Is<Assignable<StoredCase, ComplaintCase>>,
  Is<Assignable<ComplaintCase, StoredCase>>,
  Is<Assignable<StoredCaseEvent, CaseEvent>>,
  Is<Assignable<CaseEvent, StoredCaseEvent>>,
  Is<NoMissingKeys<ComplaintCase, StoredCase>>,
  Is<NoMissingKeys<CaseEvent, StoredCaseEvent>>,
  Is<NoMissingKeys<Nested<ComplaintCase, 'customer'>, Nested<StoredCase, 'customer'>>>,
  Is<NoMissingKeys<Nested<ComplaintCase, 'deadlines'>, Nested<StoredCase, 'deadlines'>>>,
  Is<NoMissingKeys<Nested<ComplaintCase, 'decision'>, Nested<StoredCase, 'decision'>>>,
  Is<NoMissingKeys<Nested<ComplaintCase, 'review'>, Nested<StoredCase, 'review'>>>,
  Is<NoMissingKeys<Nested<ComplaintCase, 'secondContact'>, Nested<StoredCase, 'secondContact'>>>,
  Is<NoMissingKeys<ComplaintCase['pauses'][number], StoredCase['pauses'][number]>>,
  Is<NoMissingKeys<ComplaintCase['extensions'][number], StoredCase['extensions'][number]>>,
  Is<NoMissingKeys<CaseEvent['actor'], StoredCaseEvent['actor']>>,
];
