import type { ComplaintCase } from '../case/case-types.js';

const minuteMs = 60_000;

/**
 * The decision clock the SLA rules watch. A reopened case (二次沟通) was answered once already,
 * so what it owes is the date promised for the second contact, not the original decision date.
 */
export const decisionDeadlineOf = (c: ComplaintCase): string | undefined =>
  c.deadlines?.secondContactBy ?? c.deadlines?.decideBy;

export const isSecondContact = (c: ComplaintCase): boolean => c.deadlines?.secondContactBy !== undefined;

/** Whether something recorded at `recordedAt` already covers the instant `instant`. */
export const covers = (recordedAt: string | undefined, instant: string): recordedAt is string =>
  recordedAt !== undefined && Date.parse(recordedAt) >= Date.parse(instant);

/**
 * One reminder per decision period. A reminder at or after the current reminder point covers it;
 * so does one sent before it when the point moved only because the clock was paused afterwards
 * (a pause shifts the same period, it does not start a new one). An extension after the reminder
 * starts a new period, so its new reminder point is due again.
 */
export function reminderCovered(c: ComplaintCase, remindAt: string): boolean {
  const remindedAt = c.remindedAt;
  if (remindedAt === undefined) return false;
  const sent = Date.parse(remindedAt);
  if (sent >= Date.parse(remindAt)) return true;
  const extendedSince = c.extensions.some((extension) => Date.parse(extension.at) > sent);
  const pausedSince = c.pauses.some((pause) => Date.parse(pause.startedAt) >= sent);
  return pausedSince && !extendedSince;
}

/** Whole minutes past `deadline` at `now`; 0 while the deadline has not passed. */
export const minutesLate = (deadline: string, now: Date): number =>
  Math.max(0, Math.floor((now.getTime() - Date.parse(deadline)) / minuteMs));

/** Whole minutes left before `deadline` at `now`; 0 once it has passed. */
export const minutesLeft = (deadline: string, now: Date): number =>
  Math.max(0, Math.floor((Date.parse(deadline) - now.getTime()) / minuteMs));

/** Who holds the case: every SLA notice and ledger entry names them. */
export interface CaseHolders {
  handler?: string;
  assignedUnit?: string;
  /** 首问负责制: answerable until the customer is satisfied, whoever handles the case now. */
  firstResponder?: string;
}

export const holdersOf = (c: ComplaintCase): CaseHolders => ({
  ...(c.handler ? { handler: c.handler } : {}),
  ...(c.assignedUnit ? { assignedUnit: c.assignedUnit } : {}),
  ...(c.firstResponder ? { firstResponder: c.firstResponder } : {}),
});
