import { Duration, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as ses from 'aws-cdk-lib/aws-ses';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { beforeAll, describe, expect, it } from 'vitest';
import { intakeSettingsEnvironment } from '../../infra/constructs/app-environment.js';
import { objectWildcardFinding } from '../../infra/constructs/bucket-hardening.js';
import { CaseData } from '../../infra/constructs/case-data.js';
import { ComplaintMail, defaultComplaintsAddress } from '../../infra/constructs/complaint-mail.js';
import { EmailGateway, type EmailGatewayProps } from '../../infra/constructs/email-gateway.js';
import { IdempotencyData } from '../../infra/constructs/idempotency-data.js';
import { IntakeQueue } from '../../infra/constructs/intake-queue.js';
import { MailReceiving, type MailReceivingSettings } from '../../infra/constructs/mail-receiving.js';
import { defaultPublicBaseUrl, RedressStack } from '../../infra/stacks/redress-stack.js';
import { defaultIntakeSettings } from '../../shared/config/intake-settings.js';
import {
  actionsOf,
  appWithoutBundling,
  cfnLogicalId,
  nagFindings,
  resourcesOf,
  type Statement,
  statementsOfRole,
} from './template-helpers.js';

interface Built {
  stack: Stack;
  receiving: MailReceiving;
  gateway: EmailGateway;
  caseData: CaseData;
  idempotencyData: IdempotencyData;
  intakeQueue: IntakeQueue;
  template: Template;
}

/** The gateway with the data constructs it is wired to, and nothing else of the app. */
const build = (
  settings: MailReceivingSettings = {},
  gatewayProps: Partial<Pick<EmailGatewayProps, 'maxEventAge'>> = {},
): Built => {
  const stack = new Stack(appWithoutBundling(), 'Test');
  const caseData = new CaseData(stack, 'CaseData');
  const idempotencyData = new IdempotencyData(stack, 'IdempotencyData', {
    encryptionKey: caseData.encryptionKey,
  });
  const intakeQueue = new IntakeQueue(stack, 'IntakeQueue');
  const mail = new ComplaintMail(stack, 'Mail');
  const receiving = new MailReceiving(stack, 'Receiving', { ...settings, mail });
  const gateway = new EmailGateway(stack, 'EmailGateway', {
    receiving,
    caseData,
    idempotencyData,
    intakeQueue,
    mail,
    intakeSettings: { ...defaultIntakeSettings, publicBaseUrl: defaultPublicBaseUrl },
    ...gatewayProps,
  });
  return {
    stack,
    receiving,
    gateway,
    caseData,
    idempotencyData,
    intakeQueue,
    template: Template.fromStack(stack),
  };
};

const bucketId = (bucket: s3.IBucket) => cfnLogicalId(bucket, s3.CfnBucket);
const arnOf = (id: string) => ({ 'Fn::GetAtt': [id, 'Arn'] });
const objectsUnder = (id: string, prefix: string) => ({ 'Fn::Join': ['', [arnOf(id), `/${prefix}*`]] });

const bucketProperties = (template: Template, id: string): Record<string, unknown> => {
  const properties = template.findResources('AWS::S3::Bucket')[id]?.Properties;
  if (properties === undefined) throw new Error(`no bucket ${id}`);
  return properties;
};

const bucketPolicyStatements = (template: Template, id: string): Statement[] => {
  const policies = Object.values(
    template.findResources('AWS::S3::BucketPolicy', { Properties: { Bucket: { Ref: id } } }),
  );
  expect(policies).toHaveLength(1);
  return policies[0]?.Properties.PolicyDocument.Statement;
};

let built: Built;
let template: Template;
let inboundId: string;
let attachmentsId: string;

beforeAll(() => {
  built = build();
  template = built.template;
  inboundId = bucketId(built.receiving.bucket);
  attachmentsId = bucketId(built.gateway.attachmentsBucket);
});

describe('MailReceiving receipt rule', () => {
  it('scans for spam and viruses, requires TLS and stores raw mail under inbound/ of the inbound bucket', () => {
    const ruleSetId = cfnLogicalId(built.receiving.ruleSet, ses.CfnReceiptRuleSet);
    template.hasResourceProperties('AWS::SES::ReceiptRule', {
      RuleSetName: { Ref: ruleSetId },
      Rule: {
        Enabled: true,
        ScanEnabled: true,
        TlsPolicy: 'Require',
        Recipients: [defaultComplaintsAddress],
        Actions: [{ S3Action: { BucketName: { Ref: inboundId }, ObjectKeyPrefix: 'inbound/' } }],
      },
    });
  });

  it('is created only after the bucket policy that lets SES write exists', () => {
    const policyId = Object.keys(
      template.findResources('AWS::S3::BucketPolicy', { Properties: { Bucket: { Ref: inboundId } } }),
    )[0];
    template.hasResource('AWS::SES::ReceiptRule', { DependsOn: Match.arrayWith([policyId]) });
  });

  it('takes in the configured addresses and domains', () => {
    const recipients = ['complaints@bank.example', 'tousu@bank.example', '.branches.bank.example'];
    build({ recipients }).template.hasResourceProperties('AWS::SES::ReceiptRule', {
      Rule: Match.objectLike({ Recipients: recipients }),
    });
  });

  it('refuses no recipients (SES would take every address) and anything not an address or domain', () => {
    expect(() => build({ recipients: [] })).toThrow(/recipients must list/);
    expect(() => build({ recipients: ['complaints at bank'] })).toThrow(/complaints at bank/);
  });
});

describe('inbound mail bucket', () => {
  it('lets only SES put objects, only under inbound/, only for this account and rule set', () => {
    const statements = bucketPolicyStatements(template, inboundId);
    const allows = statements.filter((statement) => statement.Effect === 'Allow');
    expect(allows).toHaveLength(1);
    const ruleSetId = cfnLogicalId(built.receiving.ruleSet, ses.CfnReceiptRuleSet);
    expect(allows[0]).toMatchObject({
      Principal: { Service: 'ses.amazonaws.com' },
      Action: 's3:PutObject',
      Resource: objectsUnder(inboundId, 'inbound/'),
      Condition: {
        StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
        // Any rule of this stack's rule set: arn:<partition>:ses:<region>:<account>:receipt-rule-set/<set>:receipt-rule/*
        ArnLike: {
          'aws:SourceArn': {
            'Fn::Join': [
              '',
              [
                'arn:',
                { Ref: 'AWS::Partition' },
                ':ses:',
                { Ref: 'AWS::Region' },
                ':',
                { Ref: 'AWS::AccountId' },
                ':receipt-rule-set/',
                { Ref: ruleSetId },
                ':receipt-rule/*',
              ],
            ],
          },
        },
      },
    });
    // Everything else in the policy denies: plain HTTP and TLS below 1.2.
    for (const statement of statements.filter((s) => s.Effect !== 'Allow')) {
      expect(statement.Effect).toBe('Deny');
      expect(JSON.stringify(statement.Condition)).toMatch(/aws:SecureTransport|s3:TlsVersion/);
    }
  });

  it('expires raw mail after 400 days by default, or the configured retention', () => {
    expect(bucketProperties(template, inboundId).LifecycleConfiguration).toMatchObject({
      Rules: [expect.objectContaining({ ExpirationInDays: 400, Status: 'Enabled' })],
    });
    const longer = build({ rawMailRetention: Duration.days(1100) });
    expect(
      bucketProperties(longer.template, bucketId(longer.receiving.bucket)).LifecycleConfiguration,
    ).toMatchObject({ Rules: [expect.objectContaining({ ExpirationInDays: 1100 })] });
  });

  it('is encrypted, private, unversioned, retained and logs its requests', () => {
    const properties = bucketProperties(template, inboundId);
    expect(properties).toMatchObject({
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      LoggingConfiguration: {
        DestinationBucketName: { Ref: bucketId(built.receiving.accessLogsBucket) },
        LogFilePrefix: 'inbound-mail/',
      },
    });
    expect(properties.VersioningConfiguration).toBeUndefined();
    template.hasResource('AWS::S3::Bucket', {
      Properties: Match.objectLike({
        LoggingConfiguration: Match.objectLike({ LogFilePrefix: 'inbound-mail/' }),
      }),
      DeletionPolicy: 'Retain',
    });
  });
});

describe('attachments bucket', () => {
  it('keeps attachments: no expiry of current objects, versioned, same hardening', () => {
    const properties = bucketProperties(template, attachmentsId);
    const rules = (properties.LifecycleConfiguration as { Rules: Record<string, unknown>[] }).Rules;
    for (const rule of rules) expect(rule.ExpirationInDays ?? rule.ExpirationDate).toBeUndefined();
    expect(properties).toMatchObject({
      VersioningConfiguration: { Status: 'Enabled' },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, RestrictPublicBuckets: true },
      LoggingConfiguration: { LogFilePrefix: 'case-attachments/' },
    });
    const statements = bucketPolicyStatements(template, attachmentsId);
    expect(statements.filter((statement) => statement.Effect === 'Allow')).toEqual([]);
  });
});

describe('EmailGateway function', () => {
  let functionId: string;
  let roleId: string;
  let statements: Statement[];

  beforeAll(() => {
    functionId = cfnLogicalId(built.gateway.gateway.function, lambda.CfnFunction);
    roleId = cfnLogicalId(built.gateway.gateway.role, iam.CfnRole);
    statements = statementsOfRole(template, roleId);
  });

  const resourcesFor = (action: string) =>
    statements.filter((statement) => actionsOf([statement]).includes(action)).flatMap(resourcesOf);

  it('runs 60 s with 1024 MB and gets every variable its handler parses', () => {
    const properties = template.findResources('AWS::Lambda::Function')[functionId]?.Properties;
    expect(properties).toMatchObject({ Timeout: 60, MemorySize: 1024, Runtime: 'nodejs22.x' });
    expect(properties.Environment.Variables).toMatchObject({
      TABLE_NAME: { Ref: cfnLogicalId(built.caseData.table, dynamodb.CfnTable) },
      IDEMPOTENCY_TABLE_NAME: { Ref: cfnLogicalId(built.idempotencyData.table, dynamodb.CfnTable) },
      INTAKE_QUEUE_URL: { Ref: cfnLogicalId(built.intakeQueue.queue, sqs.CfnQueue) },
      ATTACHMENTS_BUCKET: { Ref: attachmentsId },
      SENDER_ADDRESS: 'complaints-noreply@bank.example',
      COMPLAINTS_ADDRESS: defaultComplaintsAddress,
      PUBLIC_BASE_URL: defaultPublicBaseUrl,
    });
    for (const name of Object.keys(
      intakeSettingsEnvironment({ ...defaultIntakeSettings, publicBaseUrl: 'https://a.example' }),
    )) {
      expect(properties.Environment.Variables[name], name).toEqual(expect.any(String));
    }
  });

  it('is invoked by S3 "object created" under inbound/ of the inbound bucket, after the rule exists', () => {
    const ruleId = cfnLogicalId(built.receiving.rule, ses.CfnReceiptRule);
    template.hasResource('Custom::S3BucketNotifications', {
      Properties: Match.objectLike({
        BucketName: { Ref: inboundId },
        NotificationConfiguration: {
          LambdaFunctionConfigurations: [
            {
              Events: ['s3:ObjectCreated:*'],
              Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'inbound/' }] } },
              LambdaFunctionArn: arnOf(functionId),
            },
          ],
        },
      }),
      DependsOn: Match.arrayWith([ruleId]),
    });
    template.hasResourceProperties('AWS::Lambda::Permission', {
      FunctionName: arnOf(functionId),
      Principal: 's3.amazonaws.com',
      SourceArn: arnOf(inboundId),
      SourceAccount: { Ref: 'AWS::AccountId' },
    });
  });

  it('reads raw mail only under inbound/ and writes only attachments/ of the attachments bucket', () => {
    const s3Actions = actionsOf(statements).filter((action) => action.startsWith('s3:'));
    expect(s3Actions.sort()).toEqual(['s3:GetObject', 's3:PutObject']);
    expect(resourcesFor('s3:GetObject')).toEqual([objectsUnder(inboundId, 'inbound/')]);
    expect(resourcesFor('s3:PutObject')).toEqual([objectsUnder(attachmentsId, 'attachments/')]);
  });

  it('sends no mail, deletes no object and has no wildcard action', () => {
    const actions = actionsOf(statements);
    expect(actions.filter((action) => action.startsWith('ses:'))).toEqual([]);
    expect(actions.filter((action) => action.startsWith('s3:Delete'))).toEqual([]);
    expect(actions.filter((action) => action.includes('*'))).toEqual([]);
  });

  it('reads and writes cases and idempotency records, sends to the intake queue', () => {
    expect(actionsOf(statements)).toEqual(
      expect.arrayContaining([
        'dynamodb:GetItem',
        'dynamodb:Query',
        'dynamodb:PutItem',
        'dynamodb:UpdateItem',
        'dynamodb:ConditionCheckItem',
        'sqs:SendMessage',
      ]),
    );
    expect(resourcesFor('sqs:SendMessage').sort()).toEqual(
      [
        arnOf(cfnLogicalId(built.intakeQueue.queue, sqs.CfnQueue)),
        arnOf(cfnLogicalId(built.gateway.deadLetterQueue, sqs.CfnQueue)),
      ].sort(),
    );
  });

  it('retries a failed invocation twice, then sends it to the dead-letter queue', () => {
    const deadLetterId = cfnLogicalId(built.gateway.deadLetterQueue, sqs.CfnQueue);
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: functionId },
      Qualifier: '$LATEST',
      MaximumRetryAttempts: 2,
      MaximumEventAgeInSeconds: 6 * 3600,
      DestinationConfig: { OnFailure: { Destination: arnOf(deadLetterId) } },
    });
    const shorter = build({}, { maxEventAge: Duration.hours(1) });
    shorter.template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      MaximumEventAgeInSeconds: 3600,
    });
    expect(() => build({}, { maxEventAge: Duration.hours(7) })).toThrow(/maxEventAge/);
  });
});

describe('gateway dead-letter queue', () => {
  it('is encrypted, TLS only and keeps failures 14 days', () => {
    const deadLetterId = cfnLogicalId(built.gateway.deadLetterQueue, sqs.CfnQueue);
    template.hasResourceProperties('AWS::SQS::Queue', {
      SqsManagedSseEnabled: true,
      MessageRetentionPeriod: 14 * 24 * 3600,
    });
    expect(template.findResources('AWS::SQS::Queue')[deadLetterId]?.Properties.MessageRetentionPeriod).toBe(
      14 * 24 * 3600,
    );
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: deadLetterId }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('alarms as soon as one failed mail is visible', () => {
    const deadLetterId = cfnLogicalId(built.gateway.deadLetterQueue, sqs.CfnQueue);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [deadLetterId, 'QueueName'] } }],
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
      EvaluationPeriods: 1,
      TreatMissingData: 'notBreaching',
    });
  });
});

describe('cdk-nag', () => {
  it('has nothing unacknowledged to report', () => {
    expect(nagFindings(built.stack)).toEqual([]);
  });

  it('acknowledges exactly the object-prefix findings the two grants raise', () => {
    // Without the gateway's acknowledgements, a role with the same grants shows the same ids.
    const stack = new Stack(appWithoutBundling(), 'Bare');
    const receiving = new MailReceiving(stack, 'Receiving', { mail: new ComplaintMail(stack, 'Mail') });
    const role = new iam.Role(stack, 'Reader', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    });
    receiving.grantReadMail(role);
    const expected = objectWildcardFinding(receiving.bucket, 'inbound/');
    expect(nagFindings(stack)).toEqual([expect.stringContaining(`${expected} at Bare/Reader/DefaultPolicy`)]);
  });

  it('still reports a wildcard that lands in the gateway role', () => {
    const { stack, gateway } = build();
    gateway.gateway.role.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['*'] }),
    );
    expect(nagFindings(stack)).toEqual([
      expect.stringMatching(
        /AwsSolutions-IAM5\[Resource::\*\] at Test\/EmailGateway\/Gateway\/Role\/DefaultPolicy/,
      ),
    ]);
  });
});

describe('stack outputs', () => {
  it('names the buckets and the rule set the operator activates', () => {
    const stack = new RedressStack(appWithoutBundling(), 'Redress');
    const outputs = Template.fromStack(stack);
    outputs.hasOutput('InboundMailBucketName', { Value: { Ref: bucketId(stack.mailReceiving.bucket) } });
    outputs.hasOutput('AttachmentsBucketName', {
      Value: { Ref: bucketId(stack.emailGateway.attachmentsBucket) },
    });
    outputs.hasOutput('ReceiptRuleSetName', {
      Value: { Ref: cfnLogicalId(stack.mailReceiving.ruleSet, ses.CfnReceiptRuleSet) },
    });
  });
});
