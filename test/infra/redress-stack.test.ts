import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
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

  it('runs every function on nodejs22.x, arm64', () => {
    const functions = Object.values(template.findResources('AWS::Lambda::Function'));
    // The API functions and the worker; a helper Lambda sneaking in would show here.
    expect(functions).toHaveLength(apiFunctionNames.length + 1);
    for (const fn of functions) {
      expect(fn.Properties.Runtime).toBe('nodejs22.x');
      expect(fn.Properties.Architectures).toEqual(['arm64']);
    }
  });

  it('gives every function a log group with a retention', () => {
    const functions = Object.values(template.findResources('AWS::Lambda::Function'));
    for (const fn of functions) {
      const logGroupId: unknown = fn.Properties.LoggingConfig?.LogGroup?.Ref;
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
