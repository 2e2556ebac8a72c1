import type { CaseEffect } from '../../schemas/case-effect-schema.js';
import { getCalendar } from '../calendar/calendar-registry.js';
import type { ComplaintCase } from '../case/case-types.js';
import type { EscalationLadder } from '../escalation/escalation-ladder.js';
import { nextWakeAt } from '../sla/sla-due.js';
import { mayMailCustomer } from './customer-mail-allowed.js';

/**
 * What a registration owes: the case's SLA watch, and the acknowledgement to a customer who can
 * be written to (an address, and not one a forged mail gave) and was not acknowledged some other way already (a staff member on the phone).
 */
export const registrationEffects = (
  registered: ComplaintCase,
  context: { ladder: EscalationLadder; sealedTrackingToken?: string },
): CaseEffect[] => {
  const effects: CaseEffect[] = [];
  const wakeAt = nextWakeAt(registered, {
    ladder: context.ladder,
    calendar: getCalendar(registered.calendarId),
  });
  if (wakeAt !== undefined) {
    effects.push({ kind: 'start_watch', generation: registered.slaGeneration ?? 1, wakeAt });
  }
  if (registered.acknowledgedAt === undefined && mayMailCustomer(registered)) {
    effects.push({
      kind: 'acknowledgement',
      ...(context.sealedTrackingToken === undefined
        ? {}
        : { sealedTrackingToken: context.sealedTrackingToken }),
    });
  }
  return effects;
};
