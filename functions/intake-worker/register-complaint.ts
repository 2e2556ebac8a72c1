import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import type { BasePersistenceLayer } from '@aws-lambda-powertools/idempotency/persistence';
import type { Context } from 'aws-lambda';
import type { Mailer } from '../../shared/adapters/ses/mailer.js';
import { sesMessageIdHeader } from '../../shared/adapters/ses/ses-message-id.js';
import type { IntakeSettings } from '../../shared/config/intake-settings.js';
import { statusPath } from '../../shared/config/intake-settings.js';
import type { Desk, RoutingRules } from '../../shared/config/routing-rules.js';
import { getCalendar } from '../../shared/domain/calendar/calendar-registry.js';
import { applyCommand } from '../../shared/domain/case/apply-command.js';
import type { CaseCommand } from '../../shared/domain/case/case-commands.js';
import type { CaseStore } from '../../shared/domain/case/case-store.js';
import type { Actor, ComplaintCase } from '../../shared/domain/case/case-types.js';
import { updateCase } from '../../shared/domain/case/update-case.js';
import { deadlineCalculatorFor } from '../../shared/domain/clock-policy/calculator-for.js';
import type { EscalationLadder } from '../../shared/domain/escalation/escalation-ladder.js';
import { registrationPlan, repeatWindowStart } from '../../shared/domain/intake/registration-plan.js';
import type { SentMessageIndex } from '../../shared/domain/mail-intake/mail-ports.js';
import { nextWakeAt } from '../../shared/domain/sla/sla-due.js';
import type { SlaWatcher } from '../../shared/domain/sla/sla-watch.js';
import type { BranchDirectory } from '../../shared/domain/staff/staff-ports.js';
import type { Clock } from '../../shared/domain/time/clock.js';
import { lookUpBranchDesk } from '../../shared/intake/branch-desk.js';
import type { IntakeMessage } from '../../shared/schemas/intake-message-schema.js';
import { renderAcknowledgement } from '../../shared/templates/acknowledgement.js';

export interface RegisterComplaintDependencies {
  store: CaseStore;
  mailer: Mailer;
  clock: Clock;
  settings: IntakeSettings;
  routing: RoutingRules;
  /** Branches the admin keeps: their duty desks answer first, over the configured routing. */
  branches: Pick<BranchDirectory, 'get'>;
  /** Replies to our mail go to the complaints address so they thread back to the case. */
  complaintsAddress: string;
  /** Records of acknowledgements sent; its own instance (a layer keeps its first configuration). */
  idempotencyStore: BasePersistenceLayer;
  /** Remembers the Message-ID of each mail sent, so the e-mail gateway can thread replies. */
  sentMessages: SentMessageIndex;
  sesRegion: string;
  /** Starts the case's SLA watch once it is registered (idempotent by execution name). */
  watcher: SlaWatcher;
  ladder: EscalationLadder;
}

const worker: Actor = { id: 'system:intake-worker', kind: 'system' };

export class CaseNotFoundError extends Error {
  constructor(reference: string) {
    super(`no received record for ${reference}`);
    this.name = 'CaseNotFoundError';
  }
}

/**
 * Registers a received complaint and acknowledges it. Safe to run any number of times for the
 * same message: each step checks what is already done, every write is conditional on the
 * version read, and the acknowledgement e-mail is sent at most once per case.
 */
export const createRegisterComplaint = (deps: RegisterComplaintDependencies) => {
  const apply = async (
    reference: string,
    decide: (c: ComplaintCase) => CaseCommand | undefined,
  ): Promise<ComplaintCase> => {
    const updated = await updateCase(deps.store, reference, (current) => {
      const command = decide(current);
      if (command === undefined) return { value: current };
      const result = applyCommand(current, command, {
        actor: worker,
        now: deps.clock.now(),
        deadlines: deadlineCalculatorFor(current.clockPolicyId, current.calendarId),
      });
      return { write: result, value: result.case };
    });
    if (updated === undefined) throw new CaseNotFoundError(reference);
    return updated;
  };

  const idempotency = new IdempotencyConfig({
    eventKeyJmesPath: 'reference',
    expiresAfterSeconds: 7 * 24 * 3600,
  });
  const sendAcknowledgement = makeIdempotent(
    async (request: {
      reference: string;
      trackingToken?: string;
      /** The desk named as the contact; not part of the idempotency key (the reference is). */
      desk: Desk;
    }): Promise<{ messageId: string } | null> => {
      const current = await deps.store.get(request.reference);
      if (current === undefined) throw new CaseNotFoundError(request.reference);
      const email = current.customer.email;
      const decideBy = current.deadlines?.decideBy;
      if (email === undefined || decideBy === undefined) return null;
      const { desk } = request;
      const statusUrl =
        request.trackingToken === undefined
          ? `${deps.settings.publicBaseUrl}/`
          : `${deps.settings.publicBaseUrl}${statusPath(current.reference, request.trackingToken)}`;
      const mail = renderAcknowledgement({
        reference: current.reference,
        language: current.language,
        customerName: current.customer.name,
        anonymous: current.anonymous,
        subject: current.subject,
        receivedAt: current.receivedAt,
        decideBy,
        contact: { name: desk.name, email: desk.email, phone: desk.phone },
        statusUrl,
        timeZone: deps.settings.timeZone,
      });
      return deps.mailer.send({ to: [email], replyTo: [deps.complaintsAddress], ...mail });
    },
    {
      persistenceStore: deps.idempotencyStore,
      config: idempotency,
      keyPrefix: 'acknowledgement',
    },
  );

  return async (message: IntakeMessage, context?: Context): Promise<ComplaintCase> => {
    if (context !== undefined) idempotency.registerLambdaContext(context);
    const { reference } = message;
    const current = await deps.store.get(reference);
    if (current === undefined) throw new CaseNotFoundError(reference);
    const { branch, desk } = await lookUpBranchDesk(deps.branches, deps.routing, current.branchCode);
    let registered = current;
    if (current.status === 'received') {
      const earlier = await deps.store.findByCustomer(
        current.customer,
        repeatWindowStart(current.receivedAt),
      );
      const repeatComplainant = earlier.some((other) => other !== reference);
      registered = await apply(reference, (latest) =>
        latest.status === 'received'
          ? registrationPlan(latest, {
              routing: deps.routing,
              repeatComplainant,
              ...(branch === undefined ? {} : { branch }),
            })
          : undefined,
      );
    }

    const wakeAt = nextWakeAt(registered, {
      ladder: deps.ladder,
      calendar: getCalendar(registered.calendarId),
    });
    if (registered.status !== 'received' && wakeAt !== undefined) {
      await deps.watcher.start({ reference, generation: registered.slaGeneration ?? 1, wakeAt });
    }

    if (registered.acknowledgedAt !== undefined || registered.customer.email === undefined) return registered;
    const sent = await sendAcknowledgement({ reference, trackingToken: message.trackingToken, desk });
    if (sent === null) return registered;
    await deps.sentMessages.remember(sesMessageIdHeader(sent.messageId, deps.sesRegion), reference);
    return apply(reference, (c) =>
      c.acknowledgedAt === undefined && c.status !== 'received'
        ? { type: 'acknowledge', via: 'email', messageId: sent.messageId }
        : undefined,
    );
  };
};
