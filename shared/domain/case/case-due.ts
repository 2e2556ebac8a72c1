import { isTerminalStatus } from './case-status-rules.js';
import type { ComplaintCase } from './case-types.js';
import { openStatuses } from './case-types.js';

const earliest = (instants: readonly (string | undefined)[]): string | undefined => {
  let best: string | undefined;
  for (const instant of instants) {
    if (instant !== undefined && (best === undefined || Date.parse(instant) < Date.parse(best)))
      best = instant;
  }
  return best;
};

/**
 * The earliest deadline still waiting on the bank, for the sparse "due" index and the SLA
 * workflow. Undefined when nothing is owed: a finished case, a paused clock, or an answered case
 * that the customer has not asked to review.
 */
export function nextDueAt(c: ComplaintCase): string | undefined {
  const d = c.deadlines;
  if (!d || isTerminalStatus(c.status)) return undefined;
  switch (c.status) {
    case 'received':
    case 'registered':
    case 'in_progress': {
      // A reopened case was answered once already: it owes only the date promised for the second contact.
      if (d.secondContactBy) return d.secondContactBy;
      const acknowledge = c.acknowledgedAt ? undefined : d.acknowledgeBy;
      const reminderPending =
        d.remindAt !== undefined && (!c.remindedAt || Date.parse(c.remindedAt) < Date.parse(d.remindAt));
      return earliest([acknowledge, reminderPending ? d.remindAt : undefined, d.decideBy]);
    }
    case 'under_review':
      return d.reviewDecideBy;
    default:
      return undefined;
  }
}

/** Still being handled (the clocks run or are paused); answered, closed and merged cases are not. */
export const isOpen = (c: ComplaintCase): boolean => openStatuses.includes(c.status);
