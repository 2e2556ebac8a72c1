import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { describe, expect, it } from 'vitest';
import { CaseData } from '../../infra/constructs/case-data.js';
import { IdempotencyData, idempotencyRecordActions } from '../../infra/constructs/idempotency-data.js';
import { idempotencyTable } from '../../shared/adapters/dynamodb/idempotency-table.js';
import {
  actionsOf,
  appWithoutBundling,
  cfnLogicalId,
  nagFindings,
  statementsOfRole,
} from './template-helpers.js';

const build = (props: { pointInTimeRecovery?: boolean } = {}) => {
  const stack = new Stack(appWithoutBundling(), 'Test');
  const caseData = new CaseData(stack, 'CaseData');
  const idempotencyData = new IdempotencyData(stack, 'IdempotencyData', {
    encryptionKey: caseData.encryptionKey,
    ...props,
  });
  const role = new iam.Role(stack, 'Worker', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
  idempotencyData.grantReadWriteRecords(role);
  return { stack, caseData, idempotencyData, role, template: Template.fromStack(stack) };
};

describe('IdempotencyData', () => {
  const { caseData, idempotencyData, role, template, stack } = build();
  const tableId = cfnLogicalId(idempotencyData.table, dynamodb.CfnTable);

  it('has the key and TTL attribute Powertools and the local runtime use', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [{ AttributeName: idempotencyTable.partitionKey, KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: idempotencyTable.partitionKey, AttributeType: 'S' }],
      TimeToLiveSpecification: { AttributeName: idempotencyTable.ttlAttribute, Enabled: true },
      BillingMode: 'PAY_PER_REQUEST',
    });
  });

  it('is encrypted with the case table key', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [{ AttributeName: idempotencyTable.partitionKey, KeyType: 'HASH' }],
      SSESpecification: {
        SSEEnabled: true,
        SSEType: 'KMS',
        KMSMasterKeyId: { 'Fn::GetAtt': [cfnLogicalId(caseData.encryptionKey, kms.CfnKey), 'Arn'] },
      },
    });
  });

  it('grants the Powertools persistence actions on this table only', () => {
    const statements = statementsOfRole(template, cfnLogicalId(role, iam.CfnRole));
    const dynamo = statements.filter((statement) =>
      actionsOf([statement]).some((a) => a.startsWith('dynamodb:')),
    );
    expect(actionsOf(dynamo).sort()).toEqual([...idempotencyRecordActions].sort());
    for (const statement of dynamo) expect(statement.Resource).toEqual({ 'Fn::GetAtt': [tableId, 'Arn'] });
  });

  it('leaves cdk-nag nothing to report (no PITR is acknowledged, grants carry no wildcard)', () => {
    expect(nagFindings(stack)).toEqual([]);
  });

  it('needs no acknowledgement when point-in-time recovery is on', () => {
    const withRecovery = build({ pointInTimeRecovery: true });
    withRecovery.template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [{ AttributeName: idempotencyTable.partitionKey, KeyType: 'HASH' }],
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    });
    expect(nagFindings(withRecovery.stack)).toEqual([]);
  });
});
