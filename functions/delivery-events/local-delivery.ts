import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { sesDeliveryDetailTypes, type sesDeliveryEventSchema } from './ses-delivery-event.js';

/** What the local runtime knows of a mail its SES stand-in captured. */
export interface CapturedMailFacts {
  /** The id the stand-in's send call returned. */
  id: string;
  to: readonly string[];
  cc?: readonly string[];
  /** When it was captured (UTC ISO). */
  at: string;
}

/**
 * The stand-in captures mail instead of delivering it, and a captured mail counts as delivered.
 * This builds the "Email Delivered" event SES would publish for it, so the local runtime records
 * it through the same handler as AWS does. `region` must be what the senders used for the
 * Message-ID header (`local` in the local runtime).
 */
export const capturedMailDeliveredEvent = (
  mail: CapturedMailFacts,
  region = 'local',
): z.input<typeof sesDeliveryEventSchema> => {
  const recipients = [...mail.to, ...(mail.cc ?? [])];
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': sesDeliveryDetailTypes.delivered,
    source: 'aws.ses',
    account: 'local',
    time: mail.at,
    region,
    resources: [],
    detail: {
      eventType: 'Delivery',
      mail: { messageId: mail.id, timestamp: mail.at, destination: recipients },
      delivery: { timestamp: mail.at, recipients },
    },
  };
};
