import { readFileSync, writeFileSync } from 'node:fs';
import {
  DescribeStreamCommand,
  type DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamRecord,
} from '@aws-sdk/client-dynamodb-streams';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { z } from 'zod';
import { matchesFilter } from '../../shared/config/effects-stream-settings.js';

export type StreamBatchHandler = (
  event: DynamoDBStreamEvent,
  context: Context,
) => Promise<DynamoDBBatchResponse>;

export interface StreamPollerOptions {
  client: DynamoDBStreamsClient;
  streamArn: string;
  region: string;
  handler: StreamBatchHandler;
  context: () => Context;
  /** The deployed event source mapping's settings. */
  batchSize: number;
  retryAttempts: number;
  filterPattern: unknown;
  /** Where the position in each shard is kept, so a restart goes on where it stopped. */
  checkpointFile: string;
  /** Pause between passes when the stream had nothing new. */
  idlePollMs?: number;
  /** Pause before the n-th retry of a failing batch. */
  retryDelayMs?: (attempt: number) => number;
}

interface ShardState {
  id: string;
  parentId?: string;
  iterator?: string;
  /** The shard is closed and read to its end. */
  finished: boolean;
}

const checkpointSchema = z.record(z.string(), z.string());

/**
 * Plays the part of Lambda's DynamoDB stream event source mapping: reads the case table's
 * stream shard by shard in order (a child after its parent), keeps the records the filter
 * selects, hands them to the same handler in batches of the same size, and on a reported failure
 * retries from the failed record with the same number of tries; a record that still fails goes
 * to `deadLetters` (the deployed failure destination) and the shard moves on.
 */
export class StreamPoller {
  private running = false;
  private loop: Promise<void> | undefined;
  private readonly shards = new Map<string, ShardState>();
  private checkpoints: Record<string, string>;
  private passes = 0;
  private lastPassFound = true;
  private busy = false;
  readonly deadLetters: Array<{ sequenceNumber: string; error: string }> = [];

  constructor(private readonly options: StreamPollerOptions) {
    this.checkpoints = StreamPoller.readCheckpoints(options.checkpointFile);
  }

  private static readCheckpoints(file: string): Record<string, string> {
    try {
      return checkpointSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    } catch {
      // No file yet, or an unreadable one: read every shard from its start (done effects are skipped).
      return {};
    }
  }

  start(): void {
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  /** Resolves once a full pass that began after the call found nothing new; fails after `timeoutMs`. */
  async settle(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const from = this.passes;
    for (;;) {
      if (this.passes >= from + 2 && !this.lastPassFound && !this.busy) return;
      if (!this.running) return;
      if (Date.now() > deadline) throw new Error(`the effects stream did not settle within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  private async run(): Promise<void> {
    let lastDescribe = 0;
    while (this.running) {
      let found = false;
      try {
        if (Date.now() - lastDescribe > 1000) {
          await this.describeShards();
          lastDescribe = Date.now();
        }
        for (const shard of this.readableShards()) {
          if (!this.running) break;
          found = (await this.readShard(shard)) || found;
        }
      } catch (error) {
        if (!this.running) return;
        process.stderr.write(`stream poller: ${error instanceof Error ? error.name : 'unknown error'}\n`);
        found = true;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      this.lastPassFound = found;
      this.passes += 1;
      if (!found) await new Promise((resolve) => setTimeout(resolve, this.options.idlePollMs ?? 25));
    }
  }

  private async describeShards(): Promise<void> {
    let exclusiveStart: string | undefined;
    do {
      const output = await this.options.client.send(
        new DescribeStreamCommand({
          StreamArn: this.options.streamArn,
          ...(exclusiveStart === undefined ? {} : { ExclusiveStartShardId: exclusiveStart }),
        }),
      );
      for (const shard of output.StreamDescription?.Shards ?? []) {
        if (shard.ShardId === undefined || this.shards.has(shard.ShardId)) continue;
        this.shards.set(shard.ShardId, {
          id: shard.ShardId,
          ...(shard.ParentShardId === undefined ? {} : { parentId: shard.ParentShardId }),
          finished: false,
        });
      }
      exclusiveStart = output.StreamDescription?.LastEvaluatedShardId;
    } while (exclusiveStart !== undefined);
  }

  /** Open shards whose parent (if we know it) is read to its end: stream order is kept per key. */
  private readableShards(): ShardState[] {
    return [...this.shards.values()].filter((shard) => {
      if (shard.finished) return false;
      const parent = shard.parentId === undefined ? undefined : this.shards.get(shard.parentId);
      return parent === undefined || parent.finished;
    });
  }

  private async iteratorFor(shard: ShardState): Promise<string | undefined> {
    const after = this.checkpoints[shard.id];
    const request = (type: 'AFTER_SEQUENCE_NUMBER' | 'TRIM_HORIZON') =>
      this.options.client.send(
        new GetShardIteratorCommand({
          StreamArn: this.options.streamArn,
          ShardId: shard.id,
          ShardIteratorType: type,
          ...(type === 'AFTER_SEQUENCE_NUMBER' ? { SequenceNumber: after } : {}),
        }),
      );
    if (after !== undefined) {
      try {
        return (await request('AFTER_SEQUENCE_NUMBER')).ShardIterator;
      } catch {
        // The remembered position is gone (trimmed or a new table): start from the oldest record.
      }
    }
    return (await request('TRIM_HORIZON')).ShardIterator;
  }

  /** Reads what is new in one shard and delivers it; true when there were records. */
  private async readShard(shard: ShardState): Promise<boolean> {
    shard.iterator ??= await this.iteratorFor(shard);
    if (shard.iterator === undefined) {
      shard.finished = true;
      return false;
    }
    const output = await this.options.client.send(
      new GetRecordsCommand({ ShardIterator: shard.iterator, Limit: 1000 }),
    );
    const records = output.Records ?? [];
    if (output.NextShardIterator === undefined) shard.finished = true;
    else shard.iterator = output.NextShardIterator;
    if (records.length === 0) return false;

    const selected = records
      .map((record) => this.toLambdaRecord(record))
      .filter((record) => matchesFilter(this.options.filterPattern, record));
    this.busy = true;
    try {
      for (let start = 0; start < selected.length; start += this.options.batchSize) {
        await this.deliver(selected.slice(start, start + this.options.batchSize));
      }
    } finally {
      this.busy = false;
    }
    const last = records.at(-1)?.dynamodb?.SequenceNumber;
    if (last !== undefined) this.saveCheckpoint(shard.id, last);
    return true;
  }

  private toLambdaRecord(record: StreamRecord): DynamoDBRecord {
    // The Streams API and the Lambda event carry the same record; Lambda adds the source ARN.
    const lambdaRecord: DynamoDBRecord = JSON.parse(JSON.stringify(record));
    lambdaRecord.eventSourceARN = this.options.streamArn;
    lambdaRecord.awsRegion = this.options.region;
    return lambdaRecord;
  }

  private async deliver(batch: DynamoDBRecord[]): Promise<void> {
    let remaining = batch;
    let attempt = 0;
    while (remaining.length > 0) {
      let failedFrom: number;
      let reason = 'reported as failed';
      try {
        const response = await this.options.handler({ Records: remaining }, this.options.context());
        const failed = new Set(response.batchItemFailures.map((failure) => failure.itemIdentifier));
        failedFrom = remaining.findIndex((record) => failed.has(record.dynamodb?.SequenceNumber ?? ''));
      } catch (error) {
        // A thrown invocation fails the whole batch, as with Lambda.
        failedFrom = 0;
        reason = error instanceof Error ? error.name : 'unknown error';
      }
      if (failedFrom === -1) return;
      remaining = remaining.slice(failedFrom);
      attempt += 1;
      if (attempt > this.options.retryAttempts) {
        const [first, ...rest] = remaining;
        this.deadLetters.push({ sequenceNumber: first?.dynamodb?.SequenceNumber ?? '', error: reason });
        process.stderr.write('effects stream: a record failed after every retry; see the dead letters\n');
        remaining = rest;
        attempt = 0;
        continue;
      }
      const delay = this.options.retryDelayMs?.(attempt) ?? Math.min(100 * 2 ** (attempt - 1), 2000);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }

  private saveCheckpoint(shardId: string, sequenceNumber: string): void {
    this.checkpoints[shardId] = sequenceNumber;
    writeFileSync(this.options.checkpointFile, JSON.stringify(this.checkpoints));
  }
}
