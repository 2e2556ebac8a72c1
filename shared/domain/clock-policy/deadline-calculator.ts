import type { ClockExtension, ClockPause, Deadlines, Priority } from '../case/case-types.js';

/** What deadline arithmetic needs to know about a case. */
export interface DeadlineInput {
  receivedAt: string;
  priority: Priority;
  pauses: readonly ClockPause[];
  extensions: readonly ClockExtension[];
  /** Set once the case is decided; starts the review windows. */
  decidedAt?: string;
  /** Set once the customer asks for a review; starts the review decision clock. */
  reviewRequestedAt?: string;
  /**
   * The current time. An open pause (no `endedAt`) counts up to here; without it an open pause
   * has no length yet, so the deadline is the earliest it can be and must be recomputed later.
   */
  now?: string;
}

/**
 * The port the case lifecycle uses to (re)compute deadlines. Built from a clock policy
 * and a calendar by `createDeadlineCalculator`; the lifecycle never does date maths itself.
 */
export interface DeadlineCalculator {
  readonly policyId: string;
  readonly calendarId: string;
  deadlines(input: DeadlineInput): Deadlines;
  /** How many extensions the policy allows, and which step needs an approver (undefined: none). */
  readonly maxExtensions: number;
  readonly approvalRequiredFromStep?: number;
  /**
   * The instant by which a complaint settled in full may get a summary resolution letter instead
   * of a final response (UK DISP); undefined when the policy has no such route.
   */
  summaryResolutionBy?(receivedAt: string): string | undefined;
}
