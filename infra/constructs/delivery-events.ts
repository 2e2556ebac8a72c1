import { Duration } from 'aws-cdk-lib';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as lambdaDestinations from 'aws-cdk-lib/aws-lambda-destinations';
import type * as logs from 'aws-cdk-lib/aws-logs';
import * as ses from 'aws-cdk-lib/aws-ses';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { sesDeliveryDetailTypes } from '../../functions/delivery-events/ses-delivery-event.js';
import type { CaseData } from './case-data.js';
import type { ComplaintMail } from './complaint-mail.js';
import { deadLetterAlarm, failureDestinationQueue } from './dead-letter.js';
import { type PowertoolsLogLevel, RedressFunction } from './redress-function.js';

export const deliveryEventsEntry = 'functions/delivery-events/handler.ts';

/** The SES event types recorded on the case: proof of telling someone, or why it failed. */
export const recordedSendingEvents = [
  ses.EmailSendingEvent.DELIVERY,
  ses.EmailSendingEvent.BOUNCE,
  ses.EmailSendingEvent.COMPLAINT,
  ses.EmailSendingEvent.REJECT,
  ses.EmailSendingEvent.RENDERING_FAILURE,
] as const;

/** Lambda keeps an asynchronous event at most six hours. */
const maxEventAgeLimit = Duration.hours(6);

export interface DeliveryEventsProps {
  /** The recorder finds the case through the sent-message index and appends to its ledger. */
  readonly caseData: CaseData;
  /** Whose configuration set publishes the events. */
  readonly mail: ComplaintMail;
  /** How long a report may wait for retries before it goes to the dead-letter queue. @default six hours */
  readonly maxEventAge?: Duration;
  /** @default 'INFO' */
  readonly logLevel?: PowertoolsLogLevel;
  /** @default six months */
  readonly logRetention?: logs.RetentionDays;
}

/**
 * Flow 6, the proof half: the notices' configuration set publishes delivery, bounce, complaint,
 * reject and rendering-failure events to the default event bus (the only bus SES publishes to);
 * a rule takes this set's events to a recorder Lambda that appends them to the case's ledger.
 * A report that cannot be recorded lands, with its event, in a dead-letter queue that alarms.
 */
export class DeliveryEvents extends Construct {
  readonly recorder: RedressFunction;
  readonly rule: events.Rule;
  readonly eventDestination: ses.ConfigurationSetEventDestination;
  readonly deadLetterQueue: sqs.Queue;
  readonly deadLetterAlarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: DeliveryEventsProps) {
    super(scope, id);
    const maxEventAge = props.maxEventAge ?? maxEventAgeLimit;
    if (maxEventAge.toSeconds() < 60 || maxEventAge.toSeconds() > maxEventAgeLimit.toSeconds()) {
      throw new Error('DeliveryEvents: maxEventAge must be between one minute and six hours');
    }

    const defaultBus = events.EventBus.fromEventBusName(this, 'DefaultBus', 'default');
    this.eventDestination = new ses.ConfigurationSetEventDestination(this, 'ToEventBridge', {
      configurationSet: props.mail.configurationSet,
      destination: ses.EventDestination.eventBus(defaultBus),
      events: [...recordedSendingEvents],
    });

    // SQS-managed encryption: a dead letter carries the SES event (message id, recipients).
    this.deadLetterQueue = failureDestinationQueue(
      this,
      'This queue is itself the dead-letter destination of the delivery-event rule and recorder; an operator reads it, no consumer that could fail.',
    );

    this.recorder = new RedressFunction(this, 'Recorder', {
      entry: deliveryEventsEntry,
      description: 'Records SES delivery, bounce and complaint reports on the case as proof of notice',
      memorySize: 256,
      timeout: Duration.seconds(15),
      environment: { TABLE_NAME: props.caseData.table.tableName },
      logLevel: props.logLevel,
      logRetention: props.logRetention,
    });
    // Reads the sent-message index and the ledger, appends one event: both in the case table.
    props.caseData.grantReadWriteCases(this.recorder.role);
    this.recorder.function.configureAsyncInvoke({
      retryAttempts: 2,
      maxEventAge,
      onFailure: new lambdaDestinations.SqsDestination(this.deadLetterQueue),
    });

    this.rule = new events.Rule(this, 'Rule', {
      description: 'SES reports on notices sent with the Redress configuration set',
      eventBus: defaultBus,
      eventPattern: {
        source: ['aws.ses'],
        detailType: Object.values(sesDeliveryDetailTypes),
        // SES tags every event with the configuration set the mail was sent with; other mail
        // sent from the account (or another deployment's) stays out.
        detail: {
          mail: { tags: { 'ses:configuration-set': [props.mail.configurationSet.configurationSetName] } },
        },
      },
      targets: [
        new targets.LambdaFunction(this.recorder.function, {
          // When EventBridge cannot invoke the recorder at all; the recorder's own failures
          // reach the same queue through its on-failure destination.
          deadLetterQueue: this.deadLetterQueue,
          retryAttempts: 8,
          maxEventAge: Duration.hours(24),
        }),
      ],
    });

    // A dead letter is a notice whose proof is not on the case: someone should look.
    this.deadLetterAlarm = deadLetterAlarm(
      this,
      this.deadLetterQueue,
      'An SES delivery report could not be recorded on its case and waits in a dead-letter queue',
    );
  }
}
