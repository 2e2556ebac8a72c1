import { Match, Template } from 'aws-cdk-lib/assertions';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { beforeAll, describe, expect, it } from 'vitest';
import { RedressStack } from '../../infra/stacks/redress-stack.js';
import { intakeQueueSettings } from '../../shared/config/intake-queue-settings.js';
import { sampleRoutingRules } from '../../shared/config/routing-rules.js';
import {
  actionsOf,
  allStatements,
  appWithoutBundling,
  cfnLogicalId,
  deadLetterAlarmShape,
  onlyResource,
  resourcesOf,
  statementsOfRole,
} from './template-helpers.js';

let stack: RedressStack;
let template: Template;
let queueId: string;
let deadLetterQueueId: string;
let workerId: string;

beforeAll(() => {
  stack = new RedressStack(appWithoutBundling(), 'Redress');
  template = Template.fromStack(stack);
  queueId = cfnLogicalId(stack.intakeQueue.queue, sqs.CfnQueue);
  deadLetterQueueId = cfnLogicalId(stack.intakeQueue.deadLetterQueue, sqs.CfnQueue);
  workerId = cfnLogicalId(stack.intakeWorker.worker.function, lambda.CfnFunction);
});

const queueProperties = (id: string): Record<string, unknown> => {
  const properties = template.findResources('AWS::SQS::Queue')[id]?.Properties;
  if (properties === undefined) throw new Error(`no queue ${id}`);
  return properties;
};

describe('IntakeQueue', () => {
  it('dead-letters a message after maxReceiveCount (5) receives', () => {
    expect(intakeQueueSettings.maxReceiveCount).toBe(5);
    expect(queueProperties(queueId).RedrivePolicy).toEqual({
      deadLetterTargetArn: { 'Fn::GetAtt': [deadLetterQueueId, 'Arn'] },
      maxReceiveCount: intakeQueueSettings.maxReceiveCount,
    });
  });

  it('uses the visibility timeout of the shared settings', () => {
    expect(queueProperties(queueId).VisibilityTimeout).toBe(intakeQueueSettings.visibilityTimeoutSeconds);
  });

  it('keeps dead letters 14 days, longer than the source queue keeps messages', () => {
    const deadLetterRetention = queueProperties(deadLetterQueueId).MessageRetentionPeriod;
    expect(deadLetterRetention).toBe(14 * 24 * 3600);
    expect(Number(queueProperties(queueId).MessageRetentionPeriod)).toBeLessThan(Number(deadLetterRetention));
  });

  it('encrypts both queues and refuses requests without TLS', () => {
    for (const id of [queueId, deadLetterQueueId]) {
      expect(queueProperties(id).SqsManagedSseEnabled).toBe(true);
      template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: id }],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        },
      });
    }
  });

  it('alarms as soon as one message is visible in the dead-letter queue', () => {
    // The e-mail gateway's dead-letter queue has an alarm of its own; this one watches intake's.
    const alarm =
      template.findResources('AWS::CloudWatch::Alarm')[
        cfnLogicalId(stack.intakeQueue.deadLetterAlarm, cloudwatch.CfnAlarm)
      ]?.Properties;
    expect(alarm).toMatchObject(deadLetterAlarmShape(deadLetterQueueId));
    expect(stack.intakeQueue.deadLetterAlarm.alarmArn).toBeDefined();
  });
});

describe('IntakeWorker', () => {
  it('reads the intake queue in batches from the settings, reporting partial batch failures', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: workerId },
      EventSourceArn: { 'Fn::GetAtt': [queueId, 'Arn'] },
      BatchSize: intakeQueueSettings.batchSize,
      MaximumBatchingWindowInSeconds: intakeQueueSettings.maxBatchingWindowSeconds,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });

  it('times out before the queue would hand its batch to another invocation', () => {
    const worker = template.findResources('AWS::Lambda::Function')[workerId]?.Properties;
    expect(worker?.Timeout).toBe(intakeQueueSettings.workerTimeoutSeconds);
    expect(worker?.Timeout).toBeLessThan(Number(queueProperties(queueId).VisibilityTimeout));
    expect(worker?.Runtime).toBe('nodejs22.x');
  });

  it('refuses settings whose worker timeout reaches the visibility timeout', () => {
    const settings = {
      ...intakeQueueSettings,
      workerTimeoutSeconds: intakeQueueSettings.visibilityTimeoutSeconds,
    };
    expect(() => new RedressStack(appWithoutBundling(), 'Slow', { intakeQueueSettings: settings })).toThrow(
      /below the queue visibility timeout/,
    );
  });

  it('gets every variable its handler parses', () => {
    const configurationSetId = onlyResource(template, 'AWS::SES::ConfigurationSet').id;
    template.hasResourceProperties('AWS::Lambda::Function', {
      Timeout: intakeQueueSettings.workerTimeoutSeconds,
      Environment: {
        Variables: Match.objectLike({
          TABLE_NAME: Match.anyValue(),
          IDEMPOTENCY_TABLE_NAME: Match.anyValue(),
          BANK_TIME_ZONE: Match.anyValue(),
          DEFAULT_CLOCK_POLICY: Match.anyValue(),
          DEFAULT_CALENDAR: Match.anyValue(),
          PUBLIC_BASE_URL: 'https://complaints.bank.example',
          SENDER_ADDRESS: 'complaints-noreply@bank.example',
          COMPLAINTS_ADDRESS: 'complaints@bank.example',
          SES_CONFIGURATION_SET: { Ref: configurationSetId },
          SLA_STATE_MACHINE_ARN: {
            Ref: cfnLogicalId(stack.slaWatch.stateMachine, sfn.CfnStateMachine),
          },
        }),
      },
    });
  });

  it('passes routing rules as JSON when given', () => {
    const withRules = Template.fromStack(
      new RedressStack(appWithoutBundling(), 'Routed', { routingRules: sampleRoutingRules }),
    );
    withRules.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ ROUTING_RULES: JSON.stringify(sampleRoutingRules) }) },
    });
  });

  it('reads and writes cases, consumes the queue, sends nothing to it and mails no one', () => {
    const actions = actionsOf(
      statementsOfRole(template, cfnLogicalId(stack.intakeWorker.worker.role, iam.CfnRole)),
    );
    expect(actions).toEqual(
      expect.arrayContaining([
        'dynamodb:GetItem',
        'dynamodb:PutItem',
        'dynamodb:UpdateItem',
        'sqs:ReceiveMessage',
        'sqs:DeleteMessage',
      ]),
    );
    expect(actions).not.toContain('sqs:SendMessage');
    // The acknowledgement and the watch are owed through the outbox, not done here.
    expect(actions).not.toContain('ses:SendEmail');
    expect(actions).not.toContain('states:StartExecution');
  });
});

describe('ComplaintMail send grant', () => {
  it('names only the identity and the configuration set, never *', () => {
    const expected = [
      stack.resolve(stack.mail.identity.emailIdentityArn),
      stack.resolve(stack.mail.configurationSetArn),
    ];
    // Both ARNs are built on the identity and configuration set of this stack.
    expect(JSON.stringify(expected[0])).toContain(onlyResource(template, 'AWS::SES::EmailIdentity').id);
    expect(JSON.stringify(expected[1])).toContain(onlyResource(template, 'AWS::SES::ConfigurationSet').id);

    const sending = allStatements(template).filter((statement) =>
      actionsOf([statement]).some((action) => action.startsWith('ses:')),
    );
    // Only the effects processor sends: every notice is an outbox record it processes.
    expect(sending).toHaveLength(1);
    for (const statement of sending) {
      expect(actionsOf([statement]).sort()).toEqual(['ses:SendEmail', 'ses:SendRawEmail']);
      expect(resourcesOf(statement)).toEqual(expected);
    }
  });
});
