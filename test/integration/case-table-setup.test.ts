import { randomUUID } from 'node:crypto';
import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { caseTable } from '../../shared/adapters/dynamodb/case-table.js';
import { createCaseTableInput, ensureCaseTable } from '../../shared/adapters/dynamodb/case-table-setup.js';
import { DynamoDbCaseStore } from '../../shared/adapters/dynamodb/dynamodb-case-store.js';
import {
  createDocumentClient,
  createDynamoDbClient,
} from '../../shared/adapters/dynamodb/dynamodb-client.js';
import { newCaseWithEvents } from '../support/case-factory.js';

let client: DynamoDBClient;
const created: string[] = [];

const uniqueName = (prefix: string): string => {
  const name = `${prefix}-${randomUUID()}`;
  created.push(name);
  return name;
};

const describeTable = async (tableName: string) => {
  const output = await client.send(new DescribeTableCommand({ TableName: tableName }));
  if (output.Table === undefined) throw new Error(`no description for ${tableName}`);
  return output.Table;
};

beforeAll(() => {
  client = createDynamoDbClient({ endpoint: inject('dynamodbEndpoint'), region: 'local' });
});

afterAll(async () => {
  for (const tableName of created) await client.send(new DeleteTableCommand({ TableName: tableName }));
  client.destroy();
});

describe('createCaseTableInput', () => {
  it('describes the table from caseTable: on-demand, both indexes projecting everything, a stream of new images', () => {
    const input = createCaseTableInput('cases');
    expect(input.BillingMode).toBe('PAY_PER_REQUEST');
    expect(input.KeySchema).toEqual([
      { AttributeName: caseTable.partitionKey, KeyType: 'HASH' },
      { AttributeName: caseTable.sortKey, KeyType: 'RANGE' },
    ]);
    expect(
      input.GlobalSecondaryIndexes?.map((index) => [index.IndexName, index.Projection?.ProjectionType]),
    ).toEqual(Object.values(caseTable.indexes).map((index) => [index.indexName, 'ALL']));
    // The outbox records reach the effects processor through it.
    expect(input.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_IMAGE' });
  });
});

describe('ensureCaseTable', () => {
  it('creates an active table with expiry on, and a second call changes nothing', async () => {
    const tableName = uniqueName('setup');
    await ensureCaseTable(client, tableName);
    const first = await describeTable(tableName);
    const store = new DynamoDbCaseStore({
      client: createDocumentClient(client),
      tableName,
      nextDueAt: () => undefined,
    });
    const { complaint, events } = newCaseWithEvents();
    await store.create(complaint, events);

    await ensureCaseTable(client, tableName);

    const second = await describeTable(tableName);
    expect(second.TableStatus).toBe('ACTIVE');
    expect(second.CreationDateTime).toEqual(first.CreationDateTime);
    expect(second.KeySchema).toEqual(first.KeySchema);
    expect(second.GlobalSecondaryIndexes?.map((index) => index.IndexName).sort()).toEqual(
      Object.values(caseTable.indexes)
        .map((index) => index.indexName)
        .sort(),
    );
    const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
    expect(ttl.TimeToLiveDescription).toMatchObject({
      TimeToLiveStatus: 'ENABLED',
      AttributeName: caseTable.ttlAttribute,
    });
    expect(await store.get(complaint.reference)).toEqual(complaint);
    expect(await store.listEvents(complaint.reference)).toEqual(events);
  });

  it('refuses a table of the same name that lacks the indexes', async () => {
    const tableName = uniqueName('setup-foreign');
    const { GlobalSecondaryIndexes: _indexes, ...withoutIndexes } = createCaseTableInput(tableName);
    await client.send(
      new CreateTableCommand({
        ...withoutIndexes,
        AttributeDefinitions: [
          { AttributeName: caseTable.partitionKey, AttributeType: 'S' },
          { AttributeName: caseTable.sortKey, AttributeType: 'S' },
        ],
      }),
    );

    await expect(ensureCaseTable(client, tableName)).rejects.toThrow(/lacks index/);
  });
});
