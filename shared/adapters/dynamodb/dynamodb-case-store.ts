import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  type QueryCommandInput,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import {
  type BranchPage,
  CaseAlreadyExistsError,
  type CaseStore,
  type CaseWriteExtras,
  type CustomerIdentity,
  type DueCase,
  EffectAlreadyDoneError,
  type EffectCompletion,
  type IntakeClaim,
  IntakeClaimTakenError,
  InvalidCaseWriteError,
  StaleCaseVersionError,
} from '../../domain/case/case-store.js';
import type { CaseEvent, ComplaintCase } from '../../domain/case/case-types.js';
import type { OutboxRecord } from '../../schemas/case-effect-schema.js';
import { decodeBranchCursor, encodeBranchCursor } from './branch-cursor.js';
import {
  fromBranchCaseItem,
  fromCaseItem,
  fromDueCaseItem,
  fromEventItem,
  fromIdentityItem,
  fromOutboxItem,
  type Item,
  itemAttributes,
  outboxItemKey,
  toCaseItem,
  toEventItem,
  toIdentityItem,
  toOutboxItems,
} from './case-items.js';
import { caseTable } from './case-table.js';
import { customerIdentityHashes } from './customer-identity-keys.js';
import { casePartitionKey, customerPartitionKey, dueShards, itemKeys, keyPrefixes } from './table-keys.js';

export interface DynamoDbCaseStoreOptions {
  client: DynamoDBDocumentClient;
  tableName: string;
  /**
   * The case's next clock point, or undefined when no clock runs (the case then leaves the due
   * index). Supplied by the caller because the lifecycle owns that rule.
   */
  nextDueAt: (complaint: ComplaintCase) => string | undefined;
  /** Page size of listByBranch when the caller gives none. */
  branchPageSize?: number;
}

/** DynamoDB's limit on items in one TransactWriteItems call. */
const maxTransactionItems = 100;
/** A transaction that collided with another one in flight is retried this many times in all. */
const maxConflictAttempts = 4;
const defaultBranchPageSize = 50;

type TransactItem = NonNullable<
  ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']
>[number];

const names = {
  '#pk': caseTable.partitionKey,
  '#sk': caseTable.sortKey,
};

const assertPositiveInteger = (value: number, what: string): void => {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${what} must be a positive integer`);
};

/** Events must belong to the case, follow each other without gaps and end at its lastEventSeq. */
const assertEvents = (complaint: ComplaintCase, events: readonly CaseEvent[]): void => {
  const invalid = (reason: string) => new InvalidCaseWriteError(complaint.reference, reason);
  events.forEach((event, index) => {
    if (event.reference !== complaint.reference) throw invalid(`event ${event.seq} belongs to another case`);
    const previous = events[index - 1];
    if (previous !== undefined && event.seq !== previous.seq + 1)
      throw invalid('event seqs are not consecutive');
  });
  const last = events.at(-1);
  if (last !== undefined && last.seq !== complaint.lastEventSeq) {
    throw invalid(`last event seq ${last.seq} differs from lastEventSeq ${complaint.lastEventSeq}`);
  }
};

const pause = (milliseconds: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, milliseconds));

const intakeClaimSchema = z.object({
  id: z.string(),
  fingerprint: z.string(),
  response: z.record(z.string(), z.string()),
  expiresAt: z.string(),
});

const cancellationCodes = (error: TransactionCanceledException): Array<string | undefined> =>
  (error.CancellationReasons ?? []).map((reason) => reason.Code);

export class DynamoDbCaseStore implements CaseStore {
  private readonly client: DynamoDBDocumentClient;
  private readonly tableName: string;
  private readonly nextDueAt: (complaint: ComplaintCase) => string | undefined;
  private readonly branchPageSize: number;

  constructor(options: DynamoDbCaseStoreOptions) {
    this.client = options.client;
    this.tableName = options.tableName;
    this.nextDueAt = options.nextDueAt;
    this.branchPageSize = options.branchPageSize ?? defaultBranchPageSize;
    assertPositiveInteger(this.branchPageSize, 'branchPageSize');
  }

  async create(
    complaint: ComplaintCase,
    events: readonly CaseEvent[],
    claim?: IntakeClaim,
    extras: CaseWriteExtras = {},
  ): Promise<void> {
    assertEvents(complaint, events);
    const identityItems = customerIdentityHashes(complaint.customer).map((hash) =>
      toIdentityItem(hash, complaint),
    );
    const caseWrite: TransactItem = {
      Put: {
        TableName: this.tableName,
        Item: this.caseItem(complaint),
        ConditionExpression: 'attribute_not_exists(#pk)',
        ExpressionAttributeNames: { '#pk': caseTable.partitionKey },
      },
    };
    // Identity entries are plain Puts: rewriting the same entry for the same case is harmless.
    const identityWrites: TransactItem[] = identityItems.map((item) => ({
      Put: { TableName: this.tableName, Item: item },
    }));
    const claimWrites: TransactItem[] =
      claim === undefined
        ? []
        : [
            {
              Put: {
                TableName: this.tableName,
                Item: {
                  ...itemKeys.intakeClaim(claim.id),
                  claim,
                  [caseTable.ttlAttribute]: Math.floor(Date.parse(claim.expiresAt) / 1000),
                },
                ConditionExpression: 'attribute_not_exists(#pk)',
                ExpressionAttributeNames: { '#pk': caseTable.partitionKey },
              },
            },
          ];
    await this.writeCaseTransaction(
      complaint.reference,
      [
        caseWrite,
        ...this.eventWrites(events),
        ...this.outboxWrites(complaint, extras),
        ...identityWrites,
        ...claimWrites,
      ],
      () => new CaseAlreadyExistsError(complaint.reference),
      claim === undefined ? undefined : () => new IntakeClaimTakenError(claim.id),
    );
  }

  async getClaim(id: string): Promise<IntakeClaim | undefined> {
    const output = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: itemKeys.intakeClaim(id), ConsistentRead: true }),
    );
    if (output.Item === undefined) return undefined;
    return intakeClaimSchema.parse(z.object({ claim: z.unknown() }).parse(output.Item).claim);
  }

  async get(reference: string): Promise<ComplaintCase | undefined> {
    const output = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: itemKeys.case(reference), ConsistentRead: true }),
    );
    return output.Item === undefined ? undefined : fromCaseItem(output.Item, reference);
  }

  async save(
    updated: ComplaintCase,
    expectedVersion: number,
    events: readonly CaseEvent[],
    extras: CaseWriteExtras = {},
  ): Promise<void> {
    if (updated.version !== expectedVersion + 1) {
      throw new InvalidCaseWriteError(
        updated.reference,
        `version ${updated.version} does not follow expected version ${expectedVersion}`,
      );
    }
    assertEvents(updated, events);
    // A missing case fails the same condition, so it is reported as stale too.
    const caseWrite: TransactItem = {
      Put: {
        TableName: this.tableName,
        Item: this.caseItem(updated),
        ConditionExpression: '#version = :expected',
        ExpressionAttributeNames: { '#version': itemAttributes.version },
        ExpressionAttributeValues: { ':expected': expectedVersion },
      },
    };
    const completion = extras.completes;
    await this.writeCaseTransaction(
      updated.reference,
      [
        caseWrite,
        ...this.eventWrites(events),
        ...this.outboxWrites(updated, extras),
        ...(completion === undefined ? [] : [this.completionWrite(updated.reference, completion)]),
      ],
      () => new StaleCaseVersionError(updated.reference, expectedVersion),
      completion === undefined ? undefined : () => new EffectAlreadyDoneError(completion.id),
    );
  }

  async getEffect(reference: string, id: string): Promise<OutboxRecord | undefined> {
    const output = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: outboxItemKey(reference, id), ConsistentRead: true }),
    );
    return output.Item === undefined ? undefined : fromOutboxItem(output.Item);
  }

  async completeEffect(reference: string, completion: EffectCompletion): Promise<boolean> {
    const { Update } = this.completionWrite(reference, completion);
    if (Update === undefined) throw new Error('completion write is not an update');
    try {
      await this.client.send(new UpdateCommand(Update));
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async listEvents(reference: string): Promise<CaseEvent[]> {
    const items = await this.queryAll({
      TableName: this.tableName,
      KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: { ':pk': casePartitionKey(reference), ':prefix': keyPrefixes.event },
      ConsistentRead: true,
    });
    return items.map((item) => fromEventItem(item, reference));
  }

  async findDue(before: string, limit?: number): Promise<DueCase[]> {
    if (limit !== undefined) assertPositiveInteger(limit, 'limit');
    const { indexName, partitionKey, sortKey } = caseTable.indexes.dueByTime;
    // Each shard is already in due order; read at most `limit` from each and merge.
    const perShard = await Promise.all(
      dueShards.map((shard) =>
        this.queryAll(
          {
            TableName: this.tableName,
            IndexName: indexName,
            KeyConditionExpression: '#shard = :shard AND #due < :before',
            ExpressionAttributeNames: { '#shard': partitionKey, '#due': sortKey },
            ExpressionAttributeValues: { ':shard': shard, ':before': before },
            ...(limit !== undefined && { Limit: limit }),
          },
          limit,
        ),
      ),
    );
    const due = perShard
      .flat()
      .map(fromDueCaseItem)
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.case.reference.localeCompare(b.case.reference));
    return limit === undefined ? due : due.slice(0, limit);
  }

  async findByCustomer(identity: CustomerIdentity, since: string): Promise<string[]> {
    const perIdentity = await Promise.all(
      customerIdentityHashes(identity).map((hash) =>
        this.queryAll({
          TableName: this.tableName,
          KeyConditionExpression: '#pk = :pk AND #sk >= :since',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: { ':pk': customerPartitionKey(hash), ':since': since },
          ConsistentRead: true,
        }),
      ),
    );
    const entries = perIdentity
      .flat()
      .map(fromIdentityItem)
      .sort((a, b) => a.receivedSortKey.localeCompare(b.receivedSortKey));
    return [...new Set(entries.map((entry) => entry.reference))];
  }

  async listByBranch(
    branchCode: string,
    from: string,
    to: string,
    cursor?: string,
    limit: number = this.branchPageSize,
  ): Promise<BranchPage> {
    assertPositiveInteger(limit, 'limit');
    // Sort keys are `<receivedAt>#<reference>`, so BETWEEN from AND to keeps `to` itself out.
    if (from >= to) return { cases: [] };
    const { indexName, partitionKey, sortKey } = caseTable.indexes.byBranch;
    const output = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: indexName,
        KeyConditionExpression: '#branch = :branch AND #received BETWEEN :from AND :to',
        ExpressionAttributeNames: { '#branch': partitionKey, '#received': sortKey },
        ExpressionAttributeValues: { ':branch': branchCode, ':from': from, ':to': to },
        Limit: limit,
        ...(cursor !== undefined && { ExclusiveStartKey: decodeBranchCursor(cursor, branchCode) }),
      }),
    );
    if (output.Items === undefined) throw new Error('Query returned no Items');
    const cases = output.Items.map(fromBranchCaseItem);
    return output.LastEvaluatedKey === undefined
      ? { cases }
      : { cases, cursor: encodeBranchCursor(output.LastEvaluatedKey) };
  }

  private caseItem(complaint: ComplaintCase): Item {
    return toCaseItem(complaint, this.nextDueAt(complaint));
  }

  /** New outbox records; like ledger entries they are never overwritten. */
  private outboxWrites(
    complaint: Pick<ComplaintCase, 'reference' | 'version'>,
    extras: CaseWriteExtras,
  ): TransactItem[] {
    return toOutboxItems(complaint, extras.effects ?? [], new Date().toISOString()).map((item) => ({
      Put: {
        TableName: this.tableName,
        Item: item,
        ConditionExpression: 'attribute_not_exists(#pk)',
        ExpressionAttributeNames: { '#pk': caseTable.partitionKey },
      },
    }));
  }

  /**
   * Marks an outbox record done, at most once. The sealed status token is dropped with it: it was
   * only kept until the acknowledgement went out.
   */
  private completionWrite(reference: string, completion: EffectCompletion): TransactItem {
    return {
      Update: {
        TableName: this.tableName,
        Key: outboxItemKey(reference, completion.id),
        UpdateExpression: 'SET #o.#doneAt = :now, #o.#outcome = :outcome REMOVE #o.#effect.#sealed',
        ConditionExpression: 'attribute_exists(#pk) AND attribute_not_exists(#o.#doneAt)',
        ExpressionAttributeNames: {
          '#pk': caseTable.partitionKey,
          '#o': itemAttributes.outbox,
          '#doneAt': 'doneAt',
          '#outcome': 'outcome',
          '#effect': 'effect',
          '#sealed': 'sealedTrackingToken',
        },
        ExpressionAttributeValues: { ':now': new Date().toISOString(), ':outcome': completion.outcome },
      },
    };
  }

  /** Ledger entries are never overwritten: an existing seq fails the whole transaction. */
  private eventWrites(events: readonly CaseEvent[]): TransactItem[] {
    return events.map((event) => ({
      Put: {
        TableName: this.tableName,
        Item: toEventItem(event),
        ConditionExpression: 'attribute_not_exists(#pk)',
        ExpressionAttributeNames: { '#pk': caseTable.partitionKey },
      },
    }));
  }

  /**
   * Writes all items or none. `writes[0]` is the case item: its failed condition becomes the
   * typed error from `onCaseConditionFailed`. A collision with another transaction in flight is
   * retried, because only a fresh attempt can tell whether the other writer won.
   */
  private async writeCaseTransaction(
    reference: string,
    writes: TransactItem[],
    onCaseConditionFailed: () => Error,
    onLastConditionFailed?: () => Error,
  ): Promise<void> {
    if (writes.length > maxTransactionItems) {
      throw new InvalidCaseWriteError(reference, `${writes.length} items exceed one transaction`);
    }
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.client.send(new TransactWriteCommand({ TransactItems: writes }));
        return;
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error;
        const codes = cancellationCodes(error);
        if (codes[0] === 'ConditionalCheckFailed') throw onCaseConditionFailed();
        if (onLastConditionFailed !== undefined && codes[writes.length - 1] === 'ConditionalCheckFailed') {
          throw onLastConditionFailed();
        }
        if (!codes.includes('TransactionConflict') || attempt >= maxConflictAttempts) throw error;
        await pause(attempt * 25 + Math.random() * 25);
      }
    }
  }

  /** Follows LastEvaluatedKey until the end, or until `enough` items have been read. */
  private async queryAll(input: QueryCommandInput, enough?: number): Promise<Item[]> {
    const items: Item[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const output = await this.client.send(new QueryCommand({ ...input, ExclusiveStartKey: startKey }));
      if (output.Items === undefined) throw new Error('Query returned no Items');
      items.push(...output.Items);
      startKey = output.LastEvaluatedKey;
    } while (startKey !== undefined && (enough === undefined || items.length < enough));
    return items;
  }
}
