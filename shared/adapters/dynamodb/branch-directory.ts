import { type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import type { BranchDirectory } from '../../domain/staff/staff-ports.js';
import { type Branch, type BranchInput, branchSchema } from '../../schemas/staff-branch-schema.js';
import { caseTable } from './case-table.js';
import { branchPartitionKey, itemKeys } from './table-keys.js';

/**
 * Branches live in the case table under one partition (`itemKeys.branch`): a bank has tens to a
 * few thousand of them, read far more often than written, so listing them is one Query rather
 * than a scan of the whole table.
 */
const itemSchema = z.object({ branch: branchSchema });

export class DynamoDbBranchDirectory implements BranchDirectory {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async list(): Promise<Branch[]> {
    const branches: Branch[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const output = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: '#pk = :pk',
          ExpressionAttributeNames: { '#pk': caseTable.partitionKey },
          ExpressionAttributeValues: { ':pk': branchPartitionKey },
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of output.Items ?? []) branches.push(itemSchema.parse(item).branch);
      startKey = output.LastEvaluatedKey;
    } while (startKey !== undefined);
    return branches;
  }

  async get(code: string): Promise<Branch | undefined> {
    const output = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: itemKeys.branch(code),
        ConsistentRead: true,
      }),
    );
    return output.Item === undefined ? undefined : itemSchema.parse(output.Item).branch;
  }

  async put(code: string, input: BranchInput, now: Date): Promise<{ branch: Branch; created: boolean }> {
    const branch: Branch = { ...input, code, updatedAt: now.toISOString() };
    const output = await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...itemKeys.branch(code), branch },
        ReturnValues: 'ALL_OLD',
      }),
    );
    return { branch, created: output.Attributes === undefined };
  }
}
