import { App, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { describe, expect, it } from 'vitest';
import { CaseData, type CaseDataProps } from '../../infra/constructs/case-data.js';
import { caseTable, caseTableKeyAttributes } from '../../shared/adapters/dynamodb/case-table.js';

interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
}

interface Built {
  stack: Stack;
  caseData: CaseData;
  template: () => Template;
}

function build(props?: CaseDataProps): Built {
  const stack = new Stack(new App(), 'Test');
  const caseData = new CaseData(stack, 'CaseData', props);
  return { stack, caseData, template: () => Template.fromStack(stack) };
}

function logicalId(construct: { node: { defaultChild?: unknown } }, stack: Stack): string {
  const child = construct.node.defaultChild;
  if (!(child instanceof iam.CfnRole || child instanceof kms.CfnKey)) throw new Error('unexpected construct');
  return stack.getLogicalId(child);
}

function lambdaRole(stack: Stack, id: string): iam.Role {
  return new iam.Role(stack, id, { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
}

function statementsFor(template: Template, roleId: string): Statement[] {
  const policies = template.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: roleId }] } });
  return Object.values(policies).flatMap((policy): Statement[] => policy.Properties.PolicyDocument.Statement);
}

function actionsOf(statements: Statement[]): string[] {
  return statements.flatMap((statement) =>
    typeof statement.Action === 'string' ? [statement.Action] : statement.Action,
  );
}

function tableProperties(template: Template): Record<string, unknown> {
  const [table, ...others] = Object.values(template.findResources('AWS::DynamoDB::Table'));
  if (!table || others.length > 0) throw new Error('expected exactly one table');
  return table.Properties;
}

const tableArn = (template: Template) => {
  const [id] = Object.keys(template.findResources('AWS::DynamoDB::Table'));
  return { 'Fn::GetAtt': [id, 'Arn'] };
};

describe('CaseData table shape follows the shared caseTable description', () => {
  const { template } = build();
  const synthesized = template();

  it('keys on caseTable.partitionKey / sortKey, every key attribute a string', () => {
    const properties = tableProperties(synthesized);
    expect(properties.KeySchema).toEqual([
      { AttributeName: caseTable.partitionKey, KeyType: 'HASH' },
      { AttributeName: caseTable.sortKey, KeyType: 'RANGE' },
    ]);
    expect(properties.AttributeDefinitions).toEqual(
      expect.arrayContaining(
        caseTableKeyAttributes.map((name) => ({ AttributeName: name, AttributeType: 'S' })),
      ),
    );
    // No attribute that caseTable does not name (a typo would add one and drift from local).
    expect(properties.AttributeDefinitions).toHaveLength(new Set(caseTableKeyAttributes).size);
  });

  it.each(Object.values(caseTable.indexes))('has GSI $indexName with its keys, projecting ALL', (index) => {
    synthesized.hasResourceProperties('AWS::DynamoDB::Table', {
      GlobalSecondaryIndexes: Match.arrayWith([
        {
          IndexName: index.indexName,
          KeySchema: [
            { AttributeName: index.partitionKey, KeyType: 'HASH' },
            { AttributeName: index.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ]),
    });
  });

  it('has no index the description does not name', () => {
    const indexes = tableProperties(synthesized).GlobalSecondaryIndexes;
    expect(Array.isArray(indexes) && indexes.map((index: { IndexName: string }) => index.IndexName)).toEqual(
      Object.values(caseTable.indexes).map((index) => index.indexName),
    );
  });

  it('is on-demand, expires items on the TTL attribute, keeps point-in-time recovery', () => {
    synthesized.hasResourceProperties('AWS::DynamoDB::Table', {
      BillingMode: 'PAY_PER_REQUEST',
      TimeToLiveSpecification: { AttributeName: caseTable.ttlAttribute, Enabled: true },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    });
  });

  it('is encrypted with a customer-managed key whose rotation is on', () => {
    const keys = synthesized.findResources('AWS::KMS::Key', { Properties: { EnableKeyRotation: true } });
    const [keyId] = Object.keys(keys);
    expect(keyId).toBeDefined();
    synthesized.hasResourceProperties('AWS::DynamoDB::Table', {
      SSESpecification: {
        SSEEnabled: true,
        SSEType: 'KMS',
        KMSMasterKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] },
      },
    });
  });

  it('survives stack deletion: deletion protection on, table and key retained', () => {
    synthesized.hasResource('AWS::DynamoDB::Table', {
      Properties: Match.objectLike({ DeletionProtectionEnabled: true }),
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
    synthesized.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });
});

describe('CaseData props', () => {
  it('uses a key it is given instead of creating one', () => {
    const stack = new Stack(new App(), 'Test');
    const key = new kms.Key(stack, 'SharedKey', { enableKeyRotation: true });
    new CaseData(stack, 'CaseData', { encryptionKey: key });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      SSESpecification: { KMSMasterKeyId: { 'Fn::GetAtt': [logicalId(key, stack), 'Arn'] } },
    });
    expect(Object.keys(template.findResources('AWS::KMS::Key'))).toEqual([logicalId(key, stack)]);
  });

  it('refuses DESTROY while deletion protection is on', () => {
    expect(() => build({ removalPolicy: RemovalPolicy.DESTROY })).toThrow(/deletionProtection: false/);
  });

  it('can be made disposable for short-lived stacks', () => {
    const template = build({ removalPolicy: RemovalPolicy.DESTROY, deletionProtection: false }).template();
    template.hasResource('AWS::DynamoDB::Table', {
      Properties: Match.objectLike({ DeletionProtectionEnabled: false }),
      DeletionPolicy: 'Delete',
    });
    template.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Delete' });
  });
});

describe('CaseData grants', () => {
  const writeLike = /^dynamodb:(PutItem|UpdateItem|DeleteItem|BatchWriteItem|ConditionCheckItem|\*)$/;

  it('grantReadCases: item reads on table and named indexes, key decrypt, nothing that writes', () => {
    const { stack, caseData, template } = build();
    const reader = lambdaRole(stack, 'Reader');
    caseData.grantReadCases(reader);
    const synthesized = template();
    const statements = statementsFor(synthesized, logicalId(reader, stack));
    const actions = actionsOf(statements);

    expect(actions.filter((action) => action.startsWith('dynamodb:')).sort()).toEqual(
      ['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:Query'].sort(),
    );
    expect(actions.filter((action) => writeLike.test(action))).toEqual([]);
    expect(actions).not.toContain('dynamodb:Scan');
    expect(actions.filter((action) => action.startsWith('kms:')).sort()).toEqual([
      'kms:Decrypt',
      'kms:DescribeKey',
    ]);

    const dynamoStatement = statements.find((statement) => actionsOf([statement]).includes('dynamodb:Query'));
    expect(dynamoStatement?.Resource).toEqual(
      expect.arrayContaining([
        tableArn(synthesized),
        ...Object.values(caseTable.indexes).map((index) => ({
          'Fn::Join': ['', [tableArn(synthesized), `/index/${index.indexName}`]],
        })),
      ]),
    );
  });

  it('grantWriteCases: conditional put/update only, no delete, no batch write, no read', () => {
    const { stack, caseData, template } = build();
    const writer = lambdaRole(stack, 'Writer');
    caseData.grantWriteCases(writer);
    const synthesized = template();
    const statements = statementsFor(synthesized, logicalId(writer, stack));
    const actions = actionsOf(statements);

    expect(actions.filter((action) => action.startsWith('dynamodb:')).sort()).toEqual(
      ['dynamodb:ConditionCheckItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'].sort(),
    );
    expect(actions).toEqual(expect.arrayContaining(['kms:Encrypt', 'kms:GenerateDataKey', 'kms:Decrypt']));
    const dynamoStatement = statements.find((statement) =>
      actionsOf([statement]).includes('dynamodb:PutItem'),
    );
    expect(dynamoStatement?.Resource).toEqual(tableArn(synthesized));
  });

  it('grants touch only the grantee: another role gets nothing', () => {
    const { stack, caseData, template } = build();
    const reader = lambdaRole(stack, 'Reader');
    const bystander = lambdaRole(stack, 'Bystander');
    caseData.grantReadWriteCases(reader);
    expect(statementsFor(template(), logicalId(bystander, stack))).toEqual([]);
  });
});
