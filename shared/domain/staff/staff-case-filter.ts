import type { CaseStatus, Channel, ComplaintCase, Priority } from '../case/case-types.js';

export interface CaseFilter {
  status?: readonly CaseStatus[];
  branch?: string;
  overdue?: boolean;
  dueBefore?: string;
  priority?: Priority;
  repeat?: boolean;
  channel?: readonly Channel[];
  q?: string;
}

/** Statuses in which the decision clock runs; a paused or unregistered case cannot be late. */
const runningStatuses: readonly CaseStatus[] = ['registered', 'in_progress', 'under_review'];

/** Past its decision deadline (or the date promised on a second contact) with no decision yet. */
export const isOverdue = (c: ComplaintCase, now: Date): boolean => {
  if (!runningStatuses.includes(c.status)) return false;
  const due = c.deadlines?.secondContactBy ?? c.deadlines?.decideBy;
  return due !== undefined && Date.parse(due) < now.getTime();
};

const searchable = (c: ComplaintCase): string =>
  [c.reference, c.subject, c.description, c.customer.name, c.externalReference, c.product]
    .filter((part): part is string => part !== undefined)
    .join('\n')
    .toLowerCase();

export const matchesFilter = (c: ComplaintCase, filter: CaseFilter, now: Date): boolean => {
  if (filter.status !== undefined && !filter.status.includes(c.status)) return false;
  if (filter.branch !== undefined && c.branchCode !== filter.branch) return false;
  if (filter.overdue !== undefined && isOverdue(c, now) !== filter.overdue) return false;
  if (filter.dueBefore !== undefined) {
    const due = c.deadlines?.decideBy;
    if (due === undefined || !runningStatuses.includes(c.status)) return false;
    if (Date.parse(due) >= Date.parse(filter.dueBefore)) return false;
  }
  if (filter.priority !== undefined && c.priority !== filter.priority) return false;
  if (filter.repeat !== undefined && c.repeatComplainant !== filter.repeat) return false;
  if (filter.channel !== undefined && !filter.channel.includes(c.channel)) return false;
  if (filter.q !== undefined && !searchable(c).includes(filter.q.toLowerCase())) return false;
  return true;
};
