import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import type { BasePersistenceLayer } from '@aws-lambda-powertools/idempotency/persistence';
import type { Context } from 'aws-lambda';
import type { TokenSealer } from '../../shared/adapters/secrets/token-sealer.js';
import type { Mailer, OutgoingMail } from '../../shared/adapters/ses/mailer.js';
import { sesMessageIdHeader } from '../../shared/adapters/ses/ses-message-id.js';
import { applyCommand } from '../../shared/domain/case/apply-command.js';
import type { CaseCommand } from '../../shared/domain/case/case-commands.js';
import { canApply } from '../../shared/domain/case/case-status-rules.js';
import { type CaseStore, EffectAlreadyDoneError } from '../../shared/domain/case/case-store.js';
import type { Actor } from '../../shared/domain/case/case-types.js';
import { updateCase } from '../../shared/domain/case/update-case.js';
import { deadlineCalculatorFor } from '../../shared/domain/clock-policy/calculator-for.js';
import type { EscalationLadder } from '../../shared/domain/escalation/escalation-ladder.js';
import type { SenderLedger, SentMessageIndex } from '../../shared/domain/mail-intake/mail-ports.js';
import { senderDigest } from '../../shared/domain/mail-intake/sender-digest.js';
import {
  acknowledgementWindow,
  MAX_ACKNOWLEDGEMENTS_PER_ADDRESS,
} from '../../shared/domain/mail-intake/sender-rules.js';
import type { SlaWatcher } from '../../shared/domain/sla/sla-watch.js';
import type { Clock } from '../../shared/domain/time/clock.js';
import type { ContactDirectory } from '../../shared/notices/contact-directory.js';
import { composeNotice, type NoticeName } from '../../shared/notices/notice-table.js';
import { countNoticeSent } from '../../shared/observability/business-metrics.js';
import { logger } from '../../shared/observability/powertools.js';
import type { OutboxRecord } from '../../shared/schemas/case-effect-schema.js';

export interface EffectsDependencies {
  store: CaseStore;
  mailer: Mailer;
  watcher: SlaWatcher;
  clock: Clock;
  contacts: ContactDirectory;
  ladder: EscalationLadder;
  timeZone: string;
  publicBaseUrl: string;
  complaintsAddress: string;
  sentMessages: SentMessageIndex;
  sesRegion: string;
  sealer: TokenSealer;
  /** Records of mail sent per outbox record, so a retry after a crash never mails twice. */
  idempotencyStore: BasePersistenceLayer;
  /** Counts acknowledgements per address (the rate limit). */
  senderLedger: SenderLedger;
}

const withheldNote = (max: number): string =>
  `投诉受理通知未发送：该邮箱地址一小时内已收到 ${max} 封受理通知（防止滥用）。请通过其他方式告知客户。 / ` +
  `Acknowledgement withheld: this address was sent ${max} acknowledgements within the hour (abuse limit). Please tell the customer another way.`;

const effectsActor: Actor = { id: 'system:effects', kind: 'system' };

/**
 * Does what one outbox record owes, at most once: starts the watch, or composes the notice from
 * the case as it is now, sends it, and records on the case that it went out, marking the record
 * done in the same transaction. A record already done is skipped; a send repeated after a crash
 * returns the first send's message id instead of mailing again.
 */
export const createEffectProcessor = (deps: EffectsDependencies) => {
  const ledger = deps.senderLedger;
  const idempotency = new IdempotencyConfig({ eventKeyJmesPath: 'id', expiresAfterSeconds: 90 * 24 * 3600 });
  const sendOnce = makeIdempotent(
    async (request: {
      id: string;
      notice: NoticeName;
      mail: OutgoingMail;
      /** Digest of the address an acknowledgement goes to: counted against the hourly limit. */
      limitedAddress?: string;
    }): Promise<{ messageId: string } | { withheld: true }> => {
      // Decided inside the once-only send, so a retry never counts again nor withholds a mail
      // that already went out.
      if (
        request.limitedAddress !== undefined &&
        ledger !== undefined &&
        !(await ledger.takeAcknowledgement(
          request.limitedAddress,
          acknowledgementWindow(deps.clock.now()),
          MAX_ACKNOWLEDGEMENTS_PER_ADDRESS,
        ))
      ) {
        return { withheld: true };
      }
      const sent = await deps.mailer.send(request.mail);
      // Counted inside the once-only send: a retry that finds this mail sent gets the stored
      // answer without coming through here, so a notice is counted as often as it was mailed.
      countNoticeSent(request.notice);
      return sent;
    },
    { persistenceStore: deps.idempotencyStore, config: idempotency, keyPrefix: 'effect' },
  );

  const recordSent = async (record: OutboxRecord, notice: string, messageId: string, recipients: number) => {
    try {
      await updateCase(deps.store, record.reference, (current) => {
        // The acknowledgement is the case's own fact (acknowledgedAt); every other notice is a
        // ledger entry. A case that moved on before its acknowledgement went out still gets the entry.
        const command: CaseCommand =
          record.effect.kind === 'acknowledgement' &&
          current.acknowledgedAt === undefined &&
          canApply(current.status, 'acknowledge')
            ? { type: 'acknowledge', via: 'email', messageId }
            : { type: 'record_notice_sent', effectId: record.id, notice, messageId, recipients };
        const result = applyCommand(current, command, {
          actor: effectsActor,
          now: deps.clock.now(),
          deadlines: deadlineCalculatorFor(current.clockPolicyId, current.calendarId),
          ladder: deps.ladder,
        });
        return {
          write: { ...result, completes: { id: record.id, outcome: `sent ${messageId}` } },
          value: null,
        };
      });
    } catch (error) {
      // An earlier try recorded it after all; nothing is left to do.
      if (error instanceof EffectAlreadyDoneError) return;
      throw error;
    }
  };

  /** The staff see on the ledger that the customer was not acknowledged by mail, and why. */
  const recordWithheld = async (record: OutboxRecord) => {
    const completes = { id: record.id, outcome: 'withheld: acknowledgement limit for the address' };
    try {
      const noted = await updateCase(deps.store, record.reference, (current) => {
        // A finished case takes no note; the outbox record still says what happened.
        if (!canApply(current.status, 'note')) return { value: false };
        const result = applyCommand(
          current,
          { type: 'note', text: withheldNote(MAX_ACKNOWLEDGEMENTS_PER_ADDRESS) },
          {
            actor: effectsActor,
            now: deps.clock.now(),
            deadlines: deadlineCalculatorFor(current.clockPolicyId, current.calendarId),
            ladder: deps.ladder,
          },
        );
        return { write: { ...result, completes }, value: true };
      });
      if (noted !== true) await deps.store.completeEffect(record.reference, completes);
    } catch (error) {
      if (error instanceof EffectAlreadyDoneError) return;
      throw error;
    }
  };

  return async (record: OutboxRecord, lambdaContext?: Context): Promise<void> => {
    if (lambdaContext !== undefined) idempotency.registerLambdaContext(lambdaContext);
    const stored = await deps.store.getEffect(record.reference, record.id);
    if (stored === undefined || stored.doneAt !== undefined) return;
    const { effect } = stored;

    if (effect.kind === 'start_watch') {
      await deps.watcher.start({
        reference: stored.reference,
        generation: effect.generation,
        wakeAt: effect.wakeAt,
      });
      await deps.store.completeEffect(stored.reference, { id: stored.id, outcome: 'watch started' });
      return;
    }

    const current = await deps.store.get(stored.reference);
    if (current === undefined) {
      await deps.store.completeEffect(stored.reference, { id: stored.id, outcome: 'no such case' });
      return;
    }
    const trackingToken =
      effect.kind === 'acknowledgement' && effect.sealedTrackingToken !== undefined
        ? await deps.sealer.unseal(effect.sealedTrackingToken)
        : undefined;
    const composed = await composeNotice(current, effect, {
      contacts: deps.contacts,
      ladder: deps.ladder,
      timeZone: deps.timeZone,
      publicBaseUrl: deps.publicBaseUrl,
      complaintsAddress: deps.complaintsAddress,
      now: deps.clock.now(),
      ...(trackingToken === undefined ? {} : { trackingToken }),
    });
    if (composed === undefined) {
      logger.warn('no recipient for a notice', { reference: stored.reference, effect: effect.kind });
      await deps.store.completeEffect(stored.reference, { id: stored.id, outcome: 'no recipient' });
      return;
    }
    // Only `id` keys the idempotency record; the notice name rides along for the metric.
    const recipient = composed.mail.to[0];
    const sent = await sendOnce({
      id: stored.id,
      notice: composed.notice,
      mail: composed.mail,
      ...(effect.kind === 'acknowledgement' && recipient !== undefined
        ? { limitedAddress: senderDigest(recipient) }
        : {}),
    });
    if ('withheld' in sent) {
      await recordWithheld(stored);
      logger.warn('acknowledgement withheld: address over its hourly limit', { reference: stored.reference });
      return;
    }
    await deps.sentMessages.remember(sesMessageIdHeader(sent.messageId, deps.sesRegion), stored.reference);
    await recordSent(stored, composed.notice, sent.messageId, composed.mail.to.length);
    logger.info('notice sent', { reference: stored.reference, notice: composed.notice });
  };
};
