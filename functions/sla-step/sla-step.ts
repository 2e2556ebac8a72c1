import { getCalendar } from '../../shared/domain/calendar/calendar-registry.js';
import { applyCommand } from '../../shared/domain/case/apply-command.js';
import { CaseRuleError } from '../../shared/domain/case/case-errors.js';
import type { CaseStore } from '../../shared/domain/case/case-store.js';
import type { Actor } from '../../shared/domain/case/case-types.js';
import { updateCase } from '../../shared/domain/case/update-case.js';
import { deadlineCalculatorFor } from '../../shared/domain/clock-policy/calculator-for.js';
import type { EscalationLadder } from '../../shared/domain/escalation/escalation-ladder.js';
import { slaCommandFor } from '../../shared/domain/sla/sla-commands.js';
import { dueActions, nextWakeAt, slaWatchState } from '../../shared/domain/sla/sla-due.js';
import type { SlaAction } from '../../shared/domain/sla/sla-types.js';
import type { Clock } from '../../shared/domain/time/clock.js';
import { countSlaAction } from '../../shared/observability/business-metrics.js';
import { logger } from '../../shared/observability/powertools.js';
import type { SlaStepInput, SlaStepOutput } from '../../shared/schemas/sla-step-schema.js';

export interface SlaStepDependencies {
  store: CaseStore;
  clock: Clock;
  ladder: EscalationLadder;
}

export type { SlaStepInput, SlaStepOutput };

const workflowActor: Actor = { id: 'system:sla-workflow', kind: 'system' };

/**
 * One wake of a case's SLA watch: re-read the case, record what is due together with the notice
 * it owes (one conditional write: the notice is an outbox record beside the ledger entry), and
 * say when to wake next. A retried step finds the action recorded and has nothing left to do;
 * the notice is the effects processor's, which sends it once.
 */
export const createSlaStep = (deps: SlaStepDependencies) => {
  const record = (reference: string, action: SlaAction): Promise<boolean | undefined> =>
    updateCase(deps.store, reference, (current) => {
      try {
        const result = applyCommand(current, slaCommandFor(action), {
          actor: workflowActor,
          now: deps.clock.now(),
          deadlines: deadlineCalculatorFor(current.clockPolicyId, current.calendarId),
          ladder: deps.ladder,
        });
        return { write: { ...result, effects: [{ kind: 'sla_notice', action }] }, value: true };
      } catch (error) {
        // Already recorded by an earlier try of this step, with its notice.
        if (error instanceof CaseRuleError) return { value: false };
        throw error;
      }
    });

  return async (input: SlaStepInput): Promise<SlaStepOutput> => {
    const initial = await deps.store.get(input.reference);
    if (initial === undefined) return { ...input, watch: 'finished' };
    if ((initial.slaGeneration ?? 1) !== input.generation) return { ...input, watch: 'superseded' };

    const context = { ladder: deps.ladder, calendar: getCalendar(initial.calendarId) };
    for (const action of dueActions(initial, deps.clock.now(), context)) {
      const recorded = await record(input.reference, action);
      if (recorded === undefined) break;
      if (recorded) {
        logger.info('SLA action', { reference: input.reference, kind: action.kind });
        countSlaAction(action);
      }
    }

    const latest = (await deps.store.get(input.reference)) ?? initial;
    const state = slaWatchState(latest);
    const wake = nextWakeAt(latest, context);
    if (state === 'watching' && wake !== undefined) return { ...input, wakeAt: wake, watch: 'watching' };
    // Open but with nothing left to wake for (top of the ladder): the audit keeps an eye on it.
    return { ...input, watch: state === 'watching' ? 'finished' : state };
  };
};
