import { isoUtc } from '../time/clock.js';
import type { TransitionContext, TransitionResult } from './case-commands.js';
import { CaseRuleError } from './case-errors.js';
import type { CaseEventKind } from './case-event-kinds.js';
import type { CaseEvent, ComplaintCase, Deadlines } from './case-types.js';

export interface PendingEvent {
  kind: CaseEventKind;
  data?: Record<string, unknown>;
}

/** Drops undefined entries so stored items and event data carry only what is known. */
export function compact<T extends Record<string, unknown>>(record: T): T {
  const copy = { ...record };
  for (const key of Object.keys(copy)) {
    if (copy[key] === undefined) delete copy[key];
  }
  return copy;
}

/**
 * Seals one transition: version up by exactly one, events numbered on from `lastEventSeq`,
 * stamped with the actor and the time. Requiring one event at least keeps the ledger complete.
 */
export function commit(
  next: ComplaintCase,
  events: readonly [PendingEvent, ...PendingEvent[]],
  ctx: TransitionContext,
): TransitionResult {
  const at = isoUtc(ctx.now);
  const stamped: CaseEvent[] = events.map((event, index) => ({
    reference: next.reference,
    seq: next.lastEventSeq + index + 1,
    at,
    kind: event.kind,
    actor: ctx.actor,
    ...(event.data ? { data: compact(event.data) } : {}),
  }));
  return {
    case: { ...next, version: next.version + 1, lastEventSeq: next.lastEventSeq + events.length },
    events: stamped,
  };
}

/** Text a person must write (a note, a reason) cannot be blank. */
export function requireText(value: string | undefined, field: string): string {
  const text = value?.trim() ?? '';
  if (text === '') throw new CaseRuleError('text_required', `${field} must not be empty`);
  return text;
}

export function parseInstant(value: string, field: string): Date {
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new CaseRuleError('invalid_date', `${field} is not a valid date and time`);
  return new Date(time);
}

/**
 * Recomputes the deadlines through the calculator for the case's policy. A second-contact date
 * is not the calculator's to know, so it is carried over unless the case is being decided.
 */
export function recomputeDeadlines(
  c: ComplaintCase,
  ctx: TransitionContext,
  changes: Partial<Pick<ComplaintCase, 'pauses' | 'extensions' | 'priority'>> & {
    decidedAt?: string;
    reviewRequestedAt?: string;
  } = {},
): Deadlines {
  const calculator = ctx.deadlines;
  if (calculator.policyId !== c.clockPolicyId || calculator.calendarId !== c.calendarId) {
    throw new CaseRuleError(
      'calculator_mismatch',
      `deadlines for policy ${c.clockPolicyId} on calendar ${c.calendarId} cannot come from ` +
        `policy ${calculator.policyId} on calendar ${calculator.calendarId}`,
    );
  }
  const computed = calculator.deadlines({
    receivedAt: c.receivedAt,
    priority: changes.priority ?? c.priority,
    pauses: changes.pauses ?? c.pauses,
    extensions: changes.extensions ?? c.extensions,
    ...(changes.decidedAt ? { decidedAt: changes.decidedAt } : {}),
    ...(changes.reviewRequestedAt ? { reviewRequestedAt: changes.reviewRequestedAt } : {}),
  });
  const secondContactBy = changes.decidedAt ? undefined : c.deadlines?.secondContactBy;
  return compact({ ...computed, secondContactBy });
}
