import type { Calendar } from '../calendar/calendar-types.js';
import type { EscalationLadder } from '../escalation/escalation-ladder.js';

/** What the SLA rules need besides the case: the bank's ladder and the calendar the case runs on. */
export interface SlaContext {
  ladder: EscalationLadder;
  /** Must be the calendar named by the case's `calendarId`: rung intervals are counted on it. */
  calendar: Calendar;
}

/** Why a rung fell due: the climb started, or the case sat on the previous rung for its interval. */
export type EscalationTrigger = 'decision_deadline' | 'reminder_point' | 'rung_interval';

/**
 * One thing the SLA workflow must do now. `dueAt` is the instant the action belongs to (what it is
 * ordered by); `deadline` is the clock the staff notice is about: the acknowledgement deadline for
 * an overdue acknowledgement, otherwise the decision deadline (or the second-contact date of a
 * reopened case).
 */
export type SlaAction =
  | { kind: 'acknowledgement_overdue'; dueAt: string; deadline: string }
  | { kind: 'decision_reminder'; dueAt: string; deadline: string }
  | { kind: 'decision_breach'; dueAt: string; deadline: string }
  | {
      kind: 'escalate';
      /** The rung reached: always one above the case's current level, never above the top. */
      toLevel: number;
      /** The ladder role told at that rung. */
      role: string;
      trigger: EscalationTrigger;
      dueAt: string;
      deadline: string;
    };

export type SlaActionKind = SlaAction['kind'];

/**
 * `watching`: the clock runs, wait for the next wake. `paused`: the clock is stopped, nothing can
 * fall due until staff resume it. `finished`: the case is answered or ended; the workflow stops.
 */
export type SlaWatchState = 'watching' | 'paused' | 'finished';
