import { getCalendar } from '../../shared/domain/calendar/calendar-registry.js';
import { applyCommand } from '../../shared/domain/case/apply-command.js';
import type { CaseCommand } from '../../shared/domain/case/case-commands.js';
import { type CaseStore, StaleCaseVersionError } from '../../shared/domain/case/case-store.js';
import type { Actor, ComplaintCase } from '../../shared/domain/case/case-types.js';
import { updateCase } from '../../shared/domain/case/update-case.js';
import { deadlineCalculatorFor } from '../../shared/domain/clock-policy/calculator-for.js';
import { staffActionEffects } from '../../shared/domain/effects/staff-action-effects.js';
import type { EscalationLadder } from '../../shared/domain/escalation/escalation-ladder.js';
import type { Clock } from '../../shared/domain/time/clock.js';

export interface CaseActionDependencies {
  store: CaseStore;
  clock: Clock;
  ladder: EscalationLadder;
}

/**
 * Whether every change since `expectedVersion` was a delivery proof appended by the system. Those
 * change nothing a person decides on, so they must not turn a staff action into a conflict.
 * Each proof is one transition with one event, so the last (current - expected) events tell.
 */
const onlyProofSince = async (
  store: CaseStore,
  current: ComplaintCase,
  expectedVersion: number,
): Promise<boolean> => {
  const changes = current.version - expectedVersion;
  if (changes <= 0) return false;
  const tail = (await store.listEvents(current.reference)).slice(-changes);
  return tail.length === changes && tail.every((event) => event.kind.startsWith('case.notice_'));
};

/**
 * A staff action on a case: apply the lifecycle rule and store it, with what it owes (a newer SLA
 * watch, the customer's notice) as outbox records in the same conditional write. A stale version
 * is refused, never merged. Nothing is sent from here: an answer, even a 5xx, never leaves a
 * change without its effects.
 */
export const createApplyCaseAction =
  (deps: CaseActionDependencies) =>
  /**
   * A system writer (delivery proof, SLA step) may land between the read and the write; the
   * update then decides again from a fresh read, where the caller's `expectedVersion` is checked
   * again, so a person's change is never overwritten.
   */
  (
    reference: string,
    command: CaseCommand,
    actor: Actor,
    expectedVersion?: number,
  ): Promise<ComplaintCase | undefined> =>
    updateCase(deps.store, reference, async (before) => {
      // A caller who saw an older version decided on stale facts: refuse before applying anything.
      if (expectedVersion !== undefined && expectedVersion !== before.version) {
        if (!(await onlyProofSince(deps.store, before, expectedVersion))) {
          throw new StaleCaseVersionError(reference, expectedVersion);
        }
      }
      const now = deps.clock.now();
      const result = applyCommand(before, command, {
        actor,
        now,
        deadlines: deadlineCalculatorFor(before.clockPolicyId, before.calendarId),
        ladder: deps.ladder,
      });
      const owed = staffActionEffects(before, result.case, command, {
        ladder: deps.ladder,
        calendar: getCalendar(before.calendarId),
        now,
      });
      return { write: { case: owed.case, events: result.events, effects: owed.effects }, value: owed.case };
    });
