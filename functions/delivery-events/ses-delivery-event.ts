import { createHash } from 'node:crypto';
import { EventBridgeSchema } from '@aws-lambda-powertools/parser/schemas/eventbridge';
import { z } from 'zod';
import type {
  DeliveryDetails,
  DeliveryOutcome,
  RecordDeliveryCommand,
} from '../../shared/domain/case/case-commands.js';

/**
 * SES publishes these detail types to the default bus for the event types the configuration set
 * sends there; the rule, the schema and the local stand-in all take them from here.
 */
export const sesDeliveryDetailTypes = {
  delivered: 'Email Delivered',
  bounced: 'Email Bounced',
  complained: 'Email Complaint Received',
  rejected: 'Email Rejected',
  rendering_failed: 'Email Rendering Failed',
} as const satisfies Record<DeliveryOutcome, string>;

// SES adds fields over time; only what is recorded is checked, the rest is stripped.
const mailSchema = z.object({
  messageId: z.string().min(1),
  timestamp: z.iso.datetime(),
  destination: z.array(z.string()),
});

const recipientSchema = z.object({ emailAddress: z.string().min(1), status: z.string().optional() });

const detailSchema = z.discriminatedUnion('eventType', [
  z.object({
    eventType: z.literal('Delivery'),
    mail: mailSchema,
    delivery: z.object({ timestamp: z.iso.datetime(), recipients: z.array(z.string()) }),
  }),
  z.object({
    eventType: z.literal('Bounce'),
    mail: mailSchema,
    bounce: z.object({
      timestamp: z.iso.datetime(),
      bounceType: z.string(),
      bounceSubType: z.string().optional(),
      bouncedRecipients: z.array(recipientSchema),
    }),
  }),
  z.object({
    eventType: z.literal('Complaint'),
    mail: mailSchema,
    complaint: z.object({
      timestamp: z.iso.datetime(),
      complaintFeedbackType: z.string().optional(),
      complainedRecipients: z.array(recipientSchema),
    }),
  }),
  z.object({ eventType: z.literal('Reject'), mail: mailSchema, reject: z.object({ reason: z.string() }) }),
  z.object({
    eventType: z.literal('Rendering Failure'),
    mail: mailSchema,
    failure: z.object({ errorMessage: z.string(), templateName: z.string().optional() }),
  }),
]);

export const sesDeliveryEventSchema = EventBridgeSchema.extend({
  source: z.literal('aws.ses'),
  detail: detailSchema,
});
export type SesDeliveryEvent = z.infer<typeof sesDeliveryEventSchema>;

/** `Name <a@b>` or `a@b` -> `a@b`, lower-cased: the form the digest is taken of. */
const bareAddress = (address: string): string => {
  const bracketed = /<([^>]+)>\s*$/.exec(address)?.[1];
  return (bracketed ?? address).trim().toLowerCase();
};

/** Hex SHA-256 of an address: lets the ledger show who was told without storing the address again. */
export const recipientDigest = (address: string): string =>
  createHash('sha256').update(bareAddress(address)).digest('hex');

interface Outcome {
  outcome: DeliveryOutcome;
  occurredAt: string;
  recipients: readonly string[];
  details?: DeliveryDetails;
}

const outcomeOf = (detail: SesDeliveryEvent['detail']): Outcome => {
  switch (detail.eventType) {
    case 'Delivery':
      return {
        outcome: 'delivered',
        occurredAt: detail.delivery.timestamp,
        recipients: detail.delivery.recipients,
      };
    case 'Bounce': {
      const statusCodes = detail.bounce.bouncedRecipients.flatMap((recipient) =>
        recipient.status === undefined ? [] : [recipient.status],
      );
      return {
        outcome: 'bounced',
        occurredAt: detail.bounce.timestamp,
        recipients: detail.bounce.bouncedRecipients.map((recipient) => recipient.emailAddress),
        // The diagnostic text is left out: receiving servers often quote the address in it.
        details: {
          bounceType: detail.bounce.bounceType,
          ...(detail.bounce.bounceSubType ? { bounceSubType: detail.bounce.bounceSubType } : {}),
          ...(statusCodes.length > 0 ? { statusCodes: [...new Set(statusCodes)] } : {}),
        },
      };
    }
    case 'Complaint':
      return {
        outcome: 'complained',
        occurredAt: detail.complaint.timestamp,
        recipients: detail.complaint.complainedRecipients.map((recipient) => recipient.emailAddress),
        ...(detail.complaint.complaintFeedbackType
          ? { details: { complaintFeedbackType: detail.complaint.complaintFeedbackType } }
          : {}),
      };
    case 'Reject':
      return {
        outcome: 'rejected',
        occurredAt: detail.mail.timestamp,
        recipients: detail.mail.destination,
        details: { reason: detail.reject.reason },
      };
    case 'Rendering Failure':
      return {
        outcome: 'rendering_failed',
        occurredAt: detail.mail.timestamp,
        recipients: detail.mail.destination,
        details: { reason: detail.failure.errorMessage },
      };
  }
};

export interface DeliveryReport {
  /** The SES message id as the send call returned it. */
  sesMessageId: string;
  /** Region the mail was sent from: it decides the Message-ID header the case index knows. */
  region: string;
  command: RecordDeliveryCommand;
}

/** The lifecycle command for an SES event, with the recipients already reduced to digests. */
export const deliveryReportOf = (event: SesDeliveryEvent): DeliveryReport => {
  const { outcome, occurredAt, recipients, details } = outcomeOf(event.detail);
  return {
    sesMessageId: event.detail.mail.messageId,
    region: event.region,
    command: {
      type: 'record_delivery',
      outcome,
      messageId: event.detail.mail.messageId,
      occurredAt,
      recipientDigests: [...new Set(recipients.map(recipientDigest))].sort(),
      ...(details ? { details } : {}),
    },
  };
};
