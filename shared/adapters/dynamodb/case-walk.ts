import { type DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import type { BranchPage } from '../../domain/case/case-store.js';
import { InvalidCursorError } from '../../domain/case/case-store.js';
import type { CaseWalker } from '../../domain/staff/staff-ports.js';
import { fromBranchCaseItem } from './case-items.js';
import { caseTable } from './case-table.js';
import { caseSortKey } from './table-keys.js';

const cursorSchema = z.strictObject({
  [caseTable.partitionKey]: z.string().min(1),
  [caseTable.sortKey]: z.string().min(1),
});

/**
 * Walks every case item with a Scan. Its cost is the whole table (events and identity items are
 * read and filtered out too), paid once per list walk: fine for a console over thousands of
 * cases; with millions, lists should come from an index per scope instead.
 */
export class DynamoDbCaseWalker implements CaseWalker {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async page(cursor: string | undefined, limit: number): Promise<BranchPage> {
    const output = await this.client.send(
      new ScanCommand({
        TableName: this.tableName,
        FilterExpression: '#sk = :case',
        ExpressionAttributeNames: { '#sk': caseTable.sortKey },
        ExpressionAttributeValues: { ':case': caseSortKey },
        Limit: limit,
        ...(cursor === undefined ? {} : { ExclusiveStartKey: decode(cursor) }),
      }),
    );
    const cases = (output.Items ?? []).map(fromBranchCaseItem);
    return output.LastEvaluatedKey === undefined
      ? { cases }
      : { cases, cursor: encode(output.LastEvaluatedKey) };
  }
}

const encode = (key: Record<string, unknown>): string => {
  const parsed = cursorSchema.safeParse(key);
  if (!parsed.success) throw new Error('case scan returned an unexpected LastEvaluatedKey');
  return Buffer.from(JSON.stringify(parsed.data), 'utf8').toString('base64url');
};

const decode = (cursor: string): Record<string, string> => {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  const key = cursorSchema.safeParse(json);
  // The scan stops at the last item it read, which may be an event item it filtered out.
  if (!key.success) throw new InvalidCursorError();
  return key.data;
};
