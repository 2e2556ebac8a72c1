import { randomUUID } from 'node:crypto';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import {
  type AttributeValue,
  DeleteTableCommand,
  type DynamoDBClient,
  ScanCommand,
} from '@aws-sdk/client-dynamodb';
import { DynamoDbCaseStore } from '../../shared/adapters/dynamodb/dynamodb-case-store.js';
import { ensureIdempotencyTable } from '../../shared/adapters/dynamodb/idempotency-table.js';
import { caseNextDueAt } from '../../shared/domain/intake/case-next-due-at.js';
import { type CaseTableFixture, createCaseTableFixture } from './case-table-fixture.js';

export interface IntakeTablesFixture {
  cases: CaseTableFixture;
  /** The case store the handlers use, with the intake due rule (re-drive point of a received record). */
  store: DynamoDbCaseStore;
  idempotencyTableName: string;
  /** A fresh persistence layer; each idempotent operation needs its own instance. */
  newIdempotencyStore(): DynamoDBPersistenceLayer;
  /** Every stored item of both tables, as raw JSON text, to look for what must never be stored. */
  rawItems(): Promise<string[]>;
  dispose(): Promise<void>;
}

const scanAll = async (client: DynamoDBClient, tableName: string): Promise<string[]> => {
  const items: string[] = [];
  let startKey: Record<string, AttributeValue> | undefined;
  do {
    const page = await client.send(
      new ScanCommand({ TableName: tableName, ExclusiveStartKey: startKey, ConsistentRead: true }),
    );
    for (const item of page.Items ?? []) items.push(JSON.stringify(item));
    startKey = page.LastEvaluatedKey;
  } while (startKey !== undefined);
  return items;
};

/** A case table and an idempotency table in the run's DynamoDB Local, both uniquely named. */
export const createIntakeTables = async (prefix: string): Promise<IntakeTablesFixture> => {
  const cases = await createCaseTableFixture(prefix);
  const idempotencyTableName = `${prefix}-idempotency-${randomUUID()}`;
  await ensureIdempotencyTable(cases.client, idempotencyTableName);
  return {
    cases,
    store: new DynamoDbCaseStore({
      client: cases.documentClient,
      tableName: cases.tableName,
      nextDueAt: caseNextDueAt,
    }),
    idempotencyTableName,
    newIdempotencyStore: () =>
      new DynamoDBPersistenceLayer({ tableName: idempotencyTableName, awsSdkV3Client: cases.client }),
    rawItems: async () => [
      ...(await scanAll(cases.client, cases.tableName)),
      ...(await scanAll(cases.client, idempotencyTableName)),
    ],
    dispose: async () => {
      await cases.client.send(new DeleteTableCommand({ TableName: idempotencyTableName }));
      await cases.dispose();
    },
  };
};
