import type { DeadlineCalculator } from '../clock-policy/deadline-calculator.js';
import type { EscalationLadder } from '../escalation/escalation-ladder.js';
import type { Actor, AtFault, CaseEvent, Category, ComplaintCase, Decision, Priority } from './case-types.js';
import type { SignedInStaff } from './extension-approval.js';

export interface RegisterCommand {
  type: 'register';
  /** 首问负责制: the employee who took the complaint; answerable until the customer is satisfied. */
  firstResponder: string;
  handler?: string;
  assignedUnit?: string;
  category?: Category;
  priority: Priority;
  repeatComplainant: boolean;
  clockPolicyId: string;
  calendarId: string;
}

export interface AcknowledgeCommand {
  type: 'acknowledge';
  /** How the customer was told; an e-mail carries the provider's message id as proof. */
  via?: 'email' | 'phone' | 'letter' | 'in_person' | 'sms';
  messageId?: string;
}

export interface StoredAttachment {
  key: string;
  filename?: string;
  contentType: string;
  size: number;
}

/** Something the customer sent about the case: an e-mail reply, a letter, a form. */
export interface CustomerMessageCommand {
  type: 'record_customer_message';
  via: 'email' | 'letter' | 'web';
  messageId?: string;
  /** The gateway's key for the mail: a run repeated after a crash finds it and adds nothing. */
  mailKey?: string;
  /** What they wrote. Left out for the message that opened the case: its words are the description. */
  text?: string;
  attachments?: StoredAttachment[];
  refusedAttachments?: { filename?: string; contentType: string; reason: string }[];
  /**
   * A case the sender quoted although it is not theirs: the reference is kept on this case and its
   * message for staff to see. Nothing is ever added to the quoted case.
   */
  claimsToReplyTo?: string;
}

export interface StartWorkCommand {
  type: 'start_work';
}

export interface AssignCommand {
  type: 'assign';
  to: string;
}

/** Hand the case to another unit or branch (转办). The first responder stays answerable. */
export interface TransferCommand {
  type: 'transfer';
  toUnit?: string;
  toBranch?: string;
  /** The person in the receiving unit, when already known; otherwise the unit assigns one. */
  toHandler?: string;
  note: string;
}

export interface NoteCommand {
  type: 'note';
  text: string;
}

export interface RequestInfoCommand {
  type: 'request_info';
  text: string;
}

/**
 * The SLA workflow urged supervisors at the reminder point (督办). Refused once this decision
 * period's reminder is on record, so a retried step does not urge them twice; an extension starts
 * a new period with a reminder of its own.
 */
export interface RecordReminderCommand {
  type: 'record_reminder';
}

/** The SLA workflow told the first responder and the branch head that the customer was not acknowledged in time. */
export interface RecordAcknowledgementOverdueCommand {
  type: 'record_acknowledgement_overdue';
}

/** The SLA workflow recorded that the decision deadline passed without a decision (a breach). */
export interface RecordBreachCommand {
  type: 'record_breach';
}

export interface PauseCommand {
  type: 'pause';
  reason: string;
}

export interface ResumeCommand {
  type: 'resume';
}

export interface ExtendCommand {
  type: 'extend';
  reason: string;
  /**
   * The signed-in person giving the extension (the context's actor), with their roles and reach.
   * Where the policy needs approval they are the approver, and the requester is the person the
   * case records; nobody else's name is ever taken. Without it such a step is refused.
   */
  signedIn?: SignedInStaff;
}

/** Manual escalation of a difficult or major complaint to any rung at or above the current one. */
export interface EscalateCommand {
  type: 'escalate';
  level: number;
  reason: string;
}

/** The SLA workflow moves the case one rung up. */
export interface RecordEscalationCommand {
  type: 'record_escalation';
  reason?: string;
  /**
   * The rung the workflow means to reach. With it the step is idempotent: a case already at or
   * above this level refuses it as already recorded instead of climbing a second rung.
   */
  toLevel?: number;
  /** When this rung fell due, as the workflow computed it on the bank's calendar; kept on the ledger. */
  dueAt?: string;
}

export interface ResolutionDetails {
  decision: Decision;
  atFault: AtFault;
  remedy?: string;
  compensation?: { amount: string; currency: string };
  letter?: string;
}

export interface ResolveCommand extends ResolutionDetails {
  type: 'resolve';
}

export interface RequestReviewCommand {
  type: 'request_review';
  reason?: string;
}

export type DecideReviewCommand =
  | { type: 'decide_review'; outcome: 'confirmed'; note?: string }
  | { type: 'decide_review'; outcome: 'revised'; revised: ResolutionDetails; note?: string };

/** 二次沟通: the customer is not satisfied, so the case is worked again with a leader involved. */
export interface ReopenCommand {
  type: 'reopen';
  reason: string;
  leader: string;
  /** Date promised for the new answer; defaults to the review decision deadline. */
  respondBy?: string;
}

export interface CloseCommand {
  type: 'close';
  note?: string;
}

export interface WithdrawCommand {
  type: 'withdraw';
  reason?: string;
}

/** What SES reported about a notice it sent: the proof (or the failure) of telling someone. */
export type DeliveryOutcome = 'delivered' | 'bounced' | 'complained' | 'rejected' | 'rendering_failed';

/**
 * SES reported what became of a notice sent for the case. Recipients arrive as SHA-256 digests
 * of the addresses, so the ledger proves who was told without holding another copy of them.
 */
export interface RecordDeliveryCommand {
  type: 'record_delivery';
  outcome: DeliveryOutcome;
  /** The id SES returned for the send (without the `@<region>.amazonses.com` suffix). */
  messageId: string;
  /** When SES saw it happen (UTC ISO); the event's own time is when it was recorded. */
  occurredAt: string;
  /** Hex SHA-256 of each lower-cased recipient address the outcome is about. */
  recipientDigests: string[];
  /** Bounce type and subtype, DSN status codes, complaint feedback type, reject or rendering reason. */
  details?: DeliveryDetails;
}

export interface DeliveryDetails {
  bounceType?: string;
  bounceSubType?: string;
  statusCodes?: string[];
  complaintFeedbackType?: string;
  reason?: string;
}

/**
 * A notice owed by an earlier change went out: which one (the outbox record), what it was, and
 * the provider's message id. With the delivery report that follows, the ledger proves who was told.
 */
export interface RecordNoticeSentCommand {
  type: 'record_notice_sent';
  effectId: string;
  notice: string;
  messageId: string;
  recipients: number;
}

/** The same complaint submitted again is folded into the earlier case. */
export interface MergeCommand {
  type: 'merge';
  into: string;
}

export type CaseCommand =
  | RegisterCommand
  | AcknowledgeCommand
  | StartWorkCommand
  | AssignCommand
  | TransferCommand
  | NoteCommand
  | RequestInfoCommand
  | RecordReminderCommand
  | RecordAcknowledgementOverdueCommand
  | RecordBreachCommand
  | PauseCommand
  | ResumeCommand
  | ExtendCommand
  | EscalateCommand
  | RecordEscalationCommand
  | ResolveCommand
  | RequestReviewCommand
  | DecideReviewCommand
  | ReopenCommand
  | CloseCommand
  | WithdrawCommand
  | MergeCommand
  | CustomerMessageCommand
  | RecordDeliveryCommand
  | RecordNoticeSentCommand;

export type CaseCommandType = CaseCommand['type'];

export const caseCommandTypes = [
  'register',
  'acknowledge',
  'start_work',
  'assign',
  'transfer',
  'note',
  'request_info',
  'record_reminder',
  'record_acknowledgement_overdue',
  'record_breach',
  'pause',
  'resume',
  'extend',
  'escalate',
  'record_escalation',
  'resolve',
  'request_review',
  'decide_review',
  'reopen',
  'close',
  'withdraw',
  'merge',
  'record_customer_message',
  'record_delivery',
  'record_notice_sent',
] as const satisfies readonly CaseCommandType[];

export interface TransitionContext {
  actor: Actor;
  now: Date;
  /** Built for the case's clock policy and calendar; the lifecycle never does date maths itself. */
  deadlines: DeadlineCalculator;
  /** The bank's ladder; the default ladder when omitted. */
  ladder?: EscalationLadder;
}

export interface TransitionResult {
  case: ComplaintCase;
  /** At least one; seq continues from the case's `lastEventSeq`. */
  events: CaseEvent[];
}
