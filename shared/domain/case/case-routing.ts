import { isoUtc } from '../time/clock.js';
import type {
  AssignCommand,
  NoteCommand,
  RecordReminderCommand,
  RequestInfoCommand,
  TransferCommand,
  TransitionContext,
  TransitionResult,
} from './case-commands.js';
import { CaseRuleError } from './case-errors.js';
import { caseEventKinds } from './case-event-kinds.js';
import { assertCanApply } from './case-status-rules.js';
import { commit, requireText } from './case-transition.js';
import type { ComplaintCase } from './case-types.js';

// None of these functions touches `firstResponder`: 首问负责制 means no hand-over clears it.

export function assignCase(
  c: ComplaintCase,
  command: AssignCommand,
  ctx: TransitionContext,
): TransitionResult {
  assertCanApply(c.status, command.type);
  const to = requireText(command.to, 'assignee');
  return commit(
    { ...c, handler: to },
    [{ kind: caseEventKinds.assigned, data: { from: c.handler, to, firstResponder: c.firstResponder } }],
    ctx,
  );
}

/** 转办: the case moves to another unit or branch with a note; the old handler steps out. */
export function transferCase(
  c: ComplaintCase,
  command: TransferCommand,
  ctx: TransitionContext,
): TransitionResult {
  assertCanApply(c.status, command.type);
  const note = requireText(command.note, 'transfer note');
  const toUnit = command.toUnit?.trim() || undefined;
  const toBranch = command.toBranch?.trim() || undefined;
  const toHandler = command.toHandler?.trim() || undefined;
  if (!toUnit && !toBranch) {
    throw new CaseRuleError('transfer_needs_destination', 'a transfer must name a unit or a branch');
  }
  // The old unit and handler stay behind: a move to another branch without a unit leaves none.
  const { handler: previousHandler, assignedUnit: previousUnit, ...rest } = c;
  const next: ComplaintCase = {
    ...rest,
    ...(toUnit ? { assignedUnit: toUnit } : {}),
    ...(toBranch ? { branchCode: toBranch } : {}),
    ...(toHandler ? { handler: toHandler } : {}),
  };
  return commit(
    next,
    [
      {
        kind: caseEventKinds.transferred,
        data: {
          fromUnit: previousUnit,
          fromBranch: c.branchCode,
          fromHandler: previousHandler,
          toUnit: next.assignedUnit,
          toBranch: next.branchCode,
          toHandler: next.handler,
          firstResponder: c.firstResponder,
          note,
        },
      },
    ],
    ctx,
  );
}

export function addNote(c: ComplaintCase, command: NoteCommand, ctx: TransitionContext): TransitionResult {
  assertCanApply(c.status, command.type);
  const text = requireText(command.text, 'note');
  return commit(c, [{ kind: caseEventKinds.noteAdded, data: { text } }], ctx);
}

/** Asking the customer for more does not stop the clock; only appraisal or testing pauses it. */
export function requestInfo(
  c: ComplaintCase,
  command: RequestInfoCommand,
  ctx: TransitionContext,
): TransitionResult {
  assertCanApply(c.status, command.type);
  const text = requireText(command.text, 'information request');
  return commit(c, [{ kind: caseEventKinds.infoRequested, data: { text } }], ctx);
}

/** 督办: supervisors were urged at the reminder point; recorded so the same reminder is not due again. */
export function recordReminder(
  c: ComplaintCase,
  command: RecordReminderCommand,
  ctx: TransitionContext,
): TransitionResult {
  assertCanApply(c.status, command.type);
  return commit(
    { ...c, remindedAt: isoUtc(ctx.now) },
    [
      {
        kind: caseEventKinds.reminderSent,
        data: {
          remindAt: c.deadlines?.remindAt,
          decideBy: c.deadlines?.decideBy,
          firstResponder: c.firstResponder,
        },
      },
    ],
    ctx,
  );
}
