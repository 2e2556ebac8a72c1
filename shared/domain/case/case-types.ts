/**
 * The complaint case as the domain sees it. Storage adds keys around it; nothing here
 * knows about DynamoDB. All times are UTC ISO-8601 strings ending in `Z`.
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

export interface Actor {
  /** Staff id, `customer`, or `system:<component>`. Never a customer's name or contact. */
  id: string;
  kind: 'customer' | 'staff' | 'system';
  role?: string;
}

export interface CustomerContact {
  name?: string;
  email?: string;
  phone?: string;
  customerId?: string;
  /** Age or vulnerability markers feed the green-channel rule. */
  age?: number;
  vulnerable?: boolean;
}

/** A stretch of time that does not count towards the decision clock (external appraisal or testing). */
export interface ClockPause {
  startedAt: string;
  endedAt?: string;
  reason: string;
}

export interface ClockExtension {
  /** 1 for the first extension, 2 for the second (which needs an approver under CN rules). */
  step: number;
  reason: string;
  at: string;
  by: string;
  approvedBy?: string;
}

export interface Deadlines {
  acknowledgeBy?: string;
  decideBy: string;
  /** Reminder point (a share of the decision period, default 80%). */
  remindAt?: string;
  /** Set once decided: last day the customer may ask for a review, and when a review must be decided. */
  reviewRequestBy?: string;
  reviewDecideBy?: string;
  /** Set when a case is reopened for a second contact: the date promised for the new answer. */
  secondContactBy?: string;
}

export type Decision = 'upheld' | 'partly_upheld' | 'rejected';
export type AtFault = 'yes' | 'no' | 'undetermined';

export interface CaseDecision {
  decision: Decision;
  atFault: AtFault;
  remedy?: string;
  compensation?: { amount: string; currency: string };
  letter?: string;
  decidedAt: string;
  decidedBy: string;
}

export type ReviewOutcome = 'confirmed' | 'revised' | 'reopened';

/** The customer's request for a review (核查) of the decision, and how it ended. */
export interface CaseReview {
  requestedAt: string;
  requestedBy: string;
  reason?: string;
  decidedAt?: string;
  decidedBy?: string;
  outcome?: ReviewOutcome;
}

/** 二次沟通: the latest reopening of an answered case, with the leader who takes part. */
export interface SecondContact {
  /** How many times the case has been reopened (1 for the first second contact). */
  count: number;
  openedAt: string;
  leader: string;
  reason: string;
}

export interface ComplaintCase {
  reference: string;
  /** Optimistic-lock version; every stored change increments it by exactly one. */
  version: number;
  status: CaseStatus;
  channel: Channel;
  category?: Category;
  priority: Priority;
  language: Language;
  anonymous: boolean;
  customer: CustomerContact;
  branchCode?: string;
  product?: string;
  subject: string;
  description: string;
  occurredAt?: string;
  desiredOutcome?: string;
  externalReference?: string;

  /** When the complaint was first received anywhere (the clock runs from here). */
  receivedAt: string;
  registeredAt?: string;
  acknowledgedAt?: string;
  resolvedAt?: string;
  closedAt?: string;

  /** 首问负责制: set at registration and never cleared by a transfer. */
  firstResponder?: string;
  /** The staff member who took the complaint down (hotline, counter, letter); registration makes them first responder. */
  takenBy?: string;
  handler?: string;
  assignedUnit?: string;

  clockPolicyId: string;
  calendarId: string;
  deadlines?: Deadlines;
  pauses: ClockPause[];
  extensions: ClockExtension[];

  /** 0 = not escalated; 1..n = index into the escalation ladder (1 = first rung). */
  escalationLevel: number;
  /** When the case last went up the ladder; the next rung is counted in working days from here. */
  escalatedAt?: string;
  /** When supervisors were last urged about the reminder point; a later `remindAt` makes a new one due. */
  remindedAt?: string;
  /**
   * When the first responder and the branch head were told the customer had not been acknowledged
   * in time; set once, so the same overdue acknowledgement is not reported again.
   */
  acknowledgementOverdueNotifiedAt?: string;
  /**
   * When a missed decision deadline (SLA breach) was last recorded. It covers every deadline at or
   * before it, so a deadline moved past it (an extension, a second contact) that runs out again
   * makes a new breach due.
   */
  breachedAt?: string;
  repeatComplainant: boolean;
  decision?: CaseDecision;
  review?: CaseReview;
  secondContact?: SecondContact;
  mergedInto?: string;
  /** SHA-256 of the customer's status-page token; the token itself is never stored. */
  trackingTokenHash?: string;
  /** Marked urgent at intake (green channel). */
  urgent?: boolean;
  /**
   * An e-mail that quoted another case's reference but came from someone other than that
   * case's customer: opened as its own case and flagged for staff, never attached.
   */
  claimsToReplyTo?: string;
  /**
   * Which SLA watch is current: a change that needs an earlier wake starts a watch with the next
   * generation, and an older watch ends itself when it sees it is no longer current.
   */
  slaGeneration?: number;
  /** Sequence number of the last event appended for this case. */
  lastEventSeq: number;
}

export interface CaseEvent {
  reference: string;
  /** 1-based, gap-free per case; the ledger order. */
  seq: number;
  at: string;
  kind: string;
  actor: Actor;
  /** Staff-facing summary; customer-safe text is chosen by the status page, not stored here. */
  data?: Record<string, unknown>;
}
