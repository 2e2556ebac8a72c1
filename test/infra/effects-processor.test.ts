import { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { beforeAll, describe, expect, it } from 'vitest';
import { CaseData } from '../../infra/constructs/case-data.js';
import { ComplaintMail } from '../../infra/constructs/complaint-mail.js';
import { EffectsProcessor } from '../../infra/constructs/effects-processor.js';
import { IdempotencyData } from '../../infra/constructs/idempotency-data.js';
import { SlaWatch } from '../../infra/constructs/sla-watch.js';
import { RedressStack } from '../../infra/stacks/redress-stack.js';
import { effectsStreamSettings } from '../../shared/config/effects-stream-settings.js';
import { defaultIntakeSettings } from '../../shared/config/intake-settings.js';
import { type StaffDirectory, sampleStaffDirectory } from '../../shared/config/staff-directory.js';
import {
  actionsOf,
  appWithoutBundling,
  cfnLogicalId,
  nagFindings,
  statementsOfRole,
} from './template-helpers.js';

/** Actions granted to a function's role, from every policy attached to it. */
const actionsOfRole = (template: Template, role: iam.IRole): string[] =>
  actionsOf(statementsOfRole(template, cfnLogicalId(role, iam.CfnRole)));

describe('EffectsProcessor in the stack', () => {
  let stack: RedressStack;
  let template: Template;

  beforeAll(() => {
    stack = new RedressStack(appWithoutBundling(), 'Redress');
    template = Template.fromStack(stack);
  });

  it('reads new images from the case table stream', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      StreamSpecification: { StreamViewType: 'NEW_IMAGE' },
    });
  });

  it('is fed only new outbox records, retried from the failed record, bisected, then dead-lettered', () => {
    const processorId = cfnLogicalId(stack.effectsProcessor.processor.function, lambda.CfnFunction);
    const mappings = Object.values(template.findResources('AWS::Lambda::EventSourceMapping')).filter(
      (mapping) => mapping.Properties.FunctionName?.Ref === processorId,
    );
    expect(mappings).toHaveLength(1);
    const properties = mappings[0]?.Properties;
    expect(properties.StartingPosition).toBe('TRIM_HORIZON');
    expect(properties.BatchSize).toBe(effectsStreamSettings.batchSize);
    expect(properties.MaximumRetryAttempts).toBe(effectsStreamSettings.retryAttempts);
    expect(properties.BisectBatchOnFunctionError).toBe(true);
    expect(properties.FunctionResponseTypes).toEqual(['ReportBatchItemFailures']);
    expect(properties.DestinationConfig.OnFailure.Destination).toBeDefined();
    expect(JSON.parse(properties.FilterCriteria.Filters[0].Pattern)).toEqual({
      eventName: ['INSERT'],
      dynamodb: { Keys: { sk: { S: [{ prefix: 'OUTBOX#' }] } } },
    });
  });

  it('alone sends mail and starts watches; the handlers that decide only write', () => {
    const processor = actionsOfRole(template, stack.effectsProcessor.processor.role);
    expect(processor).toContain('ses:SendEmail');
    expect(processor).toContain('states:StartExecution');
    for (const role of [stack.intakeWorker.worker.role, stack.slaWatch.step.role]) {
      const actions = actionsOfRole(template, role);
      expect(actions).not.toContain('ses:SendEmail');
      expect(actions).not.toContain('states:StartExecution');
    }
  });

  it('alarms on the first record that failed every retry', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmDescription: Match.stringLikeRegexp('An effect of a case change'),
      Threshold: 0,
    });
  });

  it('has no unacknowledged AwsSolutions findings', () => {
    expect(nagFindings(stack)).toEqual([]);
  });
});

/** The construct alone, for the props the stack does not set. */
const standalone = (staffDirectory: StaffDirectory): { stack: Stack; processor: EffectsProcessor } => {
  const stack = new Stack(appWithoutBundling(), 'Effects');
  const caseData = new CaseData(stack, 'CaseData');
  const processor = new EffectsProcessor(stack, 'Effects', {
    caseData,
    idempotencyData: new IdempotencyData(stack, 'Idempotency', { encryptionKey: caseData.encryptionKey }),
    mail: new ComplaintMail(stack, 'Mail'),
    slaWatch: new SlaWatch(stack, 'SlaWatch', { caseData }),
    intakeSettings: { ...defaultIntakeSettings, publicBaseUrl: 'https://complaints.bank.example' },
    tokenSealSecret: new secretsmanager.Secret(stack, 'Seal'),
    staffDirectory,
  });
  return { stack, processor };
};

describe('EffectsProcessor props', () => {
  it('passes a staff directory as the JSON the handler parses', () => {
    const { stack, processor } = standalone(sampleStaffDirectory);
    const id = cfnLogicalId(processor.processor.function, lambda.CfnFunction);
    const variables =
      Template.fromStack(stack).findResources('AWS::Lambda::Function')[id]?.Properties.Environment.Variables;
    expect(JSON.parse(String(variables?.STAFF_DIRECTORY))).toEqual(sampleStaffDirectory);
  });

  it('fails the synth on a staff directory the handler would reject', () => {
    const broken: StaffDirectory = {
      ...sampleStaffDirectory,
      headOffice: { ladder: { president: 'not an address' } },
    };
    expect(() => standalone(broken)).toThrow(/email/i);
  });

  it('fails the synth on a staff directory too large for the Lambda environment', () => {
    const staff: StaffDirectory['staff'] = {};
    for (let index = 0; index < 100; index += 1) {
      staff[`desk:${index}`] = { name: `Desk ${index}`, email: `desk-${index}@bank.example` };
    }
    expect(() => standalone({ ...sampleStaffDirectory, staff })).toThrow(/staff directory is \d+ bytes/);
  });
});
