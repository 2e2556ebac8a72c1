import { toIsoUtc } from '../calendar/local-time.js';
import { CaseRuleError } from '../case/case-errors.js';
import type { CaseStatus, ComplaintCase } from '../case/case-types.js';
import { levelAt, nextEscalationLevel } from '../escalation/escalation-ladder.js';
import { escalationStartsAt, workingDaysPerRung } from '../escalation/escalation-timing.js';
import { covers, decisionDeadlineOf, isSecondContact, reminderCovered } from './sla-clock.js';
import { rungDueAt } from './sla-rungs.js';
import type { EscalationTrigger, SlaAction, SlaActionKind, SlaContext, SlaWatchState } from './sla-types.js';

/*
 * What the SLA workflow does, and when. Everything here is read from the case record, so the
 * record is also what makes the workflow idempotent: once an action's command has been applied
 * (acknowledgementOverdueNotifiedAt, remindedAt, breachedAt, escalationLevel/escalatedAt), the
 * same action is no longer pending, and a retried step finds nothing to do.
 *
 * Deadlines are the last millisecond allowed (23:59:59.999 for day clocks), so an overdue action
 * falls due one millisecond after its deadline; a reminder falls due at its reminder point.
 *
 * For the workflow author, how a watch starts and ends:
 * - `finished` (resolved, under review, closed, withdrawn, merged): the watch ends.
 * - `paused`: the watch ends too. Nothing can fall due while the clock is stopped, and the resumed
 *   deadlines are not known until staff resume it; idling with a heartbeat instead would be late
 *   by up to one heartbeat after a resume near the deadline and would fill the execution history
 *   during long appraisals. Resuming starts a new watch (see needsNewWatch).
 * - `watching` with no nextWakeAt (top of the ladder, everything on record): only a staff update
 *   can make something due again, so the watch can end the same way.
 * The code that applies a staff update asks needsNewWatch(before, after) and starts a new watch
 * when it says so: a resume, a reopened case (二次沟通), or an extension that gives a case with
 * nothing pending a new deadline. An update that only moves due times later needs nothing: the
 * running watch wakes, finds nothing due and waits for the later time.
 */

// Only a running clock can make anything late; the same statuses the climb needs.
const runningStatuses: readonly CaseStatus[] = ['registered', 'in_progress'];

// Same-instant actions go in the order a reader makes sense of them: the reminder before the
// breach it warned of, the breach before the escalation it causes.
const kindOrder: Record<SlaActionKind, number> = {
  acknowledgement_overdue: 0,
  decision_reminder: 1,
  decision_breach: 2,
  escalate: 3,
};

interface Pending {
  action: SlaAction;
  /** Epoch ms from which dueActions returns the action. */
  firesAt: number;
}

const afterDeadline = (deadline: string): number => Date.parse(deadline) + 1;

/**
 * The instant an action on the decision clock belongs to. An extension starts a new period; a
 * reminder point or deadline of that period that had already passed when it was granted falls due
 * at the extension, not before it, so the ledger and the notices stay in the order they happened.
 */
const dueInstant = (c: ComplaintCase, instant: string): string => {
  const renewedAt = c.extensions.at(-1)?.at;
  return renewedAt !== undefined && Date.parse(renewedAt) > Date.parse(instant) ? renewedAt : instant;
};

export function slaWatchState(c: ComplaintCase): SlaWatchState {
  if (c.status === 'paused') return 'paused';
  // A received case is not registered yet; it has no clocks but will have them shortly.
  if (c.status === 'received' || runningStatuses.includes(c.status)) return 'watching';
  return 'finished';
}

function assertCaseCalendar(c: ComplaintCase, ctx: SlaContext): void {
  if (ctx.calendar.id !== c.calendarId) {
    throw new CaseRuleError(
      'calculator_mismatch',
      `case ${c.reference} runs on calendar ${c.calendarId}; its rungs cannot be counted on ${ctx.calendar.id}`,
    );
  }
}

function nextRung(c: ComplaintCase, deadline: string, ctx: SlaContext): Pending | undefined {
  const toLevel = nextEscalationLevel(ctx.ladder, c.escalationLevel);
  const role = toLevel === undefined ? undefined : levelAt(ctx.ladder, toLevel)?.role;
  if (toLevel === undefined || role === undefined) return undefined;
  // A reopened case climbs from its second-contact date; the original reminder point is history.
  const startsAt = escalationStartsAt(
    ctx.ladder,
    c.priority,
    isSecondContact(c) ? { decideBy: deadline } : c.deadlines,
  );
  if (startsAt === undefined) return undefined;
  const startsAtDeadline = startsAt === deadline;
  const startFiresAt = startsAtDeadline ? afterDeadline(startsAt) : Date.parse(startsAt);
  const escalation = (trigger: EscalationTrigger, dueAt: string, firesAt: number): Pending => ({
    action: { kind: 'escalate', toLevel, role, trigger, dueAt, deadline },
    firesAt,
  });
  const start = escalation(
    startsAtDeadline ? 'decision_deadline' : 'reminder_point',
    dueInstant(c, startsAt),
    startFiresAt,
  );
  if (c.escalationLevel === 0) return start;
  // Each rung gets its interval, and the climb never runs ahead of the clock: a case raised by
  // hand before its deadline, or extended after a breach, climbs again only once it is late.
  const rungAt = rungDueAt(
    ctx.calendar,
    c.escalatedAt ?? startsAt,
    workingDaysPerRung(ctx.ladder, c.priority),
  );
  return Date.parse(rungAt) > startFiresAt ? escalation('rung_interval', rungAt, Date.parse(rungAt)) : start;
}

/** Everything the case record says is still owed, each with the instant it falls due. */
function pendingActions(c: ComplaintCase, ctx: SlaContext): Pending[] {
  const d = c.deadlines;
  const deadline = decisionDeadlineOf(c);
  if (!runningStatuses.includes(c.status) || !d || deadline === undefined) return [];
  assertCaseCalendar(c, ctx);
  const firstAnswer = !isSecondContact(c);
  const pending: Pending[] = [];
  const acknowledgeBy = d.acknowledgeBy;
  if (
    firstAnswer &&
    acknowledgeBy !== undefined &&
    c.acknowledgedAt === undefined &&
    !covers(c.acknowledgementOverdueNotifiedAt, acknowledgeBy)
  ) {
    pending.push({
      action: { kind: 'acknowledgement_overdue', dueAt: acknowledgeBy, deadline: acknowledgeBy },
      firesAt: afterDeadline(acknowledgeBy),
    });
  }
  const remindAt = d.remindAt;
  // A breach on record at or after the reminder point stands in for the reminder it overtook.
  if (
    firstAnswer &&
    remindAt !== undefined &&
    !reminderCovered(c, remindAt) &&
    !covers(c.breachedAt, remindAt)
  ) {
    pending.push({
      action: { kind: 'decision_reminder', dueAt: dueInstant(c, remindAt), deadline },
      firesAt: Date.parse(remindAt),
    });
  }
  if (!covers(c.breachedAt, deadline)) {
    pending.push({
      action: { kind: 'decision_breach', dueAt: dueInstant(c, deadline), deadline },
      firesAt: afterDeadline(deadline),
    });
  }
  const rung = nextRung(c, deadline, ctx);
  if (rung) pending.push(rung);
  return pending;
}

const byDueTime = (a: SlaAction, b: SlaAction): number =>
  Date.parse(a.dueAt) - Date.parse(b.dueAt) || kindOrder[a.kind] - kindOrder[b.kind];

/**
 * What is due on the case at `now`, in due-time order. Nothing for a paused, answered or ended
 * case. At most one escalation: the next rung is counted from the time this one is recorded.
 * A reminder that is only reached together with the breach is dropped: "due soon" is no longer
 * true, and the breach notice goes to the same people.
 */
export function dueActions(c: ComplaintCase, now: Date, ctx: SlaContext): SlaAction[] {
  const due = pendingActions(c, ctx)
    .filter((pending) => pending.firesAt <= now.getTime())
    .map((pending) => pending.action);
  const breachDue = due.some((action) => action.kind === 'decision_breach');
  return due.filter((action) => !(breachDue && action.kind === 'decision_reminder')).sort(byDueTime);
}

const secondMs = 1000;

// Step Functions reads a Wait state's timestamp to the second and drops the milliseconds, so a
// wake at 23:59:59.999 would come at 23:59:59.000, find nothing due yet and wait again.
const upToWholeSecond = (epochMillis: number): number => Math.ceil(epochMillis / secondMs) * secondMs;

/**
 * The first whole second at or after the earliest instant at which dueActions would return
 * something, read from the record alone (a Wait state only honours whole seconds). In the past
 * when actions are due and not yet recorded (after recording them it is always in the future).
 * Undefined when nothing can fall due by the passing of time: a finished case, a paused clock, or
 * an open case with everything recorded; slaWatchState tells these apart.
 */
export function nextWakeAt(c: ComplaintCase, ctx: SlaContext): string | undefined {
  if (slaWatchState(c) !== 'watching') return undefined;
  const firesAt = pendingActions(c, ctx).map((pending) => pending.firesAt);
  return firesAt.length === 0 ? undefined : toIsoUtc(upToWholeSecond(Math.min(...firesAt)));
}

/**
 * Whether a change from `before` to `after` needs a new watch: `after` has something to wake for,
 * and either no watch is running for `before` (it was paused, finished, not yet registered, or had
 * nothing pending) or the running one sleeps until later than `after` needs.
 */
export function needsNewWatch(before: ComplaintCase, after: ComplaintCase, ctx: SlaContext): boolean {
  const next = nextWakeAt(after, ctx);
  if (next === undefined) return false;
  const running = nextWakeAt(before, ctx);
  return running === undefined || Date.parse(next) < Date.parse(running);
}
