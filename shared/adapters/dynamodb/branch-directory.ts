import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import type { BranchDirectory } from '../../domain/staff/staff-ports.js';
import {
  type Branch,
  type BranchChange,
  type BranchChangeActor,
  type BranchInput,
  branchChangeSchema,
  branchSchema,
} from '../../schemas/staff-branch-schema.js';
import { caseTable } from './case-table.js';
import { branchChangePartitionKey, branchPartitionKey, itemKeys } from './table-keys.js';

/**
 * Branches live in the case table under one partition (`itemKeys.branch`): a bank has tens to a
 * few thousand of them, read far more often than written, so listing them is one Query rather
 * than a scan of the whole table.
 *
 * Every write of a branch is a configuration change, recorded as a `branchChange` item (who,
 * when, before, after) in the same transaction. The branch item carries a `version`; the write is
 * conditional on the version (or absence) read, and the change item on its key being new, so two
 * concurrent edits cannot both claim one version: the loser re-reads and records its own change
 * after the winner's, and no change goes unrecorded. Items written before versions existed count
 * as version 0 and are matched on their `updatedAt`.
 */
const itemSchema = z.object({ branch: branchSchema, version: z.number().int().min(1).optional() });
const changeItemSchema = z.object({ change: branchChangeSchema });

/** The actor of a change no person made: the local runtime seeding its sample branches. */
export const systemActor: BranchChangeActor = { id: 'system', name: 'System' };

const maxAttempts = 20;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class BranchWriteContentionError extends Error {
  override readonly name = 'BranchWriteContentionError';
}

export class DynamoDbBranchDirectory implements BranchDirectory {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async list(): Promise<Branch[]> {
    const items = await this.queryAll(branchPartitionKey);
    return items.map((item) => itemSchema.parse(item).branch);
  }

  async get(code: string): Promise<Branch | undefined> {
    return (await this.read(code))?.branch;
  }

  async changes(code: string): Promise<BranchChange[]> {
    const items = await this.queryAll(branchChangePartitionKey(code));
    return items.map((item) => changeItemSchema.parse(item).change);
  }

  async put(
    code: string,
    input: BranchInput,
    now: Date,
    actor: BranchChangeActor = systemActor,
  ): Promise<{ branch: Branch; created: boolean; change: BranchChange }> {
    for (let attempt = 1; ; attempt += 1) {
      const current = await this.read(code);
      const version = (current?.version ?? 0) + 1;
      const branch: Branch = { ...input, code, updatedAt: now.toISOString() };
      const change: BranchChange = {
        code,
        version,
        at: now.toISOString(),
        actor: { id: actor.id, name: actor.name },
        ...(current === undefined ? {} : { before: current.branch }),
        after: branch,
      };
      const changeKey = itemKeys.branchChange(code, version);
      try {
        await this.client.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: this.tableName,
                  Item: { ...itemKeys.branch(code), branch, version },
                  ...this.unchangedSince(current),
                },
              },
              {
                Put: {
                  TableName: this.tableName,
                  Item: { ...changeKey, change },
                  ConditionExpression: 'attribute_not_exists(#pk)',
                  ExpressionAttributeNames: { '#pk': caseTable.partitionKey },
                },
              },
            ],
          }),
        );
        return { branch, created: current === undefined, change };
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error;
        // Another edit won this version (or is writing it): read again and record after it.
        if (attempt >= maxAttempts) throw new BranchWriteContentionError(`branch ${code} kept changing`);
        await pause(Math.min(500, 10 * 2 ** attempt) * Math.random() + 5);
      }
    }
  }

  /** The condition that the branch is still as it was read. */
  private unchangedSince(current: z.infer<typeof itemSchema> | undefined): {
    ConditionExpression: string;
    ExpressionAttributeNames: Record<string, string>;
    ExpressionAttributeValues?: Record<string, unknown>;
  } {
    if (current === undefined) {
      return {
        ConditionExpression: 'attribute_not_exists(#pk)',
        ExpressionAttributeNames: { '#pk': caseTable.partitionKey },
      };
    }
    if (current.version === undefined) {
      return {
        ConditionExpression: 'attribute_not_exists(#version) AND #branch.#updatedAt = :updatedAt',
        ExpressionAttributeNames: { '#version': 'version', '#branch': 'branch', '#updatedAt': 'updatedAt' },
        ExpressionAttributeValues: { ':updatedAt': current.branch.updatedAt },
      };
    }
    return {
      ConditionExpression: '#version = :version',
      ExpressionAttributeNames: { '#version': 'version' },
      ExpressionAttributeValues: { ':version': current.version },
    };
  }

  private async read(code: string): Promise<z.infer<typeof itemSchema> | undefined> {
    const output = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: itemKeys.branch(code), ConsistentRead: true }),
    );
    return output.Item === undefined ? undefined : itemSchema.parse(output.Item);
  }

  private async queryAll(partition: string): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const output = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: '#pk = :pk',
          ExpressionAttributeNames: { '#pk': caseTable.partitionKey },
          ExpressionAttributeValues: { ':pk': partition },
          ExclusiveStartKey: startKey,
          ConsistentRead: true,
        }),
      );
      items.push(...(output.Items ?? []));
      startKey = output.LastEvaluatedKey;
    } while (startKey !== undefined);
    return items;
  }
}
