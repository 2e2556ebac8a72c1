import type { CaseStatus, Deadlines, Priority } from '../case/case-types.js';
import { type ComplaintSeverity, type EscalationLadder, levelOfRole } from './escalation-ladder.js';

/** What the timing rules need to know about a case. */
export interface EscalationState {
  status: CaseStatus;
  priority: Priority;
  escalationLevel: number;
  deadlines?: Deadlines;
}

// Only a running clock can push a case up the ladder; a paused or answered case waits.
const climbingStatuses: readonly CaseStatus[] = ['registered', 'in_progress'];

/**
 * The instant at which the first rung is told, chosen from the deadlines the calculator already
 * produced (no date maths here). Green channel starts at the reminder point; a case without a
 * reminder point starts at its decision deadline.
 */
export const escalationStartsAt = (
  ladder: EscalationLadder,
  priority: Priority,
  deadlines: Deadlines | undefined,
): string | undefined => {
  if (!deadlines) return undefined;
  const start = ladder.timing[priority].startAt;
  return start === 'remind_at' ? (deadlines.remindAt ?? deadlines.decideBy) : deadlines.decideBy;
};

/** Whether a not-yet-escalated case should go to the first rung now. */
export const isFirstRungDue = (ladder: EscalationLadder, state: EscalationState, now: Date): boolean => {
  if (state.escalationLevel > 0 || !climbingStatuses.includes(state.status)) return false;
  const startsAt = escalationStartsAt(ladder, state.priority, state.deadlines);
  return startsAt !== undefined && Date.parse(startsAt) <= now.getTime();
};

/** Working days a case of this priority stays on one rung before the next is told. */
export const workingDaysPerRung = (ladder: EscalationLadder, priority: Priority): number =>
  ladder.timing[priority].intervalWorkingDays;

/**
 * 疑难/重大投诉: the level a difficult or major complaint goes to at once, or undefined when the
 * case is already there or higher (an escalation never goes down).
 */
export const immediateEscalationLevel = (
  ladder: EscalationLadder,
  current: number,
  severity: ComplaintSeverity,
): number | undefined => {
  const role = ladder.immediate[severity];
  const level = levelOfRole(ladder, role);
  // A validated ladder always has the role; a missing one is a configuration fault, not a case fact.
  if (level === undefined) throw new Error(`escalation ladder ${ladder.id} has no rung for role ${role}`);
  return level > current ? level : undefined;
};
