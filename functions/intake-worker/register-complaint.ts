import type { TokenSealer } from '../../shared/adapters/secrets/token-sealer.js';
import type { RoutingRules } from '../../shared/config/routing-rules.js';
import { applyCommand } from '../../shared/domain/case/apply-command.js';
import type { CaseStore } from '../../shared/domain/case/case-store.js';
import type { Actor, ComplaintCase } from '../../shared/domain/case/case-types.js';
import { updateCase } from '../../shared/domain/case/update-case.js';
import { deadlineCalculatorFor } from '../../shared/domain/clock-policy/calculator-for.js';
import { registrationEffects } from '../../shared/domain/effects/registration-effects.js';
import type { EscalationLadder } from '../../shared/domain/escalation/escalation-ladder.js';
import { registrationPlan, repeatWindowStart } from '../../shared/domain/intake/registration-plan.js';
import type { BranchDirectory } from '../../shared/domain/staff/staff-ports.js';
import type { Clock } from '../../shared/domain/time/clock.js';
import { countComplaintRegistered } from '../../shared/observability/business-metrics.js';
import type { IntakeMessage } from '../../shared/schemas/intake-message-schema.js';

export interface RegisterComplaintDependencies {
  store: CaseStore;
  clock: Clock;
  routing: RoutingRules;
  /** Branches the admin keeps: their duty desks answer first, over the configured routing. */
  branches: Pick<BranchDirectory, 'get'>;
  ladder: EscalationLadder;
  /** Seals the customer's status token into the acknowledgement owed. */
  sealer: TokenSealer;
}

const worker: Actor = { id: 'system:intake-worker', kind: 'system' };

export class CaseNotFoundError extends Error {
  constructor(reference: string) {
    super(`no received record for ${reference}`);
    this.name = 'CaseNotFoundError';
  }
}

/**
 * Registers a received complaint. The registration, its ledger entries and what it owes (the SLA
 * watch, the acknowledgement) are one conditional write, so a crash at any point leaves either
 * nothing done or everything owed on record for the effects processor. Safe to run any number of
 * times for the same message: a case already registered is left as it is.
 */
export const createRegisterComplaint =
  (deps: RegisterComplaintDependencies) =>
  async (message: IntakeMessage): Promise<ComplaintCase> => {
    const { reference } = message;
    const current = await deps.store.get(reference);
    if (current === undefined) throw new CaseNotFoundError(reference);
    if (current.status !== 'received') return current;

    const branch = current.branchCode === undefined ? undefined : await deps.branches.get(current.branchCode);
    const earlier = await deps.store.findByCustomer(current.customer, repeatWindowStart(current.receivedAt));
    const repeatComplainant = earlier.some((other) => other !== reference);
    const sealedTrackingToken =
      message.trackingToken === undefined ? undefined : await deps.sealer.seal(message.trackingToken);

    const outcome = await updateCase(deps.store, reference, (latest) => {
      if (latest.status !== 'received') return { value: { case: latest, registeredHere: false } };
      const result = applyCommand(
        latest,
        registrationPlan(latest, { routing: deps.routing, repeatComplainant, ...(branch ? { branch } : {}) }),
        {
          actor: worker,
          now: deps.clock.now(),
          deadlines: deadlineCalculatorFor(latest.clockPolicyId, latest.calendarId),
        },
      );
      const effects = registrationEffects(result.case, {
        ladder: deps.ladder,
        ...(sealedTrackingToken === undefined ? {} : { sealedTrackingToken }),
      });
      return { write: { ...result, effects }, value: { case: result.case, registeredHere: true } };
    });
    if (outcome === undefined) throw new CaseNotFoundError(reference);
    // Counted only by the write that registered the case, not by a redelivery or a lost race.
    if (outcome.registeredHere) countComplaintRegistered(outcome.case.channel);
    return outcome.case;
  };
