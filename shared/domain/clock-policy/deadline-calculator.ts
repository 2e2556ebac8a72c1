import type { ClockExtension, ClockPause, Deadlines, Priority } from '../case/case-types.js';

/** What deadline arithmetic needs to know about a case. */
export interface DeadlineInput {
  receivedAt: string;
  priority: Priority;
  pauses: readonly ClockPause[];
  extensions: readonly ClockExtension[];
  /** Set once the case is decided; starts the review windows. */
  decidedAt?: string;
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
}
