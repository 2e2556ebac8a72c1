import { Duration, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as ses from 'aws-cdk-lib/aws-ses';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { beforeAll, describe, expect, it } from 'vitest';
import { sesDeliveryDetailTypes } from '../../functions/delivery-events/ses-delivery-event.js';
import { CaseData } from '../../infra/constructs/case-data.js';
import { ComplaintMail } from '../../infra/constructs/complaint-mail.js';
import { DeliveryEvents } from '../../infra/constructs/delivery-events.js';
import {
  actionsOf,
  appWithoutBundling,
  cfnLogicalId,
  nagFindings,
  onlyResource,
  statementsOfRole,
} from './template-helpers.js';

let stack: Stack;
let mail: ComplaintMail;
let delivery: DeliveryEvents;
let template: Template;

beforeAll(() => {
  stack = new Stack(appWithoutBundling(), 'Delivery', {
    env: { account: '111122223333', region: 'cn-north-1' },
  });
  mail = new ComplaintMail(stack, 'Mail');
  delivery = new DeliveryEvents(stack, 'DeliveryEvents', { caseData: new CaseData(stack, 'CaseData'), mail });
  template = Template.fromStack(stack);
});

describe('DeliveryEvents', () => {
  it('publishes the five recorded event types of the notices configuration set to the default bus', () => {
    const destination = onlyResource(template, 'AWS::SES::ConfigurationSetEventDestination').properties;
    expect(destination.ConfigurationSetName).toEqual({
      Ref: cfnLogicalId(mail.configurationSet, ses.CfnConfigurationSet),
    });
    expect(destination.EventDestination).toMatchObject({
      Enabled: true,
      MatchingEventTypes: ['delivery', 'bounce', 'complaint', 'reject', 'renderingFailure'],
      EventBridgeDestination: { EventBusArn: expect.anything() },
    });
    expect(JSON.stringify(destination.EventDestination)).toContain('event-bus/default');
  });

  it('routes only SES events of that configuration set to the recorder', () => {
    const functionId = cfnLogicalId(delivery.recorder.function, lambda.CfnFunction);
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: {
        source: ['aws.ses'],
        'detail-type': Object.values(sesDeliveryDetailTypes),
        detail: {
          mail: {
            tags: {
              'ses:configuration-set': [
                { Ref: cfnLogicalId(mail.configurationSet, ses.CfnConfigurationSet) },
              ],
            },
          },
        },
      },
      Targets: [
        Match.objectLike({
          Arn: { 'Fn::GetAtt': [functionId, 'Arn'] },
          DeadLetterConfig: {
            Arn: { 'Fn::GetAtt': [cfnLogicalId(delivery.deadLetterQueue, sqs.CfnQueue), 'Arn'] },
          },
        }),
      ],
    });
  });

  it('sends failed reports to the dead-letter queue after two retries, and alarms on it', () => {
    const queueArn = { 'Fn::GetAtt': [cfnLogicalId(delivery.deadLetterQueue, sqs.CfnQueue), 'Arn'] };
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      MaximumRetryAttempts: 2,
      DestinationConfig: { OnFailure: { Destination: queueArn } },
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
      MetricName: 'ApproximateNumberOfMessagesVisible',
    });
  });

  it('gives the recorder the case table and nothing to send mail or start workflows with', () => {
    const actions = actionsOf(statementsOfRole(template, cfnLogicalId(delivery.recorder.role, iam.CfnRole)));
    expect(actions).toEqual(
      expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem']),
    );
    expect(actions.filter((action) => /^(ses|states|sqs:Receive)/.test(action))).toEqual([]);
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp('SES delivery'),
      Environment: { Variables: Match.objectLike({ TABLE_NAME: Match.anyValue() }) },
    });
  });

  it('refuses a maxEventAge beyond what Lambda keeps', () => {
    const other = new Stack(appWithoutBundling(), 'Other');
    expect(
      () =>
        new DeliveryEvents(other, 'DeliveryEvents', {
          caseData: new CaseData(other, 'CaseData'),
          mail: new ComplaintMail(other, 'Mail'),
          maxEventAge: Duration.hours(7),
        }),
    ).toThrow(/maxEventAge/);
  });

  it('has no unacknowledged AwsSolutions findings', () => {
    expect(nagFindings(stack)).toEqual([]);
  });
});
