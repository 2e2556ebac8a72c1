import { isoUtc } from '../time/clock.js';
import type { MergeCommand, TransitionContext, TransitionResult, WithdrawCommand } from './case-commands.js';
import { CaseRuleError } from './case-errors.js';
import { caseEventKinds } from './case-event-kinds.js';
import { assertCanApply } from './case-status-rules.js';
import { commit, requireText } from './case-transition.js';
import type { ClockPause, ComplaintCase } from './case-types.js';

/** A finished case has no running pause: an open one ends when the case does. */
const endOpenPauses = (pauses: readonly ClockPause[], now: Date): ClockPause[] =>
  pauses.map((pause) => (pause.endedAt ? pause : { ...pause, endedAt: isoUtc(now) }));

/** The customer no longer wants the complaint handled. */
export function withdrawCase(
  c: ComplaintCase,
  command: WithdrawCommand,
  ctx: TransitionContext,
): TransitionResult {
  assertCanApply(c.status, command.type);
  return commit(
    { ...c, status: 'withdrawn', pauses: endOpenPauses(c.pauses, ctx.now) },
    [{ kind: caseEventKinds.withdrawn, data: { reason: command.reason?.trim() || undefined } }],
    ctx,
  );
}

/** The same complaint resubmitted within the period is folded into the earlier case. */
export function mergeCase(c: ComplaintCase, command: MergeCommand, ctx: TransitionContext): TransitionResult {
  assertCanApply(c.status, command.type);
  const into = requireText(command.into, 'reference to merge into');
  if (into === c.reference) {
    throw new CaseRuleError('merge_into_itself', `case ${c.reference} cannot be merged into itself`);
  }
  return commit(
    { ...c, status: 'merged', mergedInto: into, pauses: endOpenPauses(c.pauses, ctx.now) },
    [{ kind: caseEventKinds.merged, data: { into, firstResponder: c.firstResponder } }],
    ctx,
  );
}
