import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { tracer } from '../../observability/powertools.js';
import { clientEndpointConfig } from '../local-endpoint.js';

export interface OutgoingMail {
  to: string[];
  cc?: string[];
  subject: string;
  text: string;
  html: string;
  /** Replies go here (the complaints address), so they thread back to the case. */
  replyTo?: string[];
}

/** The port every notice goes through; returns the provider's message id as proof of sending. */
export interface Mailer {
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
}

export const createSesClient = (options: { endpoint?: string; region?: string } = {}): SESv2Client =>
  tracer.captureAWSv3Client(new SESv2Client(clientEndpointConfig(options.endpoint, options.region)));

export interface SesMailerOptions {
  from: string;
  /** Configuration set whose event destination records deliveries on the case. */
  configurationSetName?: string;
}

export class SesMailer implements Mailer {
  constructor(
    private readonly client: SESv2Client,
    private readonly options: SesMailerOptions,
  ) {}

  async send(mail: OutgoingMail): Promise<{ messageId: string }> {
    const result = await this.client.send(
      new SendEmailCommand({
        FromEmailAddress: this.options.from,
        Destination: { ToAddresses: mail.to, CcAddresses: mail.cc ?? [] },
        ReplyToAddresses: mail.replyTo,
        ConfigurationSetName: this.options.configurationSetName,
        Content: {
          Simple: {
            Subject: { Data: mail.subject, Charset: 'UTF-8' },
            Body: {
              Text: { Data: mail.text, Charset: 'UTF-8' },
              Html: { Data: mail.html, Charset: 'UTF-8' },
            },
          },
        },
      }),
    );
    if (result.MessageId === undefined) throw new Error('SES accepted the mail without a message id');
    return { messageId: result.MessageId };
  }
}
