import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { idempotencyTable } from '../../shared/adapters/dynamodb/idempotency-table.js';

/**
 * What the Powertools DynamoDB persistence layer calls: a conditional put to claim a key, a get
 * to read a stored result, an update to save it and a delete to release a failed attempt.
 */
export const idempotencyRecordActions = [
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
] as const;

// The table key is used on the caller's permission; listed without wildcards (cdk-nag IAM5).
const keyActions = [
  'kms:Decrypt',
  'kms:DescribeKey',
  'kms:Encrypt',
  'kms:GenerateDataKey',
  'kms:GenerateDataKeyWithoutPlaintext',
] as const;

export interface IdempotencyDataProps {
  /**
   * Customer-managed key for encryption at rest. Stored results repeat what a handler returned
   * (a reference, a tracking token), so the case table's key is the natural one to pass.
   */
  readonly encryptionKey: kms.IKey;
  /**
   * Records expire within hours, so a restore would bring back nothing a handler could use.
   * @default false
   */
  readonly pointInTimeRecovery?: boolean;
  /**
   * Nothing in the table outlives its TTL, so by default it goes with the stack.
   * @default RemovalPolicy.DESTROY
   */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * The Powertools idempotency table, keyed and expired as the shared `idempotencyTable`
 * description says, so the local runtime and AWS agree on its shape.
 */
export class IdempotencyData extends Construct {
  readonly table: dynamodb.Table;
  readonly encryptionKey: kms.IKey;

  constructor(scope: Construct, id: string, props: IdempotencyDataProps) {
    super(scope, id);
    this.encryptionKey = props.encryptionKey;
    const pointInTimeRecovery = props.pointInTimeRecovery ?? false;

    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: { name: idempotencyTable.partitionKey, type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      timeToLiveAttribute: idempotencyTable.ttlAttribute,
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: props.encryptionKey,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: pointInTimeRecovery },
      removalPolicy: props.removalPolicy ?? RemovalPolicy.DESTROY,
    });

    if (!pointInTimeRecovery) {
      Validations.of(this.table).acknowledge({
        id: 'AwsSolutions-DDB3',
        reason:
          'Idempotency records expire within hours (TTL); a point-in-time restore would only bring back expired claims.',
      });
    }
  }

  /** What the Powertools persistence layer needs on this table; nothing on any other. */
  grantReadWriteRecords(grantee: iam.IGrantable): iam.Grant {
    const tableGrant = iam.Grant.addToPrincipal({
      grantee,
      actions: [...idempotencyRecordActions],
      resourceArns: [this.table.tableArn],
    });
    return tableGrant.combine(this.encryptionKey.grant(grantee, ...keyActions));
  }
}
