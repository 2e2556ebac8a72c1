import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEvent, Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { z } from 'zod';
import { proxyEvent } from '../../infra/local/proxy-event.js';
import type { Clock } from '../../shared/domain/time/clock.js';
import type { complaintSubmissionSchema } from '../../shared/schemas/complaint-submission-schema.js';

/** What a client sends to `POST /api/complaints`, before the schema trims anything. */
export type SubmissionBody = z.input<typeof complaintSubmissionSchema>;

/** A complete, valid complaint as the public form would send it; override what a test is about. */
export const validSubmission = (overrides: Partial<SubmissionBody> = {}): SubmissionBody => ({
  customer: { name: '王芳', email: 'wang.fang@example.com', phone: '+86 138 0013 8000' },
  anonymous: false,
  branchCode: 'BJ-001',
  category: 'service_product',
  product: 'credit-card',
  subject: '信用卡年费重复扣收',
  description: '11月20日我的信用卡被扣了两次年费，请退还多扣的一笔。',
  occurredAt: '2026-11-20',
  desiredOutcome: '退还多扣的年费',
  language: 'zh-CN',
  consent: true,
  ...overrides,
});

/** A clock that stands still until a test moves it. */
export interface SettableClock extends Clock {
  set(at: string): void;
  advance(milliseconds: number): void;
}

export const settableClock = (start: string): SettableClock => {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current),
    set: (at) => {
      current = new Date(at).getTime();
    },
    advance: (milliseconds) => {
      current += milliseconds;
    },
  };
};

/** A Lambda context with the remaining time a freshly started invocation would report. */
export const lambdaContext = (functionName: string, timeoutMs = 30_000): Context => {
  const deadline = Date.now() + timeoutMs;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:cn-north-1:123456789012:function:${functionName}`,
    memoryLimitInMB: '512',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: '2026/11/23/[$LATEST]test',
    getRemainingTimeInMillis: () => Math.max(deadline - Date.now(), 0),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
};

export interface ApiEventInput {
  method: string;
  /** The route template, e.g. `/api/complaints/{reference}`. */
  resource: string;
  path: string;
  body?: string | null;
  isBase64Encoded?: boolean;
  headers?: Record<string, string>;
  pathParameters?: Record<string, string> | null;
  query?: Record<string, string> | null;
}

/** A REST API (v1) proxy event as API Gateway delivers it. */
export const apiEvent = (input: ApiEventInput): APIGatewayProxyEvent =>
  proxyEvent({
    method: input.method,
    resource: input.resource,
    path: input.path,
    body: input.body ?? null,
    isBase64Encoded: input.isBase64Encoded ?? false,
    headers: { 'user-agent': 'Mozilla/5.0', ...input.headers },
    query: Object.fromEntries(Object.entries(input.query ?? {}).map(([name, value]) => [name, [value]])),
    pathParameters: input.pathParameters ?? {},
    sourceIp: '203.0.113.7',
    stage: 'prod',
    requestTimeEpoch: Date.parse('2026-11-23T02:00:00.000Z'),
  });

/** `POST /api/complaints` with a JSON body. */
export const submitEvent = (body: unknown, headers: Record<string, string> = {}): APIGatewayProxyEvent =>
  apiEvent({
    method: 'POST',
    resource: '/api/complaints',
    path: '/api/complaints',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...headers },
  });

/** `GET /api/complaints/{reference}` with the given query. */
export const statusEvent = (reference: string, query: Record<string, string> | null): APIGatewayProxyEvent =>
  apiEvent({
    method: 'GET',
    resource: '/api/complaints/{reference}',
    path: `/api/complaints/${encodeURIComponent(reference)}`,
    pathParameters: { reference },
    query,
  });

/** One record of an SQS batch from the intake queue, as the event source mapping builds it. */
export const sqsRecord = (body: string, messageId: string = randomUUID()): SQSRecord => ({
  messageId,
  receiptHandle: `receipt-${messageId}`,
  body,
  attributes: {
    ApproximateReceiveCount: '1',
    SentTimestamp: '1795399200000',
    SenderId: 'AROAEXAMPLE:submit-complaint',
    ApproximateFirstReceiveTimestamp: '1795399200100',
  },
  messageAttributes: {},
  md5OfBody: 'd41d8cd98f00b204e9800998ecf8427e',
  eventSource: 'aws:sqs',
  eventSourceARN: 'arn:aws:sqs:cn-north-1:123456789012:intake',
  awsRegion: 'cn-north-1',
});

export const sqsEvent = (...records: SQSRecord[]): SQSEvent => ({ Records: records });

/** The `{error:{code,message,fields}}` body every 4xx/5xx of the API carries. */
export const errorBodySchema = z.strictObject({
  error: z.strictObject({
    code: z.string().min(1),
    message: z.string().min(1),
    fields: z.array(z.strictObject({ path: z.string().min(1), message: z.string().min(1) })),
  }),
});

/** The 202 body of an accepted complaint. */
export const acceptedBodySchema = z.strictObject({
  reference: z.string(),
  trackingToken: z.string(),
  status: z.literal('received'),
  statusUrl: z.string(),
});

/** The customer's status view. */
export const statusBodySchema = z.strictObject({
  reference: z.string(),
  status: z.string(),
  receivedAt: z.string(),
  acknowledgeBy: z.string().optional(),
  decideBy: z.string().optional(),
  history: z.array(z.strictObject({ at: z.string(), kind: z.string(), text: z.string() })),
});

/** How many random bits a base64url token carries. */
export const tokenBits = (token: string): number => Buffer.from(token, 'base64url').length * 8;
