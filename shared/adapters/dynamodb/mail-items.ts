import { type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import type {
  InboundMailLog,
  InboundMailRecord,
  SentMessageIndex,
} from '../../domain/mail-intake/mail-ports.js';
import { caseTable } from './case-table.js';
import { itemKeys, mailLogPartitionKey } from './table-keys.js';

const { partitionKey } = caseTable;

/** Sent Message-IDs in the case table (`itemKeys.sentMessage`), one item per mail sent. */
export class DynamoDbSentMessageIndex implements SentMessageIndex {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async remember(messageId: string, reference: string): Promise<void> {
    await this.client.send(
      new PutCommand({ TableName: this.tableName, Item: { ...itemKeys.sentMessage(messageId), reference } }),
    );
  }

  async referenceFor(messageId: string): Promise<string | undefined> {
    const result = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: itemKeys.sentMessage(messageId),
        ConsistentRead: true,
      }),
    );
    const parsed = z.object({ reference: z.string() }).safeParse(result.Item);
    return parsed.success ? parsed.data.reference : undefined;
  }
}

const recordSchema = z.object({
  objectKey: z.string(),
  messageId: z.string().optional(),
  receivedAt: z.string(),
  outcome: z.enum(['new_case', 'attached', 'dropped', 'quarantined', 'failed']),
  reason: z.string().optional(),
  reference: z.string().optional(),
  verdicts: z.record(z.string(), z.string()),
});

/** Inbound mail log in the case table (`itemKeys.inboundMailLog`): one partition per UTC day. */
export class DynamoDbInboundMailLog implements InboundMailLog {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async record(entry: InboundMailRecord): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...itemKeys.inboundMailLog(entry.receivedAt, entry.objectKey),
          entry,
        },
      }),
    );
  }

  async listDay(day: string): Promise<InboundMailRecord[]> {
    const entries: InboundMailRecord[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: '#pk = :pk',
          ExpressionAttributeNames: { '#pk': partitionKey },
          ExpressionAttributeValues: { ':pk': mailLogPartitionKey(day) },
          ExclusiveStartKey: start,
        }),
      );
      for (const item of page.Items ?? [])
        entries.push(recordSchema.parse(z.object({ entry: z.unknown() }).parse(item).entry));
      start = page.LastEvaluatedKey;
    } while (start !== undefined);
    return entries;
  }
}
