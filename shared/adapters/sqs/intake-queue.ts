import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { IntakeMessage } from '../../schemas/intake-message-schema.js';
import { clientEndpointConfig } from '../local-endpoint.js';

/** The port the intake handlers use to hand a received complaint to the worker. */
export interface IntakeQueue {
  send(message: IntakeMessage): Promise<void>;
}

export const createSqsClient = (options: { endpoint?: string; region?: string } = {}): SQSClient =>
  new SQSClient(clientEndpointConfig(options.endpoint, options.region));

export class SqsIntakeQueue implements IntakeQueue {
  constructor(
    private readonly client: SQSClient,
    private readonly queueUrl: string,
  ) {}

  async send(message: IntakeMessage): Promise<void> {
    const result = await this.client.send(
      new SendMessageCommand({ QueueUrl: this.queueUrl, MessageBody: JSON.stringify(message) }),
    );
    if (result.MessageId === undefined) throw new Error('SQS accepted the message without a message id');
  }
}
