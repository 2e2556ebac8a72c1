import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  type DynamoDBClient,
  ResourceInUseException,
  ResourceNotFoundException,
  type TableDescription,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { caseTable, caseTableKeyAttributes } from './case-table.js';

/**
 * Table creation for local runs and tests. In AWS the CDK data construct owns the table; both
 * are built from `caseTable`, so their shapes agree.
 */
export const createCaseTableInput = (tableName: string): CreateTableCommandInput => ({
  TableName: tableName,
  BillingMode: 'PAY_PER_REQUEST',
  AttributeDefinitions: [...new Set(caseTableKeyAttributes)].map((name) => ({
    AttributeName: name,
    AttributeType: 'S',
  })),
  KeySchema: [
    { AttributeName: caseTable.partitionKey, KeyType: 'HASH' },
    { AttributeName: caseTable.sortKey, KeyType: 'RANGE' },
  ],
  GlobalSecondaryIndexes: Object.values(caseTable.indexes).map((index) => ({
    IndexName: index.indexName,
    KeySchema: [
      { AttributeName: index.partitionKey, KeyType: 'HASH' },
      { AttributeName: index.sortKey, KeyType: 'RANGE' },
    ],
    Projection: { ProjectionType: 'ALL' },
  })),
  // The effects processor reads new outbox records from the stream.
  StreamSpecification: { StreamEnabled: true, StreamViewType: caseTable.streamViewType },
});

/** The table's description, or undefined when it does not exist. */
const describeTable = async (
  client: DynamoDBClient,
  tableName: string,
): Promise<TableDescription | undefined> => {
  try {
    const output = await client.send(new DescribeTableCommand({ TableName: tableName }));
    if (output.Table === undefined) throw new Error(`DescribeTable returned no description for ${tableName}`);
    return output.Table;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined;
    throw error;
  }
};

const createTable = async (client: DynamoDBClient, tableName: string): Promise<void> => {
  try {
    const output = await client.send(new CreateTableCommand(createCaseTableInput(tableName)));
    if (output.TableDescription?.TableName !== tableName) {
      throw new Error(`CreateTable did not confirm table ${tableName}`);
    }
  } catch (error) {
    // Another process created it between our describe and create: that is the outcome we want.
    if (error instanceof ResourceInUseException) return;
    throw error;
  }
};

const waitUntilActive = async (client: DynamoDBClient, tableName: string): Promise<void> => {
  const result = await waitUntilTableExists(
    { client, maxWaitTime: 120, minDelay: 1, maxDelay: 5 },
    { TableName: tableName },
  );
  if (result.state !== 'SUCCESS')
    throw new Error(`Table ${tableName} did not become active: ${result.state}`);
};

const isTtlOn = async (client: DynamoDBClient, tableName: string): Promise<boolean> => {
  const output = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
  const description = output.TimeToLiveDescription;
  if (description === undefined) throw new Error(`DescribeTimeToLive returned nothing for ${tableName}`);
  const status = description.TimeToLiveStatus;
  if (status === 'ENABLED' || status === 'ENABLING') {
    if (description.AttributeName !== caseTable.ttlAttribute) {
      throw new Error(
        `Table ${tableName} expires items on ${description.AttributeName}, expected ${caseTable.ttlAttribute}`,
      );
    }
    return true;
  }
  return false;
};

const enableTtl = async (client: DynamoDBClient, tableName: string): Promise<void> => {
  const output = await client.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { AttributeName: caseTable.ttlAttribute, Enabled: true },
    }),
  );
  if (output.TimeToLiveSpecification?.Enabled !== true) {
    throw new Error(`UpdateTimeToLive did not enable expiry on ${tableName}`);
  }
};

/** Refuses to work against a table of another shape rather than silently changing it. */
const assertIndexes = (table: TableDescription, tableName: string): void => {
  const present = new Set((table.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName));
  const missing = Object.values(caseTable.indexes)
    .map((index) => index.indexName)
    .filter((name) => !present.has(name));
  if (missing.length > 0) throw new Error(`Table ${tableName} lacks index(es): ${missing.join(', ')}`);
};

/** A table made before the outbox existed gets its stream turned on; the ARN is what pollers read. */
const ensureStream = async (client: DynamoDBClient, table: TableDescription, tableName: string) => {
  if (table.StreamSpecification?.StreamEnabled === true && table.LatestStreamArn !== undefined) {
    return table.LatestStreamArn;
  }
  await client.send(
    new UpdateTableCommand({
      TableName: tableName,
      StreamSpecification: { StreamEnabled: true, StreamViewType: caseTable.streamViewType },
    }),
  );
  await waitUntilActive(client, tableName);
  const updated = await describeTable(client, tableName);
  if (updated?.LatestStreamArn === undefined) throw new Error(`Table ${tableName} has no stream`);
  return updated.LatestStreamArn;
};

/**
 * Creates the case table if it is missing, waits until it is ACTIVE, turns on expiry and the
 * stream, and returns the stream's ARN. On a table that is already set up it only reads.
 */
export const ensureCaseTable = async (
  client: DynamoDBClient,
  tableName: string,
): Promise<{ streamArn: string }> => {
  if ((await describeTable(client, tableName)) === undefined) await createTable(client, tableName);
  await waitUntilActive(client, tableName);
  const table = await describeTable(client, tableName);
  if (table === undefined) throw new Error(`Table ${tableName} disappeared while being set up`);
  assertIndexes(table, tableName);
  if (!(await isTtlOn(client, tableName))) await enableTtl(client, tableName);
  return { streamArn: await ensureStream(client, table, tableName) };
};
