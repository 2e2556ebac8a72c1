import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AttributeValue, ScanCommand } from '@aws-sdk/client-dynamodb';
import { GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { z } from 'zod';
import { type AppOverrides, createApp } from '../../functions/app/create-app.js';
import { saveClockPosition } from '../../infra/local/clock-state.js';
import { loadLocalConfig } from '../../infra/local/local-config.js';
import { type LocalRuntime, startLocalRuntime } from '../../infra/local/local-runtime.js';
import { caseTable } from '../../shared/adapters/dynamodb/case-table.js';
import { loadAppConfig } from '../../shared/config/app-config.js';

export interface RuntimeFixture {
  runtime: LocalRuntime;
  /** Stops the runtime and removes its data directory. */
  dispose(): Promise<void>;
}

/**
 * The local system on a fresh data directory, its virtual clock frozen at `startAt` (written
 * where the runtime reads its clock position from, so it starts there rather than at wall time).
 */
export const startRuntimeAt = async (
  startAt: Date,
  env: Record<string, string> = {},
): Promise<RuntimeFixture> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'redress-intake-'));
  saveClockPosition(dataDir, startAt);
  try {
    const runtime = await startLocalRuntime(
      loadLocalConfig({ PORT: '0', REDRESS_DATA_DIR: dataDir, REDRESS_CLOCK: 'frozen', ...env }),
    );
    return {
      runtime,
      dispose: async () => {
        await runtime.stop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
};

export interface HttpAnswer {
  status: number;
  headers: Headers;
  /** The body as text, exactly as sent. */
  text: string;
  /** The body parsed as JSON, or undefined if it is not JSON. */
  json: unknown;
}

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

export const request = async (url: string, init: RequestInit = {}): Promise<HttpAnswer> => {
  const response = await fetch(url, init);
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: parseJson(text) };
};

/** `POST /api/complaints` with a JSON body. */
export const postComplaint = (
  runtime: LocalRuntime,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<HttpAnswer> =>
  request(`${runtime.url}/api/complaints`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

// The fields the contract promises; the capture may add more (e.g. the SMTP Message-ID).
const capturedMailSchema = z.array(
  z.object({
    id: z.string(),
    at: z.string(),
    from: z.string(),
    to: z.array(z.string()),
    cc: z.array(z.string()),
    subject: z.string(),
    text: z.string(),
    html: z.string(),
  }),
);

export type CapturedMail = z.infer<typeof capturedMailSchema>[number];

/** Every e-mail the local SES captured, oldest first, read through `GET /_local/mail`. */
export const capturedMail = async (runtime: LocalRuntime): Promise<CapturedMail[]> => {
  const answer = await request(`${runtime.url}/_local/mail`);
  if (answer.status !== 200) throw new Error(`GET /_local/mail answered ${answer.status}`);
  return capturedMailSchema.parse(answer.json);
};

export const clearMail = async (runtime: LocalRuntime): Promise<void> => {
  const answer = await request(`${runtime.url}/_local/mail/clear`, { method: 'POST' });
  if (answer.status !== 200) throw new Error(`POST /_local/mail/clear answered ${answer.status}`);
};

const caseKeySchema = z.object({ [caseTable.partitionKey]: z.object({ S: z.string() }) });

/** References of every case item in the runtime's table, read with a scan (no index can hide one). */
export const storedReferences = async (runtime: LocalRuntime): Promise<string[]> => {
  const references: string[] = [];
  let startKey: Record<string, AttributeValue> | undefined;
  do {
    const page = await runtime.dynamoDb.client.send(
      new ScanCommand({
        TableName: runtime.config.tableName,
        FilterExpression: '#sk = :case',
        ExpressionAttributeNames: { '#sk': caseTable.sortKey },
        ExpressionAttributeValues: { ':case': { S: 'CASE' } },
        ConsistentRead: true,
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of page.Items ?? []) {
      references.push(caseKeySchema.parse(item)[caseTable.partitionKey].S.replace(/^CASE#/, ''));
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey !== undefined);
  return references.sort();
};

/** Messages waiting or in flight on a queue of the runtime's local SQS. */
export const queueDepth = async (runtime: LocalRuntime, queueUrl: string): Promise<number> => {
  const client = new SQSClient({
    endpoint: runtime.sqs.endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    const { Attributes } = await client.send(
      new GetQueueAttributesCommand({
        QueueUrl: queueUrl,
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

/** `POST /_local/clock` (`{advance}` or `{to}`); resolves with the clock's new time once settled. */
export const moveClock = async (
  runtime: LocalRuntime,
  move: { advance: string } | { to: string },
): Promise<string> => {
  const answer = await request(`${runtime.url}/_local/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(move),
  });
  if (answer.status !== 200) throw new Error(`POST /_local/clock answered ${answer.status}: ${answer.text}`);
  return z.object({ now: z.string() }).parse(answer.json).now;
};

/**
 * The composition root the runtime uses, built again on the runtime's stand-ins and data, so a
 * test can wrap or replace one dependency of a handler. Close it with `close()`.
 */
export const appOnRuntime = (runtime: LocalRuntime, overrides: Omit<AppOverrides, 'endpoints'> = {}) =>
  createApp(
    loadAppConfig({
      AWS_REGION: 'local',
      TABLE_NAME: runtime.config.tableName,
      IDEMPOTENCY_TABLE_NAME: `${runtime.config.tableName}-idempotency`,
      INTAKE_QUEUE_URL: runtime.sqs.intakeQueueUrl,
      ATTACHMENTS_BUCKET: runtime.s3.attachmentsBucket,
      SENDER_ADDRESS: runtime.config.senderAddress,
      COMPLAINTS_ADDRESS: runtime.config.complaintsAddress,
      PUBLIC_BASE_URL: runtime.config.publicBaseUrl,
    }),
    {
      endpoints: {
        dynamoDb: runtime.dynamoDb.endpoint,
        sqs: runtime.sqs.endpoint,
        ses: runtime.ses.endpoint,
        s3: runtime.s3.endpoint,
      },
      clock: runtime.clock,
      ...overrides,
    },
  );
