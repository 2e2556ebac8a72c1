import { CfnOutput, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { defaultIntakeSettings } from '../../shared/config/intake-settings.js';
import type { RoutingRules } from '../../shared/config/routing-rules.js';
import type { StaffDirectory } from '../../shared/config/staff-directory.js';
import { CaseData, type CaseDataProps } from '../constructs/case-data.js';
import { ComplaintMail, type ComplaintMailProps } from '../constructs/complaint-mail.js';
import { DeliveryEvents } from '../constructs/delivery-events.js';
import { EffectsProcessor } from '../constructs/effects-processor.js';
import { EmailGateway } from '../constructs/email-gateway.js';
import { IdempotencyData } from '../constructs/idempotency-data.js';
import { type ApiThrottling, IntakeApi } from '../constructs/intake-api.js';
import { IntakeQueue, type IntakeQueueSettings } from '../constructs/intake-queue.js';
import { IntakeRedriveSchedule } from '../constructs/intake-redrive-schedule.js';
import { IntakeWorker } from '../constructs/intake-worker.js';
import { MailReceiving, type MailReceivingSettings } from '../constructs/mail-receiving.js';
import { SlaWatch } from '../constructs/sla-watch.js';
import { StaffIdentity, type StaffIdentityProps } from '../constructs/staff-identity.js';

/** Placeholder origin of the public web app until a bank's own domain is configured. */
export const defaultPublicBaseUrl = 'https://complaints.bank.example';

export interface RedressStackProps extends StackProps {
  /** Passed through to the case table; defaults keep the data (retain, deletion protection). */
  readonly caseData?: CaseDataProps;
  /** Origin of the public status pages linked from every acknowledgement. @default defaultPublicBaseUrl */
  readonly publicBaseUrl?: string;
  /** Sender and complaints addresses, TLS policy. */
  readonly mail?: ComplaintMailProps;
  /** Recipients taken in as complaints (default: the complaints address) and raw mail retention. */
  readonly inboundMail?: MailReceivingSettings;
  /** @default defaultApiThrottling */
  readonly apiThrottling?: ApiThrottling;
  /** @default intakeQueueSettings */
  readonly intakeQueueSettings?: IntakeQueueSettings;
  /** First-responder routing for the worker; the handler's sample rules apply when unset. */
  readonly routingRules?: RoutingRules;
  /** Who gets reminders, breach and escalation notices; the SLA step's sample directory applies when unset. */
  readonly staffDirectory?: StaffDirectory;
  /** The staff user pool; defaults keep it (retain, deletion protection). */
  readonly staffIdentity?: StaffIdentityProps;
}

/**
 * Composition only: each concern is one construct, wired together here. A new concern is one
 * `new X(this, 'X', { caseData: this.caseData, ... })` plus its outputs.
 */
export class RedressStack extends Stack {
  readonly caseData: CaseData;
  readonly idempotencyData: IdempotencyData;
  readonly intakeQueue: IntakeQueue;
  readonly mail: ComplaintMail;
  readonly intakeApi: IntakeApi;
  readonly slaWatch: SlaWatch;
  readonly intakeWorker: IntakeWorker;
  readonly intakeRedriveSchedule: IntakeRedriveSchedule;
  readonly mailReceiving: MailReceiving;
  readonly emailGateway: EmailGateway;
  readonly staffIdentity: StaffIdentity;
  readonly deliveryEvents: DeliveryEvents;
  readonly effectsProcessor: EffectsProcessor;

  constructor(scope: Construct, id: string, props: RedressStackProps = {}) {
    super(scope, id, props);
    const intakeSettings = {
      ...defaultIntakeSettings,
      publicBaseUrl: props.publicBaseUrl ?? defaultPublicBaseUrl,
    };

    this.caseData = new CaseData(this, 'CaseData', props.caseData);
    this.idempotencyData = new IdempotencyData(this, 'IdempotencyData', {
      encryptionKey: this.caseData.encryptionKey,
    });
    this.intakeQueue = new IntakeQueue(this, 'IntakeQueue', { settings: props.intakeQueueSettings });
    this.mail = new ComplaintMail(this, 'ComplaintMail', props.mail);

    this.slaWatch = new SlaWatch(this, 'SlaWatch', { caseData: this.caseData });
    // Seals a customer's status token while the acknowledgement waits in the outbox.
    const tokenSealSecret = new secretsmanager.Secret(this, 'TokenSealSecret', {
      description: 'Key that seals status tokens in acknowledgements not yet sent',
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
      encryptionKey: this.caseData.encryptionKey,
    });
    Validations.of(tokenSealSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'A sealed token lives only until its acknowledgement is sent (seconds); rotating the key would strand the few in flight, and nothing else is protected by it.',
    });
    this.effectsProcessor = new EffectsProcessor(this, 'EffectsProcessor', {
      caseData: this.caseData,
      idempotencyData: this.idempotencyData,
      mail: this.mail,
      slaWatch: this.slaWatch,
      intakeSettings,
      routingRules: props.routingRules,
      staffDirectory: props.staffDirectory,
      tokenSealSecret,
    });
    this.staffIdentity = new StaffIdentity(this, 'StaffIdentity', props.staffIdentity);
    this.intakeApi = new IntakeApi(this, 'IntakeApi', {
      caseData: this.caseData,
      idempotencyData: this.idempotencyData,
      intakeQueue: this.intakeQueue,
      intakeSettings,
      throttling: props.apiThrottling,
      staffIdentity: this.staffIdentity,
      mail: this.mail,
      slaWatch: this.slaWatch,
      routingRules: props.routingRules,
    });
    this.intakeWorker = new IntakeWorker(this, 'IntakeWorker', {
      caseData: this.caseData,
      intakeQueue: this.intakeQueue,
      tokenSealSecret,
      routingRules: props.routingRules,
    });
    this.intakeRedriveSchedule = new IntakeRedriveSchedule(this, 'IntakeRedriveSchedule', {
      caseData: this.caseData,
      intakeQueue: this.intakeQueue,
    });
    this.mailReceiving = new MailReceiving(this, 'MailReceiving', { ...props.inboundMail, mail: this.mail });
    this.emailGateway = new EmailGateway(this, 'EmailGateway', {
      receiving: this.mailReceiving,
      caseData: this.caseData,
      idempotencyData: this.idempotencyData,
      intakeQueue: this.intakeQueue,
      mail: this.mail,
      intakeSettings,
    });
    this.deliveryEvents = new DeliveryEvents(this, 'DeliveryEvents', {
      caseData: this.caseData,
      mail: this.mail,
    });

    new CfnOutput(this, 'CaseTableName', {
      description: 'DynamoDB table holding cases, their event ledger and identity index',
      value: this.caseData.table.tableName,
    });
    new CfnOutput(this, 'ApiUrl', {
      description: 'Base URL of the complaint API stage (routes start with /api)',
      value: this.intakeApi.api.url,
    });
    new CfnOutput(this, 'IntakeQueueUrl', {
      description: 'Queue every channel sends received complaints to',
      value: this.intakeQueue.queue.queueUrl,
    });
    new CfnOutput(this, 'IntakeDeadLetterQueueUrl', {
      description: 'Complaints that failed registration; redrive after fixing the cause',
      value: this.intakeQueue.deadLetterQueue.queueUrl,
    });
    new CfnOutput(this, 'SlaStateMachineArn', {
      description:
        'Standard state machine with one execution per watched case (named by reference and generation)',
      value: this.slaWatch.stateMachine.stateMachineArn,
    });
    new CfnOutput(this, 'InboundMailBucketName', {
      description: 'Raw complaint e-mail as SES stored it (inbound/), expired after the retention',
      value: this.mailReceiving.bucket.bucketName,
    });
    new CfnOutput(this, 'AttachmentsBucketName', {
      description: 'Attachments of complaint e-mail, kept as case evidence',
      value: this.emailGateway.attachmentsBucket.bucketName,
    });
    new CfnOutput(this, 'ReceiptRuleSetName', {
      description:
        'Activate once per account and region: aws ses set-active-receipt-rule-set --rule-set-name <this>',
      value: this.mailReceiving.ruleSet.receiptRuleSetName,
    });
    new CfnOutput(this, 'StaffUserPoolId', {
      description: 'Staff accounts: administrators create them and add them to role groups',
      value: this.staffIdentity.userPool.userPoolId,
    });
    new CfnOutput(this, 'StaffConsoleClientId', {
      description: 'App client the staff console signs in with (SRP, no secret)',
      value: this.staffIdentity.consoleClient.userPoolClientId,
    });
    new CfnOutput(this, 'DeliveryEventsDeadLetterQueueUrl', {
      description: 'SES delivery reports that could not be recorded on their case',
      value: this.deliveryEvents.deadLetterQueue.queueUrl,
    });
    new CfnOutput(this, 'EffectsDeadLetterQueueUrl', {
      description:
        'Outbox records (notices, SLA watches) that failed every retry; process them again after fixing the cause',
      value: this.effectsProcessor.deadLetterQueue.queueUrl,
    });
    new CfnOutput(this, 'EmailGatewayDeadLetterQueueUrl', {
      description:
        'S3 events of complaint e-mail the gateway could not take in; re-invoke after fixing the cause',
      value: this.emailGateway.deadLetterQueue.queueUrl,
    });
  }
}
