import type { Mailer } from '../../shared/adapters/ses/mailer.js';
import { sesMessageIdHeader } from '../../shared/adapters/ses/ses-message-id.js';
import type { IntakeSettings } from '../../shared/config/intake-settings.js';
import type { RoutingRules } from '../../shared/config/routing-rules.js';
import { getCalendar } from '../../shared/domain/calendar/calendar-registry.js';
import { applyCommand } from '../../shared/domain/case/apply-command.js';
import type { CaseCommand } from '../../shared/domain/case/case-commands.js';
import { type CaseStore, StaleCaseVersionError } from '../../shared/domain/case/case-store.js';
import type { Actor, ComplaintCase } from '../../shared/domain/case/case-types.js';
import { updateCase } from '../../shared/domain/case/update-case.js';
import { deadlineCalculatorFor } from '../../shared/domain/clock-policy/calculator-for.js';
import type { EscalationLadder } from '../../shared/domain/escalation/escalation-ladder.js';
import type { SentMessageIndex } from '../../shared/domain/mail-intake/mail-ports.js';
import { needsNewWatch, nextWakeAt } from '../../shared/domain/sla/sla-due.js';
import type { SlaWatcher } from '../../shared/domain/sla/sla-watch.js';
import type { BranchDirectory } from '../../shared/domain/staff/staff-ports.js';
import type { Clock } from '../../shared/domain/time/clock.js';
import { lookUpBranchDesk } from '../../shared/intake/branch-desk.js';
import type { RenderedEmail } from '../../shared/templates/bilingual-email.js';
import {
  type CustomerNoticeInput,
  renderDecisionNotice,
  renderExtensionNotice,
  renderPauseNotice,
  renderResumeNotice,
} from '../../shared/templates/customer-notices.js';

export interface CaseActionDependencies {
  store: CaseStore;
  mailer: Mailer;
  clock: Clock;
  ladder: EscalationLadder;
  watcher: SlaWatcher;
  settings: IntakeSettings;
  routing: RoutingRules;
  /** Branches the admin keeps: the contact named in customer notices is their duty desk. */
  branches: Pick<BranchDirectory, 'get'>;
  sentMessages: SentMessageIndex;
  sesRegion: string;
  complaintsAddress: string;
}

/**
 * What the customer is told after a staff action, if anything: extensions, pauses, resumption and
 * the decision (the CN rules require the customer be told of each).
 */
const customerNotice = (
  before: ComplaintCase,
  after: ComplaintCase,
  command: CaseCommand,
  base: CustomerNoticeInput,
  now: Date,
): RenderedEmail | undefined => {
  switch (command.type) {
    case 'extend': {
      const previous = before.deadlines?.decideBy;
      const next = after.deadlines?.decideBy;
      const step = after.extensions.at(-1)?.step;
      if (previous === undefined || next === undefined || next === previous || (step !== 1 && step !== 2)) {
        return undefined;
      }
      return renderExtensionNotice({
        ...base,
        previousDecideBy: previous,
        newDecideBy: next,
        reason: command.reason,
        step,
        ...(command.approvedBy ? { approvedBy: command.approvedBy } : {}),
      });
    }
    case 'pause':
      return renderPauseNotice({ ...base, reason: command.reason, startedAt: now.toISOString() });
    case 'resume':
      return after.deadlines?.decideBy === undefined
        ? undefined
        : renderResumeNotice({
            ...base,
            resumedAt: now.toISOString(),
            newDecideBy: after.deadlines.decideBy,
          });
    case 'resolve':
      return renderDecisionNotice({
        ...base,
        decision: command.decision,
        ...(command.remedy ? { remedy: command.remedy } : {}),
        ...(command.compensation ? { compensation: command.compensation } : {}),
        ...(command.letter ? { letter: command.letter } : {}),
        ...(after.deadlines?.reviewRequestBy ? { reviewRequestBy: after.deadlines.reviewRequestBy } : {}),
      });
    default:
      return undefined;
  }
};

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
 * A staff action on a case: apply the lifecycle rule, store it conditionally on the version
 * read (a stale version is refused, never merged), start a newer SLA watch when the next due
 * time moved earlier or the clock restarted, and tell the customer what they must be told.
 */
export const createApplyCaseAction = (deps: CaseActionDependencies) => {
  /**
   * A system writer (delivery proof, SLA step) may land between the read and the write; the
   * update then decides again from a fresh read, where the caller's `expectedVersion` is checked
   * again, so a person's change is never overwritten.
   */
  const applyAndStore = (
    reference: string,
    command: CaseCommand,
    actor: Actor,
    expectedVersion: number | undefined,
  ) =>
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
      const context = { ladder: deps.ladder, calendar: getCalendar(before.calendarId) };
      const restartWatch = needsNewWatch(before, result.case, context);
      const after: ComplaintCase = restartWatch
        ? { ...result.case, slaGeneration: (before.slaGeneration ?? 1) + 1 }
        : result.case;
      return {
        write: { case: after, events: result.events },
        value: { before, after, now, restartWatch, wakeAt: nextWakeAt(after, context) },
      };
    });

  return async (reference: string, command: CaseCommand, actor: Actor, expectedVersion?: number) => {
    const stored = await applyAndStore(reference, command, actor, expectedVersion);
    if (stored === undefined) return undefined;
    const { before, after, now, restartWatch, wakeAt } = stored;
    if (restartWatch && wakeAt !== undefined) {
      await deps.watcher.start({ reference, generation: after.slaGeneration ?? 1, wakeAt });
    }

    const email = after.customer.email;
    if (email !== undefined) {
      const { desk } = await lookUpBranchDesk(deps.branches, deps.routing, after.branchCode);
      const notice = customerNotice(
        before,
        after,
        command,
        {
          reference,
          language: after.language,
          anonymous: after.anonymous,
          subject: after.subject,
          contact: { name: desk.name, email: desk.email, ...(desk.phone ? { phone: desk.phone } : {}) },
          timeZone: deps.settings.timeZone,
          ...(after.customer.name ? { customerName: after.customer.name } : {}),
        },
        now,
      );
      if (notice !== undefined) {
        const sent = await deps.mailer.send({ to: [email], replyTo: [deps.complaintsAddress], ...notice });
        await deps.sentMessages.remember(sesMessageIdHeader(sent.messageId, deps.sesRegion), reference);
      }
    }
    return after;
  };
};
