import { Duration } from 'aws-cdk-lib';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { intakeQueueSettings } from '../../shared/config/intake-queue-settings.js';
import { deadLetterAlarm } from './dead-letter.js';

/** The shared settings, widened from their literal types so a test or deployment can vary them. */
export type IntakeQueueSettings = { readonly [Key in keyof typeof intakeQueueSettings]: number };

/** SQS keeps a message at most 14 days. */
const maxRetentionDays = 14;

export interface IntakeQueueProps {
  /** @default intakeQueueSettings, the rules the local poller follows too */
  readonly settings?: IntakeQueueSettings;
}

/**
 * The intake queue every channel sends received complaints to, its dead-letter queue, and an
 * alarm that fires as soon as one message lands there. The alarm has no action yet; the
 * notification concern subscribes to `deadLetterAlarm`.
 */
export class IntakeQueue extends Construct {
  readonly queue: sqs.Queue;
  readonly deadLetterQueue: sqs.Queue;
  readonly deadLetterAlarm: cloudwatch.Alarm;
  readonly settings: IntakeQueueSettings;

  constructor(scope: Construct, id: string, props: IntakeQueueProps = {}) {
    super(scope, id);
    const settings = props.settings ?? intakeQueueSettings;
    this.settings = settings;
    if (settings.deadLetterRetentionDays < 1 || settings.deadLetterRetentionDays > maxRetentionDays) {
      throw new Error(`IntakeQueue: deadLetterRetentionDays must be 1..${maxRetentionDays}`);
    }
    if (!Number.isInteger(settings.maxReceiveCount) || settings.maxReceiveCount < 1) {
      throw new Error('IntakeQueue: maxReceiveCount must be a positive integer');
    }

    // SQS-managed encryption rather than a KMS key: a message is a reference and, on its first
    // send, the customer's status token (no personal data), readable only by roles granted on the
    // queue; a KMS key would give every sender kms:GenerateDataKey*/ReEncrypt* wildcards through
    // grantSendMessages.
    this.deadLetterQueue = new sqs.Queue(this, 'DeadLetterQueue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(settings.deadLetterRetentionDays),
    });

    this.queue = new sqs.Queue(this, 'Queue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: Duration.seconds(settings.visibilityTimeoutSeconds),
      // Shorter than the dead-letter retention on purpose: a standard queue keeps a message's
      // original enqueue time when it moves it, so the DLQ must keep messages longer than this.
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: settings.maxReceiveCount },
    });

    // A dead letter is a complaint that was received but never registered: no first responder,
    // no clock. One is enough to call someone.
    this.deadLetterAlarm = deadLetterAlarm(
      this,
      this.deadLetterQueue,
      'A received complaint could not be registered and waits in the intake dead-letter queue',
    );
  }

  get visibilityTimeout(): Duration {
    return Duration.seconds(this.settings.visibilityTimeoutSeconds);
  }
}
