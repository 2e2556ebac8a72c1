import { z } from 'zod';
import { sesMessageIdHeader } from '../../shared/adapters/ses/ses-message-id.js';
import { json, type LocalRoute } from './http-server.js';

const storedEmailSchema = z.object({
  messageId: z.string(),
  from: z.string(),
  destination: z.object({ to: z.array(z.string()), cc: z.array(z.string()) }),
  subject: z.string(),
  body: z.object({ text: z.string().optional(), html: z.string().optional() }),
  at: z.number(),
});
const storeSchema = z.object({ emails: z.array(storedEmailSchema) });

export interface CapturedMail {
  id: string;
  /** The Message-ID header the mail went out with, as SES builds it; replies quote it. */
  messageId: string;
  at: string;
  from: string;
  to: string[];
  cc: string[];
  subject: string;
  text: string;
  html: string;
}

/** Every e-mail aws-ses-v2-local captured, oldest first, in the shape tests and people read. */
export const capturedMail = async (sesEndpoint: string): Promise<CapturedMail[]> => {
  const response = await fetch(`${sesEndpoint}/store`);
  const store = storeSchema.parse(await response.json());
  return store.emails
    .map((email) => ({
      id: email.messageId,
      messageId: `<${sesMessageIdHeader(email.messageId, 'local')}>`,
      at: new Date(email.at * 1000).toISOString(),
      from: email.from,
      to: email.destination.to,
      cc: email.destination.cc,
      subject: email.subject,
      text: email.body.text ?? '',
      html: email.body.html ?? '',
    }))
    .sort((a, b) => a.at.localeCompare(b.at));
};

/**
 * `beforeRead` lets the notices already owed go out first: a notice follows its case change
 * through the outbox a moment later, and a person reading the mailbox after an action expects it.
 */
export const mailCaptureRoutes = (
  sesEndpoint: string,
  beforeRead: () => Promise<void> = async () => {},
): LocalRoute[] => [
  {
    method: 'GET',
    path: '/_local/mail',
    handle: async () => {
      await beforeRead();
      return json(200, await capturedMail(sesEndpoint));
    },
  },
  {
    method: 'POST',
    path: '/_local/mail/clear',
    handle: async () => {
      await fetch(`${sesEndpoint}/clear-store`, { method: 'POST' });
      return json(200, { cleared: true });
    },
  },
];
