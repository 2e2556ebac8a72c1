import type { CaseCommand } from '../case/case-commands.js';
import type { EscalationTrigger, SlaAction } from './sla-types.js';

// Ledger reasons are staff-facing and kept in English like the other reasons on the ledger.
const escalationReasons: Record<EscalationTrigger, string> = {
  decision_deadline: 'Decision deadline passed without a decision',
  reminder_point: 'Green-channel complaint reached its reminder point without a decision',
  rung_interval: 'Still undecided after the interval at the previous level',
};

/**
 * The command that records an action on the case. Apply it (a conditional write) before sending
 * the notice: a retry then finds the action on record and sends nothing twice.
 */
export const slaCommandFor = (action: SlaAction): CaseCommand => {
  switch (action.kind) {
    case 'acknowledgement_overdue':
      return { type: 'record_acknowledgement_overdue' };
    case 'decision_reminder':
      return { type: 'record_reminder' };
    case 'decision_breach':
      return { type: 'record_breach' };
    case 'escalate':
      return {
        type: 'record_escalation',
        toLevel: action.toLevel,
        dueAt: action.dueAt,
        reason: escalationReasons[action.trigger],
      };
  }
};
