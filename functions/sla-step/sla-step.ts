import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import type { BasePersistenceLayer } from '@aws-lambda-powertools/idempotency/persistence';
import type { Context } from 'aws-lambda';
import type { Mailer } from '../../shared/adapters/ses/mailer.js';
import { sesMessageIdHeader } from '../../shared/adapters/ses/ses-message-id.js';
import type { RoutingRules } from '../../shared/config/routing-rules.js';
import { ladderEmail, type StaffDirectory, staffEmail } from '../../shared/config/staff-directory.js';
import { getCalendar } from '../../shared/domain/calendar/calendar-registry.js';
import { applyCommand } from '../../shared/domain/case/apply-command.js';
import { CaseRuleError } from '../../shared/domain/case/case-errors.js';
import type { CaseStore } from '../../shared/domain/case/case-store.js';
import type { Actor, ComplaintCase } from '../../shared/domain/case/case-types.js';
import { updateCase } from '../../shared/domain/case/update-case.js';
import { deadlineCalculatorFor } from '../../shared/domain/clock-policy/calculator-for.js';
import type { EscalationLadder } from '../../shared/domain/escalation/escalation-ladder.js';
import { configuredDeskEmail } from '../../shared/domain/intake/first-responder.js';
import type { SentMessageIndex } from '../../shared/domain/mail-intake/mail-ports.js';
import { slaCommandFor } from '../../shared/domain/sla/sla-commands.js';
import { dueActions, nextWakeAt, slaWatchState } from '../../shared/domain/sla/sla-due.js';
import type { SlaAction } from '../../shared/domain/sla/sla-types.js';
import { branchLadderContact } from '../../shared/domain/staff/branch-contacts.js';
import type { BranchDirectory } from '../../shared/domain/staff/staff-ports.js';
import type { Clock } from '../../shared/domain/time/clock.js';
import { lookUpBranchDesk } from '../../shared/intake/branch-desk.js';
import { logger } from '../../shared/observability/logger.js';
import { slaNotice } from '../../shared/templates/sla-notices.js';

export interface SlaStepDependencies {
  store: CaseStore;
  mailer: Mailer;
  clock: Clock;
  ladder: EscalationLadder;
  /** Named staff; ladder rungs of a branch nobody registered. */
  directory: StaffDirectory;
  /** The duty desks that answer first, for a desk recorded as first responder. */
  routing: RoutingRules;
  /** The branches the admin maintains: who holds each rung of the ladder today. */
  branches: Pick<BranchDirectory, 'get'>;
  timeZone: string;
  sentMessages: SentMessageIndex;
  sesRegion: string;
  /** Records of notices sent, so a retried step never mails twice. */
  idempotencyStore: BasePersistenceLayer;
}

export interface SlaStepInput {
  reference: string;
  generation: number;
  wakeAt: string;
}

export type SlaStepOutput = SlaStepInput & { watch: 'watching' | 'paused' | 'finished' | 'superseded' };

const workflowActor: Actor = { id: 'system:sla-workflow', kind: 'system' };

const actionKey = (reference: string, action: SlaAction): string =>
  `${reference}|${action.kind}|${action.dueAt}|${action.kind === 'escalate' ? action.toLevel : ''}`;

/**
 * One wake of a case's SLA watch: re-read the case, do what is due (record it on the case,
 * then tell the people concerned), and say when to wake next. Recording first makes the case
 * the source of truth: a retried step finds the action recorded and only finishes the notice,
 * whose sending is itself idempotent.
 */
export const createSlaStep = (deps: SlaStepDependencies) => {
  const recipientsOf = async (
    c: ComplaintCase,
    roles: ReadonlyArray<{ role: string; staffId?: string }>,
  ): Promise<string[]> => {
    const { branch, desk } = await lookUpBranchDesk(deps.branches, deps.routing, c.branchCode);
    // The case's own branch desk as the admin keeps it; another desk (before a transfer) as
    // configured; a person from the staff directory.
    const personal = (staffId: string) =>
      staffId === desk.id
        ? desk.email
        : (configuredDeskEmail(deps.routing, staffId) ?? staffEmail(deps.directory, staffId));
    const emails = roles.flatMap((recipient) => {
      const email =
        recipient.staffId !== undefined
          ? personal(recipient.staffId)
          : (branchLadderContact(branch, recipient.role) ??
            ladderEmail(deps.directory, c.branchCode, recipient.role));
      return email === undefined ? [] : [email];
    });
    return [...new Set(emails)];
  };

  const idempotency = new IdempotencyConfig({ eventKeyJmesPath: 'key', expiresAfterSeconds: 90 * 24 * 3600 });
  const sendNotice = makeIdempotent(
    async (request: {
      key: string;
      reference: string;
      action: SlaAction;
    }): Promise<{ messageId: string } | null> => {
      const current = await deps.store.get(request.reference);
      if (current === undefined) return null;
      const notice = slaNotice(current, request.action, {
        now: deps.clock.now(),
        ladder: deps.ladder,
        timeZone: deps.timeZone,
      });
      const to = await recipientsOf(current, notice.recipients);
      if (to.length === 0) {
        logger.warn('no address for an SLA notice', {
          reference: request.reference,
          kind: request.action.kind,
        });
        return null;
      }
      return deps.mailer.send({ to, subject: notice.subject, text: notice.text, html: notice.html });
    },
    { persistenceStore: deps.idempotencyStore, config: idempotency, keyPrefix: 'sla-notice' },
  );

  const record = (reference: string, action: SlaAction): Promise<ComplaintCase | undefined> =>
    updateCase(deps.store, reference, (current) => {
      try {
        const result = applyCommand(current, slaCommandFor(action), {
          actor: workflowActor,
          now: deps.clock.now(),
          deadlines: deadlineCalculatorFor(current.clockPolicyId, current.calendarId),
          ladder: deps.ladder,
        });
        return { write: result, value: result.case };
      } catch (error) {
        // Already recorded by an earlier try of this step: the notice may still be owed.
        if (error instanceof CaseRuleError) return { value: current };
        throw error;
      }
    });

  return async (input: SlaStepInput, lambdaContext?: Context): Promise<SlaStepOutput> => {
    if (lambdaContext !== undefined) idempotency.registerLambdaContext(lambdaContext);
    const initial = await deps.store.get(input.reference);
    if (initial === undefined) return { ...input, watch: 'finished' };
    if ((initial.slaGeneration ?? 1) !== input.generation) return { ...input, watch: 'superseded' };

    const context = { ladder: deps.ladder, calendar: getCalendar(initial.calendarId) };
    for (const action of dueActions(initial, deps.clock.now(), context)) {
      const recorded = await record(input.reference, action);
      if (recorded === undefined) break;
      const sent = await sendNotice({
        key: actionKey(input.reference, action),
        reference: input.reference,
        action,
      });
      if (sent !== null) {
        await deps.sentMessages.remember(sesMessageIdHeader(sent.messageId, deps.sesRegion), input.reference);
      }
      logger.info('SLA action', { reference: input.reference, kind: action.kind });
    }

    const latest = (await deps.store.get(input.reference)) ?? initial;
    const state = slaWatchState(latest);
    const wake = nextWakeAt(latest, context);
    if (state === 'watching' && wake !== undefined) return { ...input, wakeAt: wake, watch: 'watching' };
    // Open but with nothing left to wake for (top of the ladder): the audit keeps an eye on it.
    return { ...input, watch: state === 'watching' ? 'finished' : state };
  };
};
