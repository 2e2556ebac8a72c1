import { createHash, randomUUID } from 'node:crypto';
import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import type { BasePersistenceLayer } from '@aws-lambda-powertools/idempotency/persistence';
import type { Context } from 'aws-lambda';
import { parseInboundMail } from '../../shared/adapters/mail/parse-inbound-mail.js';
import type { ObjectStore } from '../../shared/adapters/s3/object-store.js';
import type { IntakeQueue } from '../../shared/adapters/sqs/intake-queue.js';
import type { IntakeSettings } from '../../shared/config/intake-settings.js';
import { applyBeforeStored, applyCommand } from '../../shared/domain/case/apply-command.js';
import type { StoredAttachment, TransitionContext } from '../../shared/domain/case/case-commands.js';
import { caseEventKinds } from '../../shared/domain/case/case-event-kinds.js';
import { canApply } from '../../shared/domain/case/case-status-rules.js';
import type { CaseStore } from '../../shared/domain/case/case-store.js';
import type { ComplaintCase } from '../../shared/domain/case/case-types.js';
import { updateCase } from '../../shared/domain/case/update-case.js';
import { deadlineCalculatorFor } from '../../shared/domain/clock-policy/calculator-for.js';
import { checkAttachments } from '../../shared/domain/mail-intake/check-attachments.js';
import { classifyInbound } from '../../shared/domain/mail-intake/classify-inbound.js';
import { decideInbound } from '../../shared/domain/mail-intake/decide-inbound.js';
import { detectLanguage } from '../../shared/domain/mail-intake/detect-language.js';
import type { InboundAttachment, InboundMail } from '../../shared/domain/mail-intake/inbound-mail.js';
import type {
  InboundMailLog,
  InboundOutcome,
  SenderLedger,
  SentMessageIndex,
} from '../../shared/domain/mail-intake/mail-ports.js';
import {
  mailIntakeKey,
  referencesInSubject,
  threadCandidateIds,
} from '../../shared/domain/mail-intake/mail-threading.js';
import { mailVerdicts } from '../../shared/domain/mail-intake/mail-verdicts.js';
import { messageText } from '../../shared/domain/mail-intake/message-text.js';
import { senderDigest } from '../../shared/domain/mail-intake/sender-digest.js';
import { stormKey, stormStillOpen } from '../../shared/domain/mail-intake/sender-rules.js';
import type { Clock } from '../../shared/domain/time/clock.js';
import { acceptReceivedComplaint } from '../../shared/intake/accept-received-complaint.js';
import { logger } from '../../shared/observability/logger.js';
import {
  MAX_DESCRIPTION_LENGTH,
  MAX_SUBJECT_LENGTH,
} from '../../shared/schemas/complaint-submission-schema.js';

export interface EmailGatewayDependencies {
  objects: ObjectStore;
  store: CaseStore;
  queue: IntakeQueue;
  sentMessages: SentMessageIndex;
  mailLog: InboundMailLog;
  clock: Clock;
  settings: IntakeSettings;
  /** Our own sending and receiving addresses: mail from them is a loop, never a complaint. */
  ourAddresses: readonly string[];
  attachmentsBucket: string;
  /** One layer per idempotent operation (a layer keeps the configuration it was first used with). */
  idempotencyStore: BasePersistenceLayer;
  /** Message-ID reuse and storm lookups. */
  senderLedger: SenderLedger;
}

const unverifiedNote =
  '发件人未通过验证（DMARC/SPF 失败），发件地址可能被冒用：不向该地址发送任何邮件，请人工核实。 / ' +
  'Sender not verified (DMARC/SPF failed): the From may be forged, so nothing is mailed to it. Please verify by other means.';

export interface MailObject {
  bucket: string;
  key: string;
}

/** A mail that cannot be turned into anything: recorded, then retried and dead-lettered. */
export class MailIntakeFailedError extends Error {
  override readonly name = 'MailIntakeFailedError';
}

interface CaseSummary {
  reference: string;
  customerEmail?: string;
  status: ComplaintCase['status'];
}

const summary = (c: ComplaintCase | undefined): CaseSummary | undefined =>
  c === undefined
    ? undefined
    : {
        reference: c.reference,
        status: c.status,
        ...(c.customer.email ? { customerEmail: c.customer.email } : {}),
      };

const safeName = (filename: string | undefined, index: number): string =>
  `${index + 1}-${(filename ?? 'attachment').replace(/[^\w.\-\u4e00-\u9fff]+/g, '_').slice(-80)}`;

/**
 * Turns one stored inbound mail into a new complaint, a message on the case it answers, or a
 * recorded drop. Keyed on the Message-ID (or the raw mail's hash), so a redelivered mail does
 * nothing the second time.
 */
export const createProcessInboundMail = (deps: EmailGatewayDependencies) => {
  const ledger = deps.senderLedger;
  const storeAttachments = async (
    attachments: readonly InboundAttachment[],
    reference: string,
    mailKey: string,
  ): Promise<StoredAttachment[]> => {
    const stored: StoredAttachment[] = [];
    for (const [index, attachment] of attachments.entries()) {
      const key = `attachments/${reference}/${mailKey}/${safeName(attachment.filename, index)}`;
      await deps.objects.put(deps.attachmentsBucket, key, attachment.content, attachment.contentType);
      stored.push({
        key,
        contentType: attachment.contentType,
        size: attachment.size,
        ...(attachment.filename ? { filename: attachment.filename } : {}),
      });
    }
    return stored;
  };

  const findCase = async (reference: string | undefined) =>
    reference === undefined ? undefined : deps.store.get(reference);

  /** The customer writing, now, on the case's own clock policy and calendar. */
  const customerWriting = (c: ComplaintCase): TransitionContext => ({
    actor: { id: 'customer', kind: 'customer' },
    now: deps.clock.now(),
    deadlines: deadlineCalculatorFor(c.clockPolicyId, c.calendarId),
  });

  const attach = async (reference: string, mail: InboundMail, mailKey: string): Promise<boolean> => {
    // A run cut short after its message was written, repeated once its claim expired, adds nothing.
    const ledgerSoFar = await deps.store.listEvents(reference);
    if (
      ledgerSoFar.some(
        (event) => event.kind === caseEventKinds.customerMessage && event.data?.mailKey === mailKey,
      )
    ) {
      return true;
    }
    const { accepted, refused } = checkAttachments(mail.attachments);
    const attachments = await storeAttachments(accepted, reference, mailKey);
    const attached = await updateCase(deps.store, reference, (current) => {
      // A finished case (closed, withdrawn, merged) takes no more messages: the caller opens a new one.
      if (!canApply(current.status, 'record_customer_message')) return { value: false };
      const result = applyCommand(
        current,
        {
          type: 'record_customer_message',
          via: 'email',
          text: messageText(mail),
          attachments,
          refusedAttachments: refused,
          mailKey,
          ...(mail.messageId ? { messageId: mail.messageId } : {}),
        },
        customerWriting(current),
      );
      return { write: result, value: true };
    });
    return attached ?? false;
  };

  const openCase = async (
    mail: InboundMail,
    mailKey: string,
    options: { claimsToReplyTo?: string; senderUnverified?: boolean } = {},
  ): Promise<string> => {
    const { claimsToReplyTo, senderUnverified } = options;
    const text = messageText(mail);
    const email = mail.from?.address;
    const { accepted, refused } = checkAttachments(mail.attachments);
    // The case is stored with a claim keyed by the mail, so a run cut short after the case was
    // written and repeated once its claim expired finds the case instead of opening a second one.
    const claimId = `email-gateway:${mailKey}`;
    const opened = (await deps.store.getClaim(claimId))?.response.reference;
    if (opened !== undefined) return opened;
    const answer = await acceptReceivedComplaint(deps, {
      channel: 'email',
      // Nothing ever replays the tracking token from this claim; a random key seals it for good.
      claim: { id: claimId, fingerprint: mailKey, key: randomUUID() },
      submission: {
        customer: {
          ...(mail.from?.name ? { name: mail.from.name.slice(0, 100) } : { name: email ?? 'unknown' }),
          ...(email ? { email } : {}),
        },
        anonymous: false,
        subject: (mail.subject.trim() || text.split('\n')[0] || '(no subject)').slice(0, MAX_SUBJECT_LENGTH),
        description: (text.trim() || '(empty message)').slice(0, MAX_DESCRIPTION_LENGTH),
        language: detectLanguage(`${mail.subject}\n${text}`),
        consent: true,
      },
      // The mail itself goes on the ledger as the customer's first message, with its attachments
      // and the case it claims to answer, in the same write that creates the case. Its words are
      // the description already, so the message does not repeat them.
      complete: async (received) => {
        const attachments = await storeAttachments(accepted, received.case.reference, mailKey);
        // Mail that failed authentication opens a case flagged for staff, and nothing is mailed
        // to its From (no acknowledgement effect is owed): the flag and a ledger note say why.
        const flagged = senderUnverified
          ? applyBeforeStored(
              { ...received, case: { ...received.case, flags: ['sender_unverified'] } },
              { type: 'note', text: unverifiedNote },
              { ...customerWriting(received.case), actor: { id: 'system:email-gateway', kind: 'system' } },
            )
          : received;
        return applyBeforeStored(
          flagged,
          {
            type: 'record_customer_message',
            via: 'email',
            attachments,
            refusedAttachments: refused,
            mailKey,
            ...(mail.messageId ? { messageId: mail.messageId } : {}),
            ...(claimsToReplyTo ? { claimsToReplyTo } : {}),
          },
          customerWriting(received.case),
        );
      },
    });
    return answer.reference;
  };

  const handle = async (request: { idempotencyKey: string; key: string; mail: InboundMail }) => {
    const { mail, key } = request;
    const mailKey = createHash('sha256').update(request.idempotencyKey).digest('hex').slice(0, 16);
    // The duplicate key is the Message-ID with the sender: another sender's mail reusing an id is
    // its own mail, processed, and the reuse is logged (digests only) and recorded.
    const messageIdReused =
      mail.messageId !== undefined &&
      mail.messageId !== '' &&
      ledger !== undefined &&
      (await ledger.useMessageId(mail.messageId, senderDigest(mail.from?.address), deps.clock.now())) ===
        'other_sender';
    if (messageIdReused) logger.warn('inbound Message-ID reused by another sender', { mailKey });
    const classification = classifyInbound(mail, deps.ourAddresses);
    const verdicts = mailVerdicts(mail);
    const subjectReference = referencesInSubject(mail.subject)[0];
    const subjectCase = await findCase(subjectReference);
    let repliedCase: ComplaintCase | undefined;
    for (const id of threadCandidateIds(mail)) {
      repliedCase = await findCase(await deps.sentMessages.referenceFor(id));
      if (repliedCase !== undefined) break;
    }
    const decision = decideInbound({
      mail,
      classification,
      verdicts,
      subjectCase: summary(subjectCase),
      repliedCase: summary(repliedCase),
    });

    let outcome: InboundOutcome;
    let reference: string | undefined;
    let reason: string | undefined;
    switch (decision.action) {
      case 'drop':
        outcome = 'dropped';
        reason = decision.reason;
        break;
      case 'quarantine':
        outcome = 'quarantined';
        reason = decision.reason;
        break;
      case 'attach':
        if (await attach(decision.reference, mail, mailKey)) {
          outcome = 'attached';
          reference = decision.reference;
        } else {
          // The case no longer takes messages (closed, withdrawn, merged): a new complaint.
          outcome = 'new_case';
          reason = `follow-up to ${decision.reference}`;
          reference = await openCase(mail, mailKey);
        }
        break;
      case 'new_case': {
        // An unmarked auto-reply storm (same sender, same subject, within the window) is one
        // case: every later mail is a message on the case the first one opened.
        const storm = stormKey(mail, { senderUnverified: decision.senderUnverified === true });
        const stormEntry = ledger === undefined ? undefined : await ledger.stormCase(storm);
        if (
          stormEntry !== undefined &&
          stormStillOpen(stormEntry.openedAt, deps.clock.now()) &&
          (await attach(stormEntry.reference, mail, mailKey))
        ) {
          outcome = 'attached';
          reference = stormEntry.reference;
          reason = 'same sender and subject as the mail that opened the case';
          break;
        }
        outcome = 'new_case';
        reference = await openCase(mail, mailKey, {
          ...(decision.claimsToReplyTo ? { claimsToReplyTo: decision.claimsToReplyTo } : {}),
          ...(decision.senderUnverified ? { senderUnverified: true } : {}),
        });
        await ledger?.rememberStorm(storm, { reference, openedAt: deps.clock.now().toISOString() });
        const reasons = [
          ...(decision.claimsToReplyTo ? [`claims to reply to ${decision.claimsToReplyTo}`] : []),
          ...(decision.senderUnverified ? ['sender not verified: no mail sent'] : []),
        ];
        if (reasons.length > 0) reason = reasons.join('; ');
        break;
      }
    }
    if (messageIdReused)
      reason = [reason, 'Message-ID also used by another sender'].filter(Boolean).join('; ');
    await deps.mailLog.record({
      objectKey: key,
      receivedAt: deps.clock.now().toISOString(),
      outcome,
      verdicts: Object.fromEntries(
        Object.entries(verdicts).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
      ),
      ...(mail.messageId ? { messageId: mail.messageId } : {}),
      ...(reason ? { reason } : {}),
      ...(reference ? { reference } : {}),
    });
    logger.info('inbound mail processed', { outcome, reference, reason });
    return { outcome, reference: reference ?? null };
  };

  const idempotency = new IdempotencyConfig({
    eventKeyJmesPath: 'idempotencyKey',
    expiresAfterSeconds: 30 * 24 * 3600,
  });
  const idempotentHandle = makeIdempotent(handle, {
    persistenceStore: deps.idempotencyStore,
    config: idempotency,
    keyPrefix: 'inbound-mail',
  });

  return async (
    object: MailObject,
    context?: Context,
  ): Promise<{ outcome: InboundOutcome; reference: string | null }> => {
    if (context !== undefined) idempotency.registerLambdaContext(context);
    const raw = await deps.objects.get(object.bucket, object.key);
    let mail: InboundMail;
    try {
      mail = await parseInboundMail(raw);
    } catch (error) {
      const reason = error instanceof Error ? error.message : 'unreadable mail';
      await deps.mailLog.record({
        objectKey: object.key,
        receivedAt: deps.clock.now().toISOString(),
        outcome: 'failed',
        reason,
        verdicts: {},
      });
      throw new MailIntakeFailedError(`${object.key}: ${reason}`);
    }
    const idempotencyKey = mailIntakeKey({
      ...mail,
      rawSha256: mail.rawSha256 ?? createHash('sha256').update(raw).digest('hex'),
    });
    // The parsed mail is large; only the key takes part in the idempotency record's hash.
    return idempotentHandle({ idempotencyKey, key: object.key, mail });
  };
};
