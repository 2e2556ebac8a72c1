import { type AttributeValue, DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { z } from 'zod';
import { itemAttributes } from '../../shared/adapters/dynamodb/case-items.js';
import { caseTable } from '../../shared/adapters/dynamodb/case-table.js';
import { keyPrefixes } from '../../shared/adapters/dynamodb/table-keys.js';
import type { LocalProcess, ProcessEntry } from './local-process.js';

/**
 * What a person (or a test) can see of a running `npm start` from outside: its mailbox, the staff
 * API, and, for the checks a person would make with the AWS CLI, its table and queues.
 */

export const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface Mail {
  id: string;
  to: string[];
  subject: string;
}

const sesStoreSchema = z.object({
  emails: z.array(
    z.object({
      messageId: z.string(),
      destination: z.object({ to: z.array(z.string()) }),
      subject: z.string(),
    }),
  ),
});

/** What the local SES has captured, read from its own store (it does not wait for anything). */
export const sesMail = async (sesEndpoint: string): Promise<Mail[]> => {
  const response = await fetch(`${sesEndpoint}/store`, { signal: AbortSignal.timeout(30_000) });
  return sesStoreSchema
    .parse(await response.json())
    .emails.map((email) => ({ id: email.messageId, to: email.destination.to, subject: email.subject }));
};

const capturedMailSchema = z.array(
  z.object({ id: z.string(), to: z.array(z.string()), subject: z.string() }),
);

/** `GET /_local/mail`, as a person checks the mailbox (it lets notices already owed go out first). */
export const localMail = async (url: string): Promise<Mail[]> => {
  const response = await fetch(`${url}/_local/mail`, { signal: AbortSignal.timeout(120_000) });
  if (response.status !== 200) throw new Error(`GET /_local/mail answered ${response.status}`);
  return capturedMailSchema.parse(await response.json());
};

export const tokenFor = async (url: string, user: string): Promise<string> => {
  const response = await fetch(`${url}/_local/token?user=${user}`);
  return z.object({ token: z.string() }).parse(await response.json()).token;
};

const caseSummarySchema = z.object({
  reference: z.string(),
  status: z.string(),
  subject: z.string(),
  acknowledgedAt: z.string().optional(),
});
export type CaseSummary = z.infer<typeof caseSummarySchema>;

/** Every case, as the staff console lists them (GET /api/cases, page by page). */
export const listCases = async (url: string, token: string): Promise<CaseSummary[]> => {
  const cases: CaseSummary[] = [];
  let cursor: string | undefined;
  do {
    const query = new URLSearchParams({ limit: '100', ...(cursor === undefined ? {} : { cursor }) });
    const response = await fetch(`${url}/api/cases?${query}`, {
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(30_000),
    });
    if (response.status !== 200) throw new Error(`GET /api/cases answered ${response.status}`);
    const page = z
      .object({ cases: z.array(caseSummarySchema), cursor: z.string().optional() })
      .parse(await response.json());
    cases.push(...page.cases);
    cursor = page.cursor;
  } while (cursor !== undefined);
  return cases;
};

const ledgerSchema = z.object({
  case: z.object({ reference: z.string(), status: z.string(), acknowledgedAt: z.string().optional() }),
  timeline: z.array(z.object({ kind: z.string(), data: z.record(z.string(), z.unknown()).optional() })),
});
export type CaseLedger = z.infer<typeof ledgerSchema>;

/** `GET /api/cases/{reference}`: the case and its ledger, or the status code when it is not 200. */
export const caseLedger = async (
  url: string,
  token: string,
  reference: string,
): Promise<CaseLedger | number> => {
  const response = await fetch(`${url}/api/cases/${encodeURIComponent(reference)}`, {
    headers: { authorization: `Bearer ${token}` },
    signal: AbortSignal.timeout(30_000),
  });
  if (response.status !== 200) {
    await response.body?.cancel();
    return response.status;
  }
  return ledgerSchema.parse(await response.json());
};

const localClient = <T>(create: (credentials: { accessKeyId: string; secretAccessKey: string }) => T) =>
  create({ accessKeyId: 'local', secretAccessKey: 'local' });

/** Outbox records not yet done: effects owed by a committed change that never happened. */
export const undoneEffects = async (target: LocalProcess): Promise<string[]> => {
  const client = localClient(
    (credentials) => new DynamoDBClient({ endpoint: target.dynamoDb, region: 'local', credentials }),
  );
  try {
    const undone: string[] = [];
    let startKey: Record<string, AttributeValue> | undefined;
    do {
      const page = await client.send(
        new ScanCommand({
          TableName: target.tableName,
          FilterExpression: 'begins_with(#sk, :outbox) AND attribute_not_exists(#o.#done)',
          ExpressionAttributeNames: {
            '#sk': caseTable.sortKey,
            '#o': itemAttributes.outbox,
            '#done': 'doneAt',
          },
          ExpressionAttributeValues: { ':outbox': { S: keyPrefixes.outbox } },
          ConsistentRead: true,
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of page.Items ?? []) {
        undone.push(`${item[caseTable.partitionKey]?.S ?? '?'} ${item[caseTable.sortKey]?.S ?? '?'}`);
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey !== undefined);
    return undone;
  } finally {
    client.destroy();
  }
};

/** Messages the intake queue gave up on (its dead-letter queue). */
export const deadLetteredIntake = async (target: LocalProcess): Promise<number> => {
  const client = localClient(
    (credentials) =>
      new SQSClient({ endpoint: new URL(target.intakeQueueUrl).origin, region: 'local', credentials }),
  );
  try {
    const { Attributes } = await client.send(
      new GetQueueAttributesCommand({
        QueueUrl: `${target.intakeQueueUrl}-dlq`,
        AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
      }),
    );
    return (
      Number(Attributes?.ApproximateNumberOfMessages ?? 'NaN') +
      Number(Attributes?.ApproximateNumberOfMessagesNotVisible ?? 'NaN')
    );
  } finally {
    client.destroy();
  }
};

/** What the stream poller prints when an outbox record goes to its failure destination. */
export const EFFECT_DEAD_LETTER = 'failed after every retry';

/**
 * Polls `missing` (which lists what is not there yet) until it lists nothing; fails after
 * `timeoutMs` with `what` and the list (the first 50 lines of it).
 */
export const waitUntilNothingMissing = async (
  what: string,
  timeoutMs: number,
  missing: () => Promise<string[]>,
): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const left = await missing();
    if (left.length === 0) return;
    if (Date.now() > deadline) {
      throw new Error(
        `${what} within ${timeoutMs / 1000} s (${left.length} left):\n  ${left.slice(0, 50).join('\n  ')}`,
      );
    }
    await delay(1000);
  }
};

/** `task` for every item, `width` at a time, results in order. */
export const mapFew = async <T, R>(
  items: readonly T[],
  task: (item: T) => Promise<R>,
  width = 6,
): Promise<R[]> => {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < items.length; index = next++) {
      results[index] = await task(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
  return results;
};

const isJava = (entry: ProcessEntry) => /^\S*java\s/.test(entry.args) && entry.args.includes('DynamoDBLocal');

export const dynamoDbLocalOf = async (target: LocalProcess): Promise<ProcessEntry> => {
  const java = (await target.tree()).find(isJava);
  if (java === undefined) throw new Error(`no DynamoDB Local process under npm start (pid ${target.pid})`);
  return java;
};

/**
 * Kills the `npm start` process group with SIGKILL and returns every mail it sent. The local mail
 * store lives in memory and dies with the runtime, so just before the kill DynamoDB Local is
 * frozen (SIGSTOP): every handler then hangs on its next read or write, no further mail can go
 * out, and once the mailbox stops changing it holds every mail sent before the kill. DynamoDB
 * Local runs in a process group of its own; resumed after the kill, it finds the runtime gone and
 * shuts down as it would had it never been frozen.
 */
export const freezeAndKill = async (
  target: LocalProcess,
): Promise<{ mail: Mail[]; tree: ProcessEntry[] }> => {
  const java = await dynamoDbLocalOf(target);
  const tree = await target.tree();
  process.kill(java.pid, 'SIGSTOP');
  try {
    let mail = await sesMail(target.ses);
    let unchanged = 0;
    const quietDeadline = Date.now() + 15_000;
    while (unchanged < 3) {
      await delay(100);
      const again = await sesMail(target.ses);
      unchanged = again.length === mail.length ? unchanged + 1 : 0;
      mail = again;
      if (Date.now() > quietDeadline) throw new Error('mail kept going out with DynamoDB Local frozen');
    }
    return { mail, tree };
  } finally {
    target.signalGroup('SIGKILL');
    try {
      process.kill(java.pid, 'SIGCONT');
    } catch {
      // Already gone.
    }
  }
};
