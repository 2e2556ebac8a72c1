import { Duration, Stack, Validations } from 'aws-cdk-lib';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as lambdaDestinations from 'aws-cdk-lib/aws-lambda-destinations';
import type * as logs from 'aws-cdk-lib/aws-logs';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as schedulerTargets from 'aws-cdk-lib/aws-scheduler-targets';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { caseTable } from '../../shared/adapters/dynamodb/case-table.js';
import type { CaseData } from './case-data.js';
import { deadLetterAlarm, failureDestinationQueue } from './dead-letter.js';
import type { IntakeQueue } from './intake-queue.js';
import { type PowertoolsLogLevel, RedressFunction } from './redress-function.js';

export const redriveUnregisteredEntry = 'functions/redrive-unregistered/handler.ts';

// Scheduler's shortest rate; a run less often than hourly would leave complaints unregistered for too long.
const minInterval = Duration.minutes(1);
const maxInterval = Duration.hours(1);

export interface IntakeRedriveScheduleProps {
  /** The re-drive reads the due index of the case table; it writes nothing there. */
  readonly caseData: CaseData;
  /** Where stuck complaints are sent again, for the intake worker to register. */
  readonly intakeQueue: IntakeQueue;
  /** How often the re-drive runs, in whole minutes. @default five minutes: rate(5 minutes) */
  readonly interval?: Duration;
  /** @default 'INFO' */
  readonly logLevel?: PowertoolsLogLevel;
  /** @default six months */
  readonly logRetention?: logs.RetentionDays;
}

/**
 * The AWS half of the registration re-drive (the local runtime runs the same function on a
 * timer): an EventBridge Scheduler schedule invokes a Lambda that sends received complaints not
 * registered within a few minutes to the intake queue again. A run that cannot be delivered, or
 * that fails after its retries, lands in a dead-letter queue that alarms; the next run tries again
 * regardless, since the re-drive reads what is stuck from the table each time.
 */
export class IntakeRedriveSchedule extends Construct {
  readonly redrive: RedressFunction;
  readonly schedule: scheduler.Schedule;
  readonly schedulerRole: iam.Role;
  readonly deadLetterQueue: sqs.Queue;
  readonly deadLetterAlarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: IntakeRedriveScheduleProps) {
    super(scope, id);
    const interval = props.interval ?? Duration.minutes(5);
    const intervalSeconds = interval.toSeconds();
    if (
      intervalSeconds % 60 !== 0 ||
      intervalSeconds < minInterval.toSeconds() ||
      intervalSeconds > maxInterval.toSeconds()
    ) {
      throw new Error(
        'IntakeRedriveSchedule: interval must be whole minutes between one minute and one hour',
      );
    }
    // A run older than one interval is overtaken by the next one: no point retrying it longer.
    const maxEventAge = interval;

    this.deadLetterQueue = failureDestinationQueue(
      this,
      'This queue is itself the dead-letter destination of the re-drive schedule and function; an operator reads it, no consumer that could fail.',
    );

    this.redrive = new RedressFunction(this, 'Redrive', {
      entry: redriveUnregisteredEntry,
      description: 'Sends received complaints not registered within minutes to the intake queue again',
      memorySize: 256,
      timeout: Duration.seconds(60),
      environment: {
        TABLE_NAME: props.caseData.table.tableName,
        INTAKE_QUEUE_URL: props.intakeQueue.queue.queueUrl,
      },
      logLevel: props.logLevel,
      logRetention: props.logRetention,
    });

    // Narrower than caseData.grantReadCases: the re-drive only queries the sparse due index
    // (store.findDue), never a case item or the other indexes. The table is encrypted with a
    // customer-managed key, so reading it needs decrypt on that key too.
    iam.Grant.addToPrincipal({
      grantee: this.redrive.role,
      actions: ['dynamodb:Query'],
      resourceArns: [`${props.caseData.table.tableArn}/index/${caseTable.indexes.dueByTime.indexName}`],
    });
    props.caseData.encryptionKey.grant(this.redrive.role, 'kms:Decrypt', 'kms:DescribeKey');
    props.intakeQueue.queue.grantSendMessages(this.redrive.role);

    // Scheduler invokes asynchronously, so the function's own failures are retried by Lambda and
    // reach the dead-letter queue through its on-failure destination.
    this.redrive.function.configureAsyncInvoke({
      retryAttempts: 2,
      maxEventAge,
      onFailure: new lambdaDestinations.SqsDestination(this.deadLetterQueue),
    });

    // An own role instead of the one LambdaInvoke would create at the stack's root, so the role,
    // its trust condition and its acknowledgement stay inside this construct.
    const stack = Stack.of(this);
    this.schedulerRole = new iam.Role(this, 'SchedulerRole', {
      description: 'EventBridge Scheduler invokes the registration re-drive',
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
        conditions: {
          StringEquals: {
            'aws:SourceAccount': stack.account,
            'aws:SourceArn': stack.formatArn({
              service: 'scheduler',
              resource: 'schedule-group',
              resourceName: 'default',
            }),
          },
        },
      }),
    });

    this.schedule = new scheduler.Schedule(this, 'Schedule', {
      description: 'Re-drives received complaints that were not registered within minutes',
      schedule: scheduler.ScheduleExpression.rate(interval),
      target: new schedulerTargets.LambdaInvoke(this.redrive.function, {
        role: this.schedulerRole,
        // Only delivery failures (throttling, a missing permission) count here; also grants the
        // role sqs:SendMessage on the dead-letter queue.
        retryAttempts: 3,
        maxEventAge,
        deadLetterQueue: this.deadLetterQueue,
      }),
    });

    const cfnFunction = this.redrive.function.node.defaultChild;
    if (!(cfnFunction instanceof lambda.CfnFunction))
      throw new Error('IntakeRedriveSchedule: the re-drive has no CfnFunction');
    Validations.of(this.schedulerRole).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${stack.getLogicalId(cfnFunction)}.Arn>:*]`,
      reason:
        'LambdaInvoke grants the versions and aliases of the one re-drive function alongside the function itself; no other function is named.',
    });

    // A dead letter means runs keep failing: received complaints may stay unregistered.
    this.deadLetterAlarm = deadLetterAlarm(
      this,
      this.deadLetterQueue,
      'A run of the registration re-drive failed after its retries; received complaints may stay unregistered until a run succeeds',
    );
  }
}
