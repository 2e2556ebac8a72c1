import type { Server } from 'node:http';
import { createSqsServer } from 'local-aws-sqs';
import { intakeQueueSettings } from '../../shared/config/intake-queue-settings.js';
import { freePort } from './free-port.js';

export interface SqsLocal {
  endpoint: string;
  intakeQueueUrl: string;
  intakeQueueArn: string;
  deadLetterQueueUrl: string;
  stop(): Promise<void>;
}

const ACCOUNT = '000000000000';
const REGION = 'local';

/**
 * An SQS API on loopback (local-aws-sqs, in this process) with the intake queue and its
 * dead-letter queue, wired with the deployed redrive rule (maxReceiveCount from the shared
 * settings). Only the visibility timeout differs: locally a failed record is retried after
 * `visibilityTimeoutSeconds` so that retries are visible in seconds, not minutes.
 */
export const startSqsLocal = async (options: {
  port?: number;
  visibilityTimeoutSeconds: number;
}): Promise<SqsLocal> => {
  const port = options.port !== undefined && options.port !== 0 ? options.port : await freePort();
  const deadLetterArn = `arn:aws:sqs:${REGION}:${ACCOUNT}:intake-dlq`;
  const server: Server = await createSqsServer({
    port,
    hostname: '127.0.0.1',
    region: REGION,
    accountId: ACCOUNT,
    emulateQueueCreationLifecycle: false,
    queues: [
      {
        QueueName: 'intake-dlq',
        Attributes: { MessageRetentionPeriod: intakeQueueSettings.deadLetterRetentionDays * 24 * 3600 },
      },
      {
        QueueName: 'intake',
        Attributes: {
          VisibilityTimeout: options.visibilityTimeoutSeconds,
          RedrivePolicy: JSON.stringify({
            deadLetterTargetArn: deadLetterArn,
            maxReceiveCount: intakeQueueSettings.maxReceiveCount,
          }),
        },
      },
    ],
  });
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    intakeQueueUrl: `${endpoint}/${ACCOUNT}/intake`,
    intakeQueueArn: `arn:aws:sqs:${REGION}:${ACCOUNT}:intake`,
    deadLetterQueueUrl: `${endpoint}/${ACCOUNT}/intake-dlq`,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
