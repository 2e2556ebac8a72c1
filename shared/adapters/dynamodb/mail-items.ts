import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import type {
  InboundMailLog,
  InboundMailRecord,
  MessageIdUse,
  SenderLedger,
  SentMessageIndex,
  StormEntry,
} from '../../domain/mail-intake/mail-ports.js';
import { caseTable } from './case-table.js';
import { inboundMessagePartitionKey, itemKeys, mailLogPartitionKey } from './table-keys.js';

const { partitionKey, ttlAttribute } = caseTable;

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

const epochSeconds = (at: Date): number => Math.floor(at.getTime() / 1000);
const messageIdKeptFor = 30 * 24 * 3600;
const stormKeptFor = 2 * 24 * 3600;
const rateKeptFor = 2 * 3600;

/** {@link SenderLedger} in the case table (`itemKeys.inboundMessage`, `mailStorm`, `ackRate`). */
export class DynamoDbSenderLedger implements SenderLedger {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async useMessageId(messageId: string, senderDigest: string, now: Date): Promise<MessageIdUse> {
    const used = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': partitionKey },
        ExpressionAttributeValues: { ':pk': inboundMessagePartitionKey(messageId) },
        ConsistentRead: true,
      }),
    );
    const senders = (used.Items ?? []).map(
      (item) => z.object({ senderDigest: z.string() }).parse(item).senderDigest,
    );
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...itemKeys.inboundMessage(messageId, senderDigest),
          senderDigest,
          firstSeenAt: now.toISOString(),
          [ttlAttribute]: epochSeconds(now) + messageIdKeptFor,
        },
      }),
    );
    if (senders.some((digest) => digest !== senderDigest)) return 'other_sender';
    return senders.includes(senderDigest) ? 'same_sender' : 'first';
  }

  async stormCase(stormKey: string): Promise<StormEntry | undefined> {
    const result = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: itemKeys.mailStorm(stormKey), ConsistentRead: true }),
    );
    const parsed = z.object({ reference: z.string(), openedAt: z.string() }).safeParse(result.Item);
    return parsed.success ? parsed.data : undefined;
  }

  async rememberStorm(stormKey: string, entry: StormEntry): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...itemKeys.mailStorm(stormKey),
          ...entry,
          [ttlAttribute]: epochSeconds(new Date(entry.openedAt)) + stormKeptFor,
        },
      }),
    );
  }

  async takeAcknowledgement(addressDigest: string, window: number, max: number): Promise<boolean> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: itemKeys.ackRate(addressDigest, window),
          UpdateExpression: 'ADD #count :one SET #ttl = if_not_exists(#ttl, :ttl)',
          ConditionExpression: 'attribute_not_exists(#count) OR #count < :max',
          ExpressionAttributeNames: { '#count': 'sent', '#ttl': ttlAttribute },
          ExpressionAttributeValues: {
            ':one': 1,
            ':max': max,
            ':ttl': window * 3600 + rateKeptFor,
          },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
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
