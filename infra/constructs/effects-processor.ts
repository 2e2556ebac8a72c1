import { Duration, Validations } from 'aws-cdk-lib';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as lambdaEventSources from 'aws-cdk-lib/aws-lambda-event-sources';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { effectsStreamSettings } from '../../shared/config/effects-stream-settings.js';
import type { IntakeSettings } from '../../shared/config/intake-settings.js';
import type { RoutingRules } from '../../shared/config/routing-rules.js';
import type { StaffDirectory } from '../../shared/config/staff-directory.js';
import {
  intakeSettingsEnvironment,
  mailEnvironment,
  routingEnvironment,
  staffDirectoryEnvironment,
} from './app-environment.js';
import type { CaseData } from './case-data.js';
import type { ComplaintMail } from './complaint-mail.js';
import { deadLetterAlarm, failureDestinationQueue } from './dead-letter.js';
import type { IdempotencyData } from './idempotency-data.js';
import { type PowertoolsLogLevel, RedressFunction } from './redress-function.js';
import type { SlaWatch } from './sla-watch.js';

export const effectsProcessorEntry = 'functions/effects-processor/handler.ts';

export interface EffectsProcessorProps {
  /** Its stream carries the outbox records; the processor records outcomes on the cases. */
  readonly caseData: CaseData;
  readonly idempotencyData: IdempotencyData;
  readonly mail: ComplaintMail;
  readonly slaWatch: SlaWatch;
  readonly intakeSettings: IntakeSettings;
  readonly routingRules?: RoutingRules;
  /** Who gets staff notices; the handler's sample directory applies when unset. */
  readonly staffDirectory?: StaffDirectory;
  /** Seals customers' status tokens while an acknowledgement waits; the worker seals, this opens. */
  readonly tokenSealSecret: secretsmanager.ISecret;
  /** @default 'INFO' */
  readonly logLevel?: PowertoolsLogLevel;
  /** @default six months */
  readonly logRetention?: logs.RetentionDays;
}

/**
 * Flow 6: every effect a case change owes (a notice to send, a watch to start) is an outbox record
 * written with the change; the table's stream hands new ones to this function, which does each at
 * most once and records the outcome on the case. Failures are retried from the failed record;
 * what still fails goes to the dead-letter queue and raises the alarm.
 */
export class EffectsProcessor extends Construct {
  readonly processor: RedressFunction;
  readonly deadLetterQueue: sqs.Queue;
  readonly deadLetterAlarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: EffectsProcessorProps) {
    super(scope, id);
    const settings = effectsStreamSettings;
    const stream = props.caseData.table.tableStreamArn;
    if (stream === undefined) throw new Error('EffectsProcessor: the case table has no stream');

    this.processor = new RedressFunction(this, 'Processor', {
      entry: effectsProcessorEntry,
      description: 'Sends the notices and starts the SLA watches that committed case changes owe',
      memorySize: 512,
      timeout: Duration.seconds(settings.processorTimeoutSeconds),
      environment: {
        TABLE_NAME: props.caseData.table.tableName,
        IDEMPOTENCY_TABLE_NAME: props.idempotencyData.table.tableName,
        SLA_STATE_MACHINE_ARN: props.slaWatch.stateMachine.stateMachineArn,
        ...mailEnvironment({
          senderAddress: props.mail.senderAddress,
          complaintsAddress: props.mail.complaintsAddress,
          configurationSetName: props.mail.configurationSet.configurationSetName,
        }),
        TOKEN_SEAL_SECRET_ARN: props.tokenSealSecret.secretArn,
        ...intakeSettingsEnvironment(props.intakeSettings),
        ...routingEnvironment(props.routingRules),
        ...staffDirectoryEnvironment(props.staffDirectory),
      },
      logLevel: props.logLevel,
      logRetention: props.logRetention,
    });
    props.caseData.grantReadWriteCases(this.processor.role);
    props.idempotencyData.grantReadWriteRecords(this.processor.role);
    props.mail.grantSend(this.processor.role);
    props.slaWatch.grantStartWatch(this.processor.role);
    props.tokenSealSecret.grantRead(this.processor.role);

    this.deadLetterQueue = failureDestinationQueue(
      this,
      'The on-failure destination of the effects stream mapping: it receives the position of outbox records that failed every retry, never a message of its own to dead-letter.',
    );
    this.deadLetterAlarm = deadLetterAlarm(
      this,
      this.deadLetterQueue,
      'An effect of a case change (a notice or an SLA watch) failed after every retry. The outbox record is still on the case, not done: fix the cause, then process it again.',
    );

    this.processor.function.addEventSource(
      new lambdaEventSources.DynamoEventSource(props.caseData.table, {
        startingPosition: lambda.StartingPosition.TRIM_HORIZON,
        batchSize: settings.batchSize,
        maxBatchingWindow: Duration.seconds(settings.maxBatchingWindowSeconds),
        retryAttempts: settings.retryAttempts,
        bisectBatchOnError: settings.bisectBatchOnError,
        reportBatchItemFailures: true,
        onFailure: new lambdaEventSources.SqsDlq(this.deadLetterQueue),
        filters: [lambda.FilterCriteria.filter(settings.filterPattern)],
      }),
    );
    Validations.of(this.processor.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'dynamodb:ListStreams, which the stream event source mapping needs, supports no resource-level permission; the stream reads themselves are granted on the case table stream only.',
    });
  }
}
