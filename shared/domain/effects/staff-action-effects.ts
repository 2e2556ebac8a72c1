import type { CaseEffect } from '../../schemas/case-effect-schema.js';
import type { CaseCommand } from '../case/case-commands.js';
import type { ComplaintCase } from '../case/case-types.js';
import { needsNewWatch, nextWakeAt } from '../sla/sla-due.js';
import type { SlaContext } from '../sla/sla-types.js';
import { mayMailCustomer } from './customer-mail-allowed.js';
import { customerNoticeFor } from './customer-notice-for.js';

/**
 * A staff action's change and what it owes: a newer SLA watch when the next due time moved
 * earlier or the clock restarted (the case then carries the next generation), and the notice the
 * customer must be told, when there is an address to tell them at.
 */
export const staffActionEffects = (
  before: ComplaintCase,
  applied: ComplaintCase,
  command: CaseCommand,
  context: SlaContext & { now: Date },
): { case: ComplaintCase; effects: CaseEffect[] } => {
  const restartWatch = needsNewWatch(before, applied, context);
  const after: ComplaintCase = restartWatch
    ? { ...applied, slaGeneration: (before.slaGeneration ?? 1) + 1 }
    : applied;
  const effects: CaseEffect[] = [];
  const wakeAt = restartWatch ? nextWakeAt(after, context) : undefined;
  if (wakeAt !== undefined) {
    effects.push({ kind: 'start_watch', generation: after.slaGeneration ?? 1, wakeAt });
  }
  const notice = !mayMailCustomer(after) ? undefined : customerNoticeFor(before, after, command, context.now);
  if (notice !== undefined) effects.push({ kind: 'customer_notice', notice });
  return { case: after, effects };
};
