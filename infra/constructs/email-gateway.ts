import { Duration, Stack, Validations } from 'aws-cdk-lib';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambdaDestinations from 'aws-cdk-lib/aws-lambda-destinations';
import type * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3n from 'aws-cdk-lib/aws-s3-notifications';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { emailGatewaySettings } from '../../shared/config/email-gateway-settings.js';
import type { IntakeSettings } from '../../shared/config/intake-settings.js';
import { intakeSettingsEnvironment, mailEnvironment } from './app-environment.js';
import { hardenedBucketProps, objectWildcardFinding } from './bucket-hardening.js';
import type { CaseData } from './case-data.js';
import type { ComplaintMail } from './complaint-mail.js';
import { deadLetterAlarm, failureDestinationQueue } from './dead-letter.js';
import type { IdempotencyData } from './idempotency-data.js';
import type { IntakeQueue } from './intake-queue.js';
import { inboundMailPrefix, type MailReceiving } from './mail-receiving.js';
import { type PowertoolsLogLevel, RedressFunction } from './redress-function.js';

export const emailGatewayEntry = 'functions/email-gateway/handler.ts';

/** Where the gateway stores attachments (`attachments/<reference>/...`); it may write nothing else. */
export const attachmentsPrefix = 'attachments/';

/** Lambda's own retries of a failed asynchronous invocation, as the local async invoker does. */
export const emailGatewayRetryAttempts = emailGatewaySettings.retryAttempts;

/**
 * S3 notifications are set by a singleton Lambda of aws-cdk-lib (a custom resource: CloudFormation
 * cannot attach a notification without a dependency cycle between bucket and function). Its role
 * comes with the AWS managed basic execution policy; the singleton is not exported, so it is
 * found by the id prefix aws-cdk-lib gives it, and the synth fails if that ever changes.
 */
const acknowledgeNotificationsHandler = (scope: Construct): void => {
  const handler = Stack.of(scope).node.children.find((child) =>
    child.node.id.startsWith('BucketNotificationsHandler'),
  );
  const role = handler?.node.tryFindChild('Role');
  if (role === undefined) throw new Error('EmailGateway: no S3 bucket notifications handler role found');
  Validations.of(role).acknowledge({
    id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    reason:
      'Role of the aws-cdk-lib custom resource that sets the inbound bucket notification at deployment; it only writes its own logs and calls s3:PutBucketNotification on that bucket.',
  });
};

/** Lambda keeps an asynchronous event at most six hours. */
const maxEventAgeLimit = Duration.hours(6);

export interface EmailGatewayProps {
  /** The inbound bucket whose `inbound/` objects trigger the gateway. */
  readonly receiving: MailReceiving;
  readonly caseData: CaseData;
  readonly idempotencyData: IdempotencyData;
  /** New complaints go here, as from every other channel. */
  readonly intakeQueue: IntakeQueue;
  /** Our own addresses: mail from them is a loop. No send permission comes with it. */
  readonly mail: ComplaintMail;
  readonly intakeSettings: IntakeSettings;
  /**
   * How long an event may wait in Lambda's queue (throttling, retries) before it goes to the
   * dead-letter queue; the raw mail stays in the bucket either way.
   * @default six hours, Lambda's maximum
   */
  readonly maxEventAge?: Duration;
  /** @default 1024: mailparser holds the whole MIME message and its attachments in memory */
  readonly memorySize?: number;
  /** @default 'INFO' */
  readonly logLevel?: PowertoolsLogLevel;
  /** @default six months */
  readonly logRetention?: logs.RetentionDays;
}

/**
 * Turns raw mail stored by the receipt rule into complaints: S3 "object created" under
 * `inbound/` invokes the gateway asynchronously; a mail it cannot take in is retried twice and
 * then handed, with its S3 event, to a dead-letter queue that alarms at the first message.
 * The gateway reads raw mail, writes attachments to a bucket of its own and cases to the case
 * table, and sends new complaints to the intake queue. It never sends mail: the intake worker
 * acknowledges.
 */
export class EmailGateway extends Construct {
  readonly gateway: RedressFunction;
  readonly attachmentsBucket: s3.Bucket;
  readonly deadLetterQueue: sqs.Queue;
  readonly deadLetterAlarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: EmailGatewayProps) {
    super(scope, id);
    const maxEventAge = props.maxEventAge ?? maxEventAgeLimit;
    if (maxEventAge.toSeconds() < 60 || maxEventAge.toSeconds() > maxEventAgeLimit.toSeconds()) {
      throw new Error('EmailGateway: maxEventAge must be between one minute and six hours');
    }
    const inbound = props.receiving.bucket;

    // Attachments are case evidence: no expiry. Versioned so that an overwrite (a retried run
    // writes the same key again) can be undone; replaced versions are duplicates after a quarter.
    this.attachmentsBucket = new s3.Bucket(this, 'Attachments', {
      ...hardenedBucketProps(props.receiving.accessLogsBucket, 'case-attachments/'),
      versioned: true,
      lifecycleRules: [
        {
          id: 'ExpireReplacedVersions',
          noncurrentVersionExpiration: Duration.days(90),
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
      ],
    });

    // SQS-managed encryption: a failure record carries the S3 event (bucket and key), not the mail.
    this.deadLetterQueue = failureDestinationQueue(
      this,
      'This queue is itself the dead-letter (on-failure) destination of the gateway; it is read by an operator, never by a consumer that could fail.',
    );

    this.gateway = new RedressFunction(this, 'Gateway', {
      entry: emailGatewayEntry,
      description: 'Turns received complaint e-mail into new complaints or messages on their cases',
      memorySize: props.memorySize ?? 1024,
      timeout: Duration.seconds(60),
      environment: {
        TABLE_NAME: props.caseData.table.tableName,
        IDEMPOTENCY_TABLE_NAME: props.idempotencyData.table.tableName,
        INTAKE_QUEUE_URL: props.intakeQueue.queue.queueUrl,
        ATTACHMENTS_BUCKET: this.attachmentsBucket.bucketName,
        // Its own addresses: mail from them is a loop, never a complaint. It sends nothing.
        ...mailEnvironment({
          senderAddress: props.mail.senderAddress,
          complaintsAddress: props.mail.complaintsAddress,
        }),
        ...intakeSettingsEnvironment(props.intakeSettings),
      },
      logLevel: props.logLevel,
      logRetention: props.logRetention,
    });
    const role = this.gateway.role;

    props.receiving.grantReadMail(role);
    iam.Grant.addToPrincipal({
      grantee: role,
      actions: ['s3:PutObject'],
      resourceArns: [this.attachmentsBucket.arnForObjects(`${attachmentsPrefix}*`)],
    });
    props.caseData.grantReadWriteCases(role);
    props.idempotencyData.grantReadWriteRecords(role);
    props.intakeQueue.queue.grantSendMessages(role);
    // Object grants need a key pattern; each is narrowed to the one prefix the gateway uses.
    Validations.of(role).acknowledge(
      {
        id: objectWildcardFinding(inbound, inboundMailPrefix),
        reason: 'Reads raw mail objects under inbound/ only; object keys are chosen by SES.',
      },
      {
        id: objectWildcardFinding(this.attachmentsBucket, attachmentsPrefix),
        reason: 'Writes attachments under attachments/<reference>/ only; keys are per case and mail.',
      },
    );

    // Also grants the role sqs:SendMessage on the dead-letter queue, nothing else.
    this.gateway.function.configureAsyncInvoke({
      retryAttempts: emailGatewayRetryAttempts,
      maxEventAge,
      onFailure: new lambdaDestinations.SqsDestination(this.deadLetterQueue),
    });

    inbound.addEventNotification(
      s3.EventType.OBJECT_CREATED,
      new s3n.LambdaDestination(this.gateway.function),
      {
        prefix: inboundMailPrefix,
      },
    );
    // SES writes a setup-notification object under the prefix when the rule is created; with the
    // notification configured afterwards, the gateway never takes it for a complaint.
    inbound.node.findChild('Notifications').node.addDependency(props.receiving.rule);
    acknowledgeNotificationsHandler(this);

    // A dead letter is a complaint mail that never became a case: no clock runs for it.
    this.deadLetterAlarm = deadLetterAlarm(
      this,
      this.deadLetterQueue,
      'A received complaint e-mail could not be taken in and waits in the gateway dead-letter queue',
    );
  }
}
