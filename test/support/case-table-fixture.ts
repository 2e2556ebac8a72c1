import { randomUUID } from 'node:crypto';
import { DeleteTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { inject } from 'vitest';
import { ensureCaseTable } from '../../shared/adapters/dynamodb/case-table-setup.js';
import {
  createDocumentClient,
  createDynamoDbClient,
} from '../../shared/adapters/dynamodb/dynamodb-client.js';

export interface CaseTableFixture {
  client: DynamoDBClient;
  documentClient: DynamoDBDocumentClient;
  tableName: string;
  /** The table's stream, which feeds outbox records to the effects processor. */
  streamArn: string;
  endpoint: string;
  /** Drops the table and closes the client. */
  dispose(): Promise<void>;
}

/** A fresh, uniquely named case table in the run's DynamoDB Local. */
export const createCaseTableFixture = async (prefix: string): Promise<CaseTableFixture> => {
  const endpoint = inject('dynamodbEndpoint');
  const client = createDynamoDbClient({ endpoint, region: 'local' });
  const tableName = `${prefix}-${randomUUID()}`;
  const { streamArn } = await ensureCaseTable(client, tableName);
  return {
    client,
    documentClient: createDocumentClient(client),
    tableName,
    streamArn,
    endpoint,
    dispose: async () => {
      await client.send(new DeleteTableCommand({ TableName: tableName }));
      client.destroy();
    },
  };
};
