import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { logger } from '../../observability/logger.js';
import { tracer } from '../../observability/powertools.js';
import type { IntakeMessage } from '../../schemas/intake-message-schema.js';
import { clientEndpointConfig } from '../local-endpoint.js';

/** The port the intake handlers use to hand a received complaint to the worker. */
export interface IntakeQueue {
  send(message: IntakeMessage): Promise<void>;
}

export const createSqsClient = (options: { endpoint?: string; region?: string } = {}): SQSClient =>
  tracer.captureAWSv3Client(new SQSClient(clientEndpointConfig(options.endpoint, options.region)));

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

/**
 * Hands a stored received record to the worker. A queue outage is not the customer's problem:
 * the record is already stored and the registration re-drive sends it later, so the failure is
 * logged (reference and error name only) rather than thrown.
 */
export const queueOrLeaveForRedrive = async (queue: IntakeQueue, message: IntakeMessage): Promise<void> => {
  try {
    await queue.send(message);
  } catch (error) {
    logger.warn('intake queue unavailable; the re-drive will send the complaint', {
      reference: message.reference,
      errorName: error instanceof Error ? error.name : 'unknown',
    });
  }
};
