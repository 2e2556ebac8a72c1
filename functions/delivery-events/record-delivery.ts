import { sesMessageIdHeader } from '../../shared/adapters/ses/ses-message-id.js';
import { applyCommand } from '../../shared/domain/case/apply-command.js';
import { deliveryOnLedger } from '../../shared/domain/case/case-delivery.js';
import type { CaseStore } from '../../shared/domain/case/case-store.js';
import type { Actor } from '../../shared/domain/case/case-types.js';
import { updateCase } from '../../shared/domain/case/update-case.js';
import { deadlineCalculatorFor } from '../../shared/domain/clock-policy/calculator-for.js';
import type { SentMessageIndex } from '../../shared/domain/mail-intake/mail-ports.js';
import type { Clock } from '../../shared/domain/time/clock.js';
import { logger } from '../../shared/observability/logger.js';
import type { DeliveryReport } from './ses-delivery-event.js';

export interface DeliveryEventDependencies {
  store: CaseStore;
  /** Message-ID header of every notice sent -> the case it was sent for. */
  sentMessages: Pick<SentMessageIndex, 'referenceFor'>;
  clock: Clock;
}

export type DeliveryResult =
  | { result: 'recorded' | 'already_recorded'; reference: string }
  | { result: 'unknown_message' | 'unknown_case'; reference?: string };

const deliveryActor: Actor = { id: 'system:delivery-events', kind: 'system' };

/**
 * Records one SES report on the case the mail was sent for. Idempotent: the ledger is read at
 * the version the write is conditional on, so a duplicate report finds the first one there,
 * and two copies arriving together cannot both be written (the second meets a newer version,
 * re-reads and finds the first).
 */
export const createRecordDelivery = (deps: DeliveryEventDependencies) => {
  return async (report: DeliveryReport): Promise<DeliveryResult> => {
    const { command } = report;
    const reference = await deps.sentMessages.referenceFor(
      sesMessageIdHeader(report.sesMessageId, report.region),
    );
    const facts = { outcome: command.outcome, recipients: command.recipientDigests.length };
    if (reference === undefined) {
      // Mail sent for no case (an audit digest, a test send): nothing to prove on a ledger.
      logger.info('delivery report for mail of no case', facts);
      return { result: 'unknown_message' };
    }

    const outcome = await updateCase(deps.store, reference, async (current) => {
      if (deliveryOnLedger(await deps.store.listEvents(reference), command)) {
        return { value: 'already_recorded' as const };
      }
      const result = applyCommand(current, command, {
        actor: deliveryActor,
        now: deps.clock.now(),
        deadlines: deadlineCalculatorFor(current.clockPolicyId, current.calendarId),
      });
      return { write: result, value: 'recorded' as const };
    });
    if (outcome === undefined) {
      logger.warn('delivery report for a case that does not exist', { reference, ...facts });
      return { result: 'unknown_case', reference };
    }
    if (outcome === 'already_recorded') {
      logger.info('delivery report already recorded', { reference, ...facts });
      return { result: 'already_recorded', reference };
    }
    if (command.outcome === 'delivered') logger.info('notice delivered', { reference, ...facts });
    // Someone may not have been told: staff see it on the ledger, operators in the logs.
    else logger.warn('notice not delivered', { reference, ...facts });
    return { result: 'recorded', reference };
  };
};
