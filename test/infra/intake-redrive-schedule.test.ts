import { Duration, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CaseData } from '../../infra/constructs/case-data.js';
import { IntakeQueue } from '../../infra/constructs/intake-queue.js';
import { IntakeRedriveSchedule } from '../../infra/constructs/intake-redrive-schedule.js';
import { RedressStack } from '../../infra/stacks/redress-stack.js';
import {
  actionsOf,
  appWithoutBundling,
  cfnLogicalId,
  deadLetterAlarmShape,
  nagFindings,
  onlyResource,
  resourcesOf,
  statementsOfRole,
} from './template-helpers.js';

const build = (interval?: Duration) => {
  const stack = new Stack(appWithoutBundling(), 'Redrive', {
    env: { account: '111122223333', region: 'cn-north-1' },
  });
  const caseData = new CaseData(stack, 'CaseData');
  const intakeQueue = new IntakeQueue(stack, 'IntakeQueue');
  const redrive = new IntakeRedriveSchedule(stack, 'IntakeRedriveSchedule', {
    caseData,
    intakeQueue,
    interval,
  });
  return { stack, caseData, intakeQueue, redrive };
};

let built: ReturnType<typeof build>;
let template: Template;
let functionId: string;
let deadLetterQueueId: string;

beforeAll(() => {
  built = build();
  template = Template.fromStack(built.stack);
  functionId = cfnLogicalId(built.redrive.redrive.function, lambda.CfnFunction);
  deadLetterQueueId = cfnLogicalId(built.redrive.deadLetterQueue, sqs.CfnQueue);
});

const functionArn = () => ({ 'Fn::GetAtt': [functionId, 'Arn'] });
const deadLetterArn = () => ({ 'Fn::GetAtt': [deadLetterQueueId, 'Arn'] });

describe('IntakeRedriveSchedule: the schedule', () => {
  it('invokes the re-drive function every five minutes, as the scheduler role', () => {
    const { id, properties: schedule } = onlyResource(template, 'AWS::Scheduler::Schedule');
    expect(id).toBe(cfnLogicalId(built.redrive.schedule, scheduler.CfnSchedule));
    expect(schedule).toMatchObject({
      ScheduleExpression: 'rate(5 minutes)',
      State: 'ENABLED',
      FlexibleTimeWindow: { Mode: 'OFF' },
      Target: {
        Arn: functionArn(),
        RoleArn: { 'Fn::GetAtt': [cfnLogicalId(built.redrive.schedulerRole, iam.CfnRole), 'Arn'] },
      },
    });
  });

  it('retries a failed delivery for at most one interval, then dead-letters it', () => {
    const schedule = onlyResource(template, 'AWS::Scheduler::Schedule').properties;
    expect(schedule.Target).toMatchObject({
      RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 300 },
      DeadLetterConfig: { Arn: deadLetterArn() },
    });
  });

  it('takes another interval in whole minutes and refuses one that is not', () => {
    const quarter = Template.fromStack(build(Duration.minutes(15)).stack);
    expect(onlyResource(quarter, 'AWS::Scheduler::Schedule').properties.ScheduleExpression).toBe(
      'rate(15 minutes)',
    );
    for (const interval of [Duration.seconds(90), Duration.seconds(30), Duration.hours(2)]) {
      expect(() => build(interval)).toThrow(/whole minutes between one minute and one hour/);
    }
  });

  it('lets only EventBridge Scheduler of this account assume its role, to invoke the function and dead-letter', () => {
    const roleId = cfnLogicalId(built.redrive.schedulerRole, iam.CfnRole);
    const role = template.findResources('AWS::IAM::Role')[roleId]?.Properties;
    expect(role?.AssumeRolePolicyDocument.Statement).toEqual([
      expect.objectContaining({
        Action: 'sts:AssumeRole',
        Principal: { Service: 'scheduler.amazonaws.com' },
        Condition: {
          StringEquals: expect.objectContaining({ 'aws:SourceAccount': '111122223333' }),
        },
      }),
    ]);
    const statements = statementsOfRole(template, roleId);
    expect(actionsOf(statements).sort()).toEqual(['lambda:InvokeFunction', 'sqs:SendMessage']);
    const invoke = statements.find((statement) => actionsOf([statement]).includes('lambda:InvokeFunction'));
    // The function itself and its versions; no other function.
    expect(invoke && resourcesOf(invoke)).toEqual([
      functionArn(),
      { 'Fn::Join': ['', [functionArn(), ':*']] },
    ]);
    const send = statements.find((statement) => actionsOf([statement]).includes('sqs:SendMessage'));
    expect(send && resourcesOf(send)).toEqual([deadLetterArn()]);
  });
});

describe('IntakeRedriveSchedule: the function', () => {
  it('gets the variables its handler parses', () => {
    const fn = template.findResources('AWS::Lambda::Function')[functionId]?.Properties;
    expect(fn?.Environment.Variables).toMatchObject({
      TABLE_NAME: { Ref: cfnLogicalId(built.caseData.table, dynamodb.CfnTable) },
      INTAKE_QUEUE_URL: { Ref: cfnLogicalId(built.intakeQueue.queue, sqs.CfnQueue) },
    });
    expect(fn?.Runtime).toBe('nodejs22.x');
  });

  it('may send to the intake queue and query the due index, and cannot write the table', () => {
    const statements = statementsOfRole(template, cfnLogicalId(built.redrive.redrive.role, iam.CfnRole));
    const actions = actionsOf(statements);
    const tableId = cfnLogicalId(built.caseData.table, dynamodb.CfnTable);
    const queueArn = { 'Fn::GetAtt': [cfnLogicalId(built.intakeQueue.queue, sqs.CfnQueue), 'Arn'] };

    const sendToIntake = statements.filter((statement) =>
      JSON.stringify(resourcesOf(statement)).includes(JSON.stringify(queueArn)),
    );
    expect(actionsOf(sendToIntake)).toContain('sqs:SendMessage');
    // The worker consumes the queue; the re-drive only adds to it.
    expect(actionsOf(sendToIntake)).not.toContain('sqs:ReceiveMessage');
    expect(actionsOf(sendToIntake)).not.toContain('sqs:DeleteMessage');

    const tableStatements = statements.filter((statement) =>
      actionsOf([statement]).some((action) => action.startsWith('dynamodb:')),
    );
    expect(actionsOf(tableStatements)).toEqual(['dynamodb:Query']);
    expect(tableStatements.flatMap(resourcesOf)).toEqual([
      { 'Fn::Join': ['', [{ 'Fn::GetAtt': [tableId, 'Arn'] }, '/index/due-by-time']] },
    ]);
    for (const write of ['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'ConditionCheckItem']) {
      expect(actions).not.toContain(`dynamodb:${write}`);
    }

    // Decrypts what it reads with the case key; encrypts nothing with it.
    const keyArn = { 'Fn::GetAtt': [cfnLogicalId(built.caseData.encryptionKey, kms.CfnKey), 'Arn'] };
    const keyStatements = statements.filter((statement) =>
      actionsOf([statement]).some((action) => action.startsWith('kms:')),
    );
    expect(actionsOf(keyStatements).sort()).toEqual(['kms:Decrypt', 'kms:DescribeKey']);
    expect(keyStatements.flatMap(resourcesOf)).toEqual([keyArn]);
  });

  it('sends a run that still fails after its retries to the dead-letter queue', () => {
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: functionId },
      MaximumRetryAttempts: 2,
      MaximumEventAgeInSeconds: 300,
      DestinationConfig: { OnFailure: { Destination: deadLetterArn() } },
    });
  });
});

describe('IntakeRedriveSchedule: failures', () => {
  it('keeps dead letters encrypted for 14 days and alarms at the first one', () => {
    const queue = template.findResources('AWS::SQS::Queue')[deadLetterQueueId]?.Properties;
    expect(queue).toMatchObject({ SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 24 * 3600 });
    const alarm =
      template.findResources('AWS::CloudWatch::Alarm')[
        cfnLogicalId(built.redrive.deadLetterAlarm, cloudwatch.CfnAlarm)
      ]?.Properties;
    expect(alarm).toMatchObject(deadLetterAlarmShape(deadLetterQueueId));
  });

  it('has no unacknowledged AwsSolutions findings', () => {
    expect(nagFindings(built.stack)).toEqual([]);
  });
});

describe('RedressStack', () => {
  it('runs the re-drive on the stack’s case table and intake queue', () => {
    const stack = new RedressStack(appWithoutBundling(), 'Redress');
    const stackTemplate = Template.fromStack(stack);
    const fn =
      stackTemplate.findResources('AWS::Lambda::Function')[
        cfnLogicalId(stack.intakeRedriveSchedule.redrive.function, lambda.CfnFunction)
      ]?.Properties;
    expect(fn?.Environment.Variables).toMatchObject({
      TABLE_NAME: { Ref: cfnLogicalId(stack.caseData.table, dynamodb.CfnTable) },
      INTAKE_QUEUE_URL: { Ref: cfnLogicalId(stack.intakeQueue.queue, sqs.CfnQueue) },
    });
    stackTemplate.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(5 minutes)',
    });
  });
});
