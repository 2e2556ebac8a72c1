import type { ConsoleKey } from './console-dictionary.js';

/** The deadline fields the list and the case page read; all optional, as the API may omit them. */
export interface DeadlineFacts {
  status: string;
  acknowledgedAt?: string | null;
  deadlines?: {
    acknowledgeBy?: string | null;
    decideBy?: string | null;
    remindAt?: string | null;
    reviewDecideBy?: string | null;
    secondContactBy?: string | null;
  } | null;
}

export interface NextDeadline {
  at: string;
  label: ConsoleKey;
}

export type Urgency = 'overdue' | 'due_soon' | 'normal';

const DAY_MS = 24 * 3600 * 1000;
const finished = new Set(['resolved', 'closed', 'withdrawn', 'merged']);

const time = (iso: string | null | undefined): number | undefined => {
  if (iso === null || iso === undefined) return undefined;
  const value = Date.parse(iso);
  return Number.isNaN(value) ? undefined : value;
};

/**
 * The deadline staff must meet next: an unanswered acknowledgement comes before the decision,
 * a review or second contact replaces the decision clock. A finished case has none. The list's
 * summaries do not say whether the customer was acknowledged, so there only the full case page
 * counts the acknowledgement deadline.
 */
export const nextDeadline = (
  facts: DeadlineFacts,
  { includeAcknowledgement }: { includeAcknowledgement: boolean },
): NextDeadline | undefined => {
  if (finished.has(facts.status)) return undefined;
  const deadlines = facts.deadlines ?? {};
  const candidates: NextDeadline[] = [];
  const add = (at: string | null | undefined, label: ConsoleKey) => {
    if (at !== null && at !== undefined && time(at) !== undefined) candidates.push({ at, label });
  };
  if (includeAcknowledgement && !facts.acknowledgedAt) add(deadlines.acknowledgeBy, 'deadline.acknowledge');
  if (facts.status === 'under_review') add(deadlines.reviewDecideBy, 'deadline.review');
  else if (deadlines.secondContactBy) add(deadlines.secondContactBy, 'deadline.secondContact');
  else add(deadlines.decideBy, 'deadline.decide');
  candidates.sort((a, b) => (time(a.at) ?? 0) - (time(b.at) ?? 0));
  return candidates[0];
};

/**
 * Overdue once the decision deadline has passed; due soon within 24 hours of it or once the
 * reminder point has passed. A paused clock still shows its stored deadline, which the API moves
 * on resumption.
 */
export const urgencyOf = (facts: DeadlineFacts, now: number): Urgency => {
  if (finished.has(facts.status)) return 'normal';
  const deadlines = facts.deadlines ?? {};
  const decideBy =
    time(facts.status === 'under_review' ? deadlines.reviewDecideBy : undefined) ??
    time(deadlines.secondContactBy) ??
    time(deadlines.decideBy);
  if (decideBy !== undefined && now > decideBy) return 'overdue';
  const remindAt = time(deadlines.remindAt);
  if (decideBy !== undefined && decideBy - now <= DAY_MS) return 'due_soon';
  if (remindAt !== undefined && now >= remindAt) return 'due_soon';
  return 'normal';
};

const two = (value: number) => String(value).padStart(2, '0');

/** A distance in time as `3d 04:05:06` parts; the caller words it in the page's language. */
export const countdownParts = (
  deadline: string,
  now: number,
): { overdue: boolean; days: number; hms: string } | undefined => {
  const at = time(deadline);
  if (at === undefined) return undefined;
  const distance = Math.abs(at - now);
  const seconds = Math.floor(distance / 1000);
  const days = Math.floor(seconds / 86_400);
  const hms = `${two(Math.floor((seconds % 86_400) / 3600))}:${two(Math.floor((seconds % 3600) / 60))}:${two(seconds % 60)}`;
  return { overdue: now > at, days, hms };
};
