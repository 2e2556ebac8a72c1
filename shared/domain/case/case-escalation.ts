import { defaultEscalationLadder, levelAt, nextEscalationLevel } from '../escalation/escalation-ladder.js';
import { isoUtc } from '../time/clock.js';
import type {
  EscalateCommand,
  RecordEscalationCommand,
  TransitionContext,
  TransitionResult,
} from './case-commands.js';
import { CaseRuleError } from './case-errors.js';
import { caseEventKinds } from './case-event-kinds.js';
import { assertCanApply } from './case-status-rules.js';
import { commit, requireText } from './case-transition.js';
import type { ComplaintCase } from './case-types.js';

function escalateTo(
  c: ComplaintCase,
  level: number,
  mode: 'manual' | 'system',
  reason: string | undefined,
  ctx: TransitionContext,
): TransitionResult {
  const ladder = ctx.ladder ?? defaultEscalationLadder;
  const rung = levelAt(ladder, level);
  if (!rung) {
    throw new CaseRuleError(
      'unknown_escalation_level',
      `level ${level} is not on the ${ladder.id} ladder (levels 1 to ${ladder.levels.length})`,
    );
  }
  return commit(
    { ...c, escalationLevel: level, escalatedAt: isoUtc(ctx.now) },
    [
      {
        kind: caseEventKinds.escalated,
        data: {
          mode,
          fromLevel: c.escalationLevel,
          toLevel: level,
          role: rung.role,
          reason,
          // The first responder is told of every escalation of the case they answer for.
          firstResponder: c.firstResponder,
        },
      },
    ],
    ctx,
  );
}

/**
 * 疑难/重大投诉 go up at once, to any rung. Raising to the current rung again is allowed (a new
 * reason for the same leader); going down is not.
 */
export function escalateCase(
  c: ComplaintCase,
  command: EscalateCommand,
  ctx: TransitionContext,
): TransitionResult {
  assertCanApply(c.status, command.type);
  const reason = requireText(command.reason, 'escalation reason');
  if (command.level < c.escalationLevel) {
    throw new CaseRuleError(
      'escalation_downwards',
      `the case is at level ${c.escalationLevel}; an escalation cannot go down to level ${command.level}`,
    );
  }
  return escalateTo(c, command.level, 'manual', reason, ctx);
}

/** The SLA workflow's step up the ladder when a clock has run out. */
export function recordEscalation(
  c: ComplaintCase,
  command: RecordEscalationCommand,
  ctx: TransitionContext,
): TransitionResult {
  assertCanApply(c.status, command.type);
  const ladder = ctx.ladder ?? defaultEscalationLadder;
  const next = nextEscalationLevel(ladder, c.escalationLevel);
  if (next === undefined) {
    throw new CaseRuleError(
      'already_at_top_level',
      `the case is already at the top of the ${ladder.id} ladder`,
    );
  }
  return escalateTo(c, next, 'system', command.reason?.trim() || undefined, ctx);
}
