/**
 * A clock policy is data: how long a bank has to acknowledge and decide a complaint under one
 * regulator's rules, how far the clock may be extended, and whether recorded pauses stop it.
 */

/**
 * `calendar_days` and `business_days` end at 23:59:59.999 local on the last day, counting from
 * the day after the start; `business_days: 0` means the end of the same working day. `hours`
 * are elapsed hours from the start instant.
 */
export type PeriodUnit = 'calendar_days' | 'business_days' | 'hours';

export interface Period {
  readonly unit: PeriodUnit;
  readonly amount: number;
}

export interface ExtensionStep {
  /** 1 for the first extension, 2 for the second; steps are taken in order. */
  readonly step: number;
  readonly label: string;
  /** The whole decision period, from receipt, once this step is in force (not an increment). */
  readonly decideWithin: Period;
  /** An extension at this step only counts once `approvedBy` is recorded on it. */
  readonly requiresApproval: boolean;
  /** The customer must be sent a notice (holding reply) saying why and the new date. */
  readonly customerMustBeTold: boolean;
  readonly description: string;
}

/** Shorter internal targets for urgent or vulnerable customers (绿色通道); never longer than the normal clock. */
export interface GreenChannelTargets {
  readonly acknowledgeWithin?: Period;
  /** Replaces the base decision period while no extension is in force. */
  readonly decideWithin?: Period;
  readonly rationale: string;
}

export interface ReviewWindows {
  /** How long after the decision the customer may ask for a review. */
  readonly requestWithin: Period;
  /** How long after the review request the review must be decided. */
  readonly decideWithin: Period;
}

export interface ClockPolicy {
  readonly id: string;
  readonly name: string;
  /** The rule the numbers come from, for staff and auditors. */
  readonly source: string;
  readonly defaultCalendarId: string;
  /** Absent when the rules set no acknowledgement clock. */
  readonly acknowledgeWithin?: Period;
  readonly decideWithin: Period;
  /** If the complaint is settled within this period a short summary letter replaces the final response. */
  readonly summaryResolutionWithin?: Period;
  readonly extensions: readonly ExtensionStep[];
  /** Whether recorded pauses (external appraisal, testing) are excluded from the decision clock. */
  readonly pausesStopClock: boolean;
  readonly review?: ReviewWindows;
  readonly greenChannel: GreenChannelTargets;
  /** Share of the decision period after which supervisors are reminded (0 < share < 1). */
  readonly reminderShare: number;
}
