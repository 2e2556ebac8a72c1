import type { z } from 'zod';
import type {
  actorSchema,
  caseDecisionSchema,
  caseEventSchema,
  caseReviewSchema,
  clockExtensionSchema,
  clockPauseSchema,
  complaintCaseSchema,
  customerContactSchema,
  deadlinesSchema,
  secondContactSchema,
} from './case-schema.js';

/**
 * The complaint case as the domain sees it. Storage adds keys around it; nothing here
 * knows about DynamoDB. All times are UTC ISO-8601 strings ending in `Z`.
 *
 * The vocabularies live here as plain arrays (the web pages import them without zod); the shapes
 * are defined once, as zod schemas in case-schema.ts, and every type below is inferred from them.
 */

export const caseStatuses = [
  'received',
  'registered',
  'in_progress',
  'paused',
  'resolved',
  'closed',
  'withdrawn',
  'merged',
  'under_review',
] as const;
export type CaseStatus = (typeof caseStatuses)[number];

/** Statuses in which the case is still being worked and the clocks run (or are paused). */
export const openStatuses: readonly CaseStatus[] = [
  'received',
  'registered',
  'in_progress',
  'paused',
  'under_review',
];

/** Statuses from which nothing moves any more; the ledger of such a case is sealed. */
export const terminalStatuses: readonly CaseStatus[] = ['closed', 'withdrawn', 'merged'];

export const channels = [
  'web',
  'app',
  'email',
  'hotline',
  'walk_in',
  'letter',
  'suggestion_box',
  'media',
  'regulator_transfer',
  'branch_transfer',
] as const;
export type Channel = (typeof channels)[number];

/** DESIGN.md categories: service quality, business operation, financial crime, anonymous, other. */
export const categories = [
  'service_attitude',
  'service_product',
  'service_channel',
  'operation_error',
  'operation_internal_management',
  'operation_rule_violation',
  'financial_crime',
  'anonymous',
  'other',
] as const;
export type Category = (typeof categories)[number];

export const priorities = ['normal', 'green_channel'] as const;
export type Priority = (typeof priorities)[number];

export const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];

export const actorKinds = ['customer', 'staff', 'system'] as const;

export const decisions = ['upheld', 'partly_upheld', 'rejected'] as const;
export type Decision = (typeof decisions)[number];

export const atFaultAnswers = ['yes', 'no', 'undetermined'] as const;
export type AtFault = (typeof atFaultAnswers)[number];

export const reviewOutcomes = ['confirmed', 'revised', 'reopened'] as const;
export type ReviewOutcome = (typeof reviewOutcomes)[number];

export type Actor = z.infer<typeof actorSchema>;
export type CustomerContact = z.infer<typeof customerContactSchema>;
export type ClockPause = z.infer<typeof clockPauseSchema>;
export type ClockExtension = z.infer<typeof clockExtensionSchema>;
export type Deadlines = z.infer<typeof deadlinesSchema>;
export type CaseDecision = z.infer<typeof caseDecisionSchema>;
export type CaseReview = z.infer<typeof caseReviewSchema>;
export type SecondContact = z.infer<typeof secondContactSchema>;
export type ComplaintCase = z.infer<typeof complaintCaseSchema>;
export type CaseEvent = z.infer<typeof caseEventSchema>;
