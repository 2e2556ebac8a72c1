import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiFunctionNames } from '../../infra/api-routes.js';
import { CaseData } from '../../infra/constructs/case-data.js';
import { RedressStack } from '../../infra/stacks/redress-stack.js';
import { appWithoutBundling, cfnLogicalId, nagFindings } from './template-helpers.js';

describe('RedressStack', () => {
  let stack: RedressStack;
  let template: Template;

  beforeAll(() => {
    stack = new RedressStack(appWithoutBundling(), 'Redress');
    template = Template.fromStack(stack);
  });

  it('has no unacknowledged AwsSolutions findings, errors or warnings', () => {
    expect(nagFindings(stack)).toEqual([]);
  });

  /** Logical ids of the app's own functions, all built by RedressFunction. */
  const appFunctionIds = (): string[] =>
    [
      ...stack.intakeApi.functions.values(),
      stack.intakeWorker.worker,
      stack.emailGateway.gateway,
      stack.slaWatch.step,
      stack.deliveryEvents.recorder,
      stack.effectsProcessor.processor,
      stack.intakeRedriveSchedule.redrive,
    ].map((fn) => cfnLogicalId(fn.function, lambda.CfnFunction));

  it('has no Lambda besides the app functions and the S3 notifications custom resource', () => {
    const functions = template.findResources('AWS::Lambda::Function');
    expect(appFunctionIds()).toHaveLength(apiFunctionNames.length + 6);
    const helpers = Object.entries(functions).filter(([id]) => !appFunctionIds().includes(id));
    // aws-cdk-lib sets the gateway's bucket notification through this one; anything else sneaking in shows here.
    expect(helpers.map(([, fn]) => fn.Properties.Description)).toEqual([
      'AWS CloudFormation handler for "Custom::S3BucketNotifications" resources (@aws-cdk/aws-s3)',
    ]);
  });

  it('runs every app function on nodejs22.x, arm64', () => {
    const functions = template.findResources('AWS::Lambda::Function');
    for (const id of appFunctionIds()) {
      expect(functions[id]?.Properties.Runtime).toBe('nodejs22.x');
      expect(functions[id]?.Properties.Architectures).toEqual(['arm64']);
    }
  });

  it('gives every app function a log group with a retention', () => {
    const functions = template.findResources('AWS::Lambda::Function');
    for (const id of appFunctionIds()) {
      const logGroupId: unknown = functions[id]?.Properties.LoggingConfig?.LogGroup?.Ref;
      expect(typeof logGroupId).toBe('string');
      expect(
        template.findResources('AWS::Logs::LogGroup')[String(logGroupId)]?.Properties.RetentionInDays,
      ).toEqual(expect.any(Number));
    }
  });

  it('exports the case table name, the API URL and both queue URLs', () => {
    const table = cfnLogicalId(stack.caseData.table, dynamodb.CfnTable);
    template.hasOutput('CaseTableName', { Value: { Ref: table } });
    template.hasOutput('ApiUrl', { Value: stack.resolve(stack.intakeApi.api.url) });
    template.hasOutput('IntakeQueueUrl', {
      Value: { Ref: cfnLogicalId(stack.intakeQueue.queue, sqs.CfnQueue) },
    });
    template.hasOutput('IntakeDeadLetterQueueUrl', {
      Value: { Ref: cfnLogicalId(stack.intakeQueue.deadLetterQueue, sqs.CfnQueue) },
    });
  });

  it('encrypts the idempotency table with the case key', () => {
    expect(stack.idempotencyData.encryptionKey).toBe(stack.caseData.encryptionKey);
  });
});

describe('cdk-nag check is live', () => {
  it('reports a table without point-in-time recovery (AwsSolutions-DDB3)', () => {
    const stack = new RedressStack(appWithoutBundling(), 'Redress', {
      caseData: { pointInTimeRecovery: false },
    });
    expect(nagFindings(stack)).toEqual([
      expect.stringMatching(/AwsSolutions-DDB3 at Redress\/CaseData\/Table/),
    ]);
  });

  it('finds no wildcard (AwsSolutions-IAM5) in the case grants a function would get', () => {
    const stack = new Stack(appWithoutBundling(), 'Grants');
    const caseData = new CaseData(stack, 'CaseData');
    const role = new iam.Role(stack, 'Worker', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    });
    caseData.grantReadWriteCases(role);
    expect(nagFindings(stack)).toEqual([]);
  });

  it('reports a wildcard that lands in a function role outside the X-Ray policy', () => {
    const stack = new RedressStack(appWithoutBundling(), 'Redress');
    stack.intakeWorker.worker.role.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['ses:SendEmail'], resources: ['*'] }),
    );
    expect(nagFindings(stack)).toEqual([
      expect.stringMatching(/AwsSolutions-IAM5.* at Redress\/IntakeWorker\/Worker\/Role\/DefaultPolicy/),
    ]);
  });
});
