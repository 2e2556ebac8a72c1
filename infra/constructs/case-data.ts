import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { caseTable } from '../../shared/adapters/dynamodb/case-table.js';

/**
 * Item-level actions only. Scan is left out on purpose: every access path has a key or an index
 * (the overdue audit reads `due-by-time`), so no function needs to read every complaint.
 */
export const caseReadActions = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'] as const;

/**
 * Writes are conditional on a version attribute and the ledger is append-only, so writers get
 * Put/Update (also inside TransactWriteItems) and ConditionCheckItem, but neither DeleteItem nor
 * BatchWriteItem (which can delete and cannot carry a condition). Expiry is DynamoDB's TTL.
 */
export const caseWriteActions = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:ConditionCheckItem',
] as const;

// DynamoDB uses the caller's permission on the table key. Spelled out without wildcards so
// grantees stay clear of cdk-nag AwsSolutions-IAM5.
const keyReadActions = ['kms:Decrypt', 'kms:DescribeKey'] as const;
const keyWriteActions = [
  ...keyReadActions,
  'kms:Encrypt',
  'kms:GenerateDataKey',
  'kms:GenerateDataKeyWithoutPlaintext',
] as const;

export interface CaseDataProps {
  /**
   * What happens to the table (and the key this construct creates) when it leaves the stack.
   * @default RemovalPolicy.RETAIN: complaint records are regulatory evidence.
   */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * Refuse DeleteTable even from the console. Must be false when removalPolicy is DESTROY.
   * @default true
   */
  readonly deletionProtection?: boolean;
  /** @default true */
  readonly pointInTimeRecovery?: boolean;
  /**
   * Customer-managed key for encryption at rest. Bring one to share it across stacks; its
   * rotation is then the owner's job.
   * @default a new key with yearly rotation
   */
  readonly encryptionKey?: kms.IKey;
}

/**
 * The case table (cases, their event ledger, identity index) built from the shared `caseTable`
 * description, encrypted with a customer-managed key because it holds personal data.
 * Functions get access only through the grant methods below.
 */
export class CaseData extends Construct {
  readonly table: dynamodb.Table;
  readonly encryptionKey: kms.IKey;
  private readonly indexArns: string[];

  constructor(scope: Construct, id: string, props: CaseDataProps = {}) {
    super(scope, id);
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    const deletionProtection = props.deletionProtection ?? true;
    if (removalPolicy === RemovalPolicy.DESTROY && deletionProtection) {
      // CloudFormation would fail on stack deletion long after the mistake was made.
      throw new Error('CaseData: removalPolicy DESTROY needs deletionProtection: false');
    }

    this.encryptionKey =
      props.encryptionKey ??
      new kms.Key(this, 'Key', {
        description: 'Encrypts complaint case records (personal data) at rest',
        enableKeyRotation: true,
        // Deleting the key would make the table's backups unreadable, so it follows the table.
        removalPolicy,
      });

    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: { name: caseTable.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: caseTable.sortKey, type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      timeToLiveAttribute: caseTable.ttlAttribute,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: props.pointInTimeRecovery ?? true },
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: this.encryptionKey,
      deletionProtection,
      removalPolicy,
      // Outbox records reach the effects processor through the stream.
      stream: dynamodb.StreamViewType.NEW_IMAGE,
    });

    // Projection ALL: the shared description carries no projection, so the local table projects
    // everything too; a narrower projection here would make index reads that work locally come
    // back short in AWS. due-by-time is sparse (open cases only), so the copy stays small, and
    // by-branch reports need most case attributes, which KEYS_ONLY would turn into a GetItem each.
    for (const index of Object.values(caseTable.indexes)) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: { name: index.partitionKey, type: dynamodb.AttributeType.STRING },
        sortKey: { name: index.sortKey, type: dynamodb.AttributeType.STRING },
        projectionType: dynamodb.ProjectionType.ALL,
      });
    }
    // Named index ARNs rather than `index/*`, so read grants carry no wildcard resource.
    this.indexArns = Object.values(caseTable.indexes).map(
      (index) => `${this.table.tableArn}/index/${index.indexName}`,
    );
  }

  /** Get, batch-get and query on the table and its indexes; no write, no scan. */
  grantReadCases(grantee: iam.IGrantable): iam.Grant {
    const tableGrant = iam.Grant.addToPrincipal({
      grantee,
      actions: [...caseReadActions],
      resourceArns: [this.table.tableArn, ...this.indexArns],
    });
    return tableGrant.combine(this.encryptionKey.grant(grantee, ...keyReadActions));
  }

  /** Conditional put/update and transaction condition checks; no read, no delete. */
  grantWriteCases(grantee: iam.IGrantable): iam.Grant {
    const tableGrant = iam.Grant.addToPrincipal({
      grantee,
      actions: [...caseWriteActions],
      resourceArns: [this.table.tableArn],
    });
    return tableGrant.combine(this.encryptionKey.grant(grantee, ...keyWriteActions));
  }

  /** For functions that read a case and write it back under its version condition. */
  grantReadWriteCases(grantee: iam.IGrantable): iam.Grant {
    return this.grantReadCases(grantee).combine(this.grantWriteCases(grantee));
  }
}
