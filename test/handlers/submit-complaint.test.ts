import { createHash } from 'node:crypto';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createSubmitComplaintHandler } from '../../functions/submit-complaint/create-handler.js';
import { DynamoDbCaseStore } from '../../shared/adapters/dynamodb/dynamodb-case-store.js';
import { defaultIntakeSettings } from '../../shared/config/intake-settings.js';
import { caseNextDueAt } from '../../shared/domain/intake/case-next-due-at.js';
import {
  acceptedBodySchema,
  apiEvent,
  errorBodySchema,
  lambdaContext,
  settableClock,
  submitEvent,
  tokenBits,
  validSubmission,
} from '../support/intake-fixtures.js';
import { createIntakeTables, type IntakeTablesFixture } from '../support/intake-tables.js';
import { RecordingQueue } from '../support/recording-ports.js';

/** 17:30 UTC on 23 November is already 01:30 on 24 November in Beijing. */
const NOW = '2026-11-23T17:30:00.000Z';
const settings = { ...defaultIntakeSettings, publicBaseUrl: 'https://complaints.bank.example' };

let tables: IntakeTablesFixture;
const queue = new RecordingQueue();
const clock = settableClock(NOW);
let handler: ReturnType<typeof createSubmitComplaintHandler>;

const invoke = (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> =>
  handler(event, lambdaContext('submit-complaint'));

beforeAll(async () => {
  tables = await createIntakeTables('submit-handler');
  handler = createSubmitComplaintHandler({
    store: tables.store,
    queue,
    clock,
    settings,
  });
});

afterAll(async () => {
  await tables?.dispose();
});

describe('submit-complaint handler', () => {
  it('stores the received record, queues its reference with the token and answers 202', async () => {
    const body = validSubmission({ customer: { name: ' 王芳 ', email: 'wang.fang@example.com', age: 72 } });
    const result = await invoke(submitEvent(body));

    expect(result.statusCode).toBe(202);
    expect(result.headers).toMatchObject({
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
    });
    const accepted = acceptedBodySchema.parse(JSON.parse(result.body));
    // The reference carries the receipt date in the bank's zone, not in UTC.
    expect(accepted.reference).toMatch(/^RD-20261124-[2-9A-HJKMNP-TV-Z]{6}$/);
    expect(tokenBits(accepted.trackingToken)).toBeGreaterThanOrEqual(128);
    expect(accepted.statusUrl).toBe(`/status/${accepted.reference}?token=${accepted.trackingToken}`);

    expect(queue.for(accepted.reference)).toEqual([
      { reference: accepted.reference, trackingToken: accepted.trackingToken },
    ]);
    const stored = await tables.store.get(accepted.reference);
    expect(stored).toMatchObject({
      status: 'received',
      channel: 'web',
      version: 1,
      receivedAt: NOW,
      language: 'zh-CN',
      branchCode: 'BJ-001',
      category: 'service_product',
      customer: { name: '王芳', email: 'wang.fang@example.com', age: 72 },
      subject: body.subject,
      occurredAt: '2026-11-20',
      clockPolicyId: 'cn-2020',
      calendarId: 'cn-mainland',
      trackingTokenHash: createHash('sha256').update(accepted.trackingToken).digest('hex'),
    });
    expect(await tables.store.listEvents(accepted.reference)).toMatchObject([
      { seq: 1, kind: 'case.received', at: NOW, actor: { kind: 'customer' } },
    ]);
  });

  it('stores the tracking token nowhere in clear, not even in the idempotency record', async () => {
    const result = await invoke(
      submitEvent(validSubmission({ customer: { name: 'Li Hua', email: 'li.hua@example.com' } }), {
        'Idempotency-Key': 'token-not-stored-01',
      }),
    );
    const { trackingToken } = acceptedBodySchema.parse(JSON.parse(result.body));
    const items = await tables.rawItems();
    expect(items.some((item) => item.includes('token-not-stored-01'))).toBe(false);
    expect(items.filter((item) => item.includes(trackingToken))).toEqual([]);
  });

  it('keeps no name, customer id or age for an anonymous complaint', async () => {
    const result = await invoke(
      submitEvent(
        validSubmission({
          anonymous: true,
          customer: { name: 'Zhang Wei', email: 'zw@example.com', customerId: 'C-1', age: 80 },
        }),
      ),
    );
    const { reference } = acceptedBodySchema.parse(JSON.parse(result.body));
    const stored = await tables.store.get(reference);
    expect(stored?.anonymous).toBe(true);
    expect(stored?.customer).toEqual({ email: 'zw@example.com' });
  });

  it('reads a base64-encoded body as API Gateway may deliver it', async () => {
    const body = Buffer.from(JSON.stringify(validSubmission({ subject: 'Base64 body' }))).toString('base64');
    const result = await invoke(
      apiEvent({
        method: 'POST',
        resource: '/api/complaints',
        path: '/api/complaints',
        body,
        isBase64Encoded: true,
        headers: { 'Content-Type': 'application/json; charset=utf-8' },
      }),
    );
    expect(result.statusCode).toBe(202);
    const { reference } = acceptedBodySchema.parse(JSON.parse(result.body));
    expect((await tables.store.get(reference))?.subject).toBe('Base64 body');
  });

  it('still accepts the complaint when the queue is down, and marks it due for a re-drive in 5 minutes', async () => {
    queue.setDown(true);
    let result: APIGatewayProxyResult;
    try {
      result = await invoke(submitEvent(validSubmission({ subject: 'Queue down' })));
    } finally {
      queue.setDown(false);
    }
    expect(result.statusCode).toBe(202);
    const { reference } = acceptedBodySchema.parse(JSON.parse(result.body));
    expect(queue.for(reference)).toEqual([]);
    expect((await tables.store.get(reference))?.status).toBe('received');

    const dueAt = new Date(Date.parse(NOW) + 5 * 60 * 1000).toISOString();
    const dueBefore = async (at: string) =>
      (await tables.store.findDue(at)).map((entry) => entry.case.reference).includes(reference);
    expect(await dueBefore(dueAt)).toBe(false);
    expect(await dueBefore(new Date(Date.parse(dueAt) + 1).toISOString())).toBe(true);
  });

  it('answers a retry with the same key and body exactly as the first time, queueing once', async () => {
    const body = validSubmission({ customer: { name: 'Sun Li', phone: '+86 21 5555 0101' } });
    const first = await invoke(submitEvent(body, { 'Idempotency-Key': 'same-key-same-body' }));
    // Header names are case-insensitive, and time has moved on for the retry.
    clock.advance(90 * 1000);
    const second = await invoke(submitEvent(body, { 'IDEMPOTENCY-KEY': 'same-key-same-body' }));
    clock.set(NOW);

    expect(first.statusCode).toBe(202);
    expect(second.statusCode).toBe(202);
    expect(second.body).toBe(first.body);
    const { reference } = acceptedBodySchema.parse(JSON.parse(first.body));
    expect(queue.for(reference)).toHaveLength(1);
    expect(await tables.store.findByCustomer({ phone: '+862155550101' }, '2026-01-01T00:00:00.000Z')).toEqual(
      [reference],
    );
  });

  it('refuses the same key with another body with 409 and stores nothing new', async () => {
    const body = validSubmission({ customer: { name: 'Ma Rui', email: 'ma.rui@example.com' } });
    const first = await invoke(submitEvent(body, { 'Idempotency-Key': 'same-key-other-body' }));
    expect(first.statusCode).toBe(202);
    const queued = queue.messages.length;

    const second = await invoke(
      submitEvent({ ...body, subject: 'Another matter' }, { 'Idempotency-Key': 'same-key-other-body' }),
    );
    expect(second.statusCode).toBe(409);
    expect(errorBodySchema.parse(JSON.parse(second.body)).error.code).toBe('idempotency_key_reused');
    expect(queue.messages).toHaveLength(queued);
    expect(
      await tables.store.findByCustomer({ email: 'ma.rui@example.com' }, '2026-01-01T00:00:00.000Z'),
    ).toHaveLength(1);
  });

  it('names every field at fault in a 400 and stores nothing', async () => {
    const queued = queue.messages.length;
    const result = await invoke(
      submitEvent({
        ...validSubmission(),
        subject: ' ',
        consent: false,
        customer: { name: 'A', email: 'x' },
      }),
    );
    expect(result.statusCode).toBe(400);
    expect(
      errorBodySchema
        .parse(JSON.parse(result.body))
        .error.fields.map((field) => field.path)
        .sort(),
    ).toEqual(['consent', 'customer.email', 'subject']);
    expect(queue.messages).toHaveLength(queued);
  });

  it('answers a storage failure with a plain 500 that reveals nothing internal and logs no personal data', async () => {
    const broken = createSubmitComplaintHandler({
      store: new DynamoDbCaseStore({
        client: tables.cases.documentClient,
        tableName: 'no-such-case-table',
        nextDueAt: caseNextDueAt,
      }),
      queue,
      clock,
      settings,
    });
    const queued = queue.messages.length;
    const body = validSubmission({
      customer: { name: 'Privacy Person', email: 'privacy.person@example.com', phone: '+86 10 1234 5678' },
      subject: 'Private matter about my account',
    });
    const written: string[] = [];
    const capture = (chunk: unknown): boolean => {
      written.push(String(chunk));
      return true;
    };
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(capture);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(capture);
    let result: APIGatewayProxyResult;
    try {
      result = await broken(submitEvent(body), lambdaContext('submit-complaint'));
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
    }

    // The log names the failure by its error name only; nothing the customer sent is in it.
    const log = written.join('');
    expect(log).toContain('unhandled error');
    expect(log).toContain('ResourceNotFoundException');
    for (const personal of ['Privacy Person', 'privacy.person@example.com', '1234 5678', 'Private matter']) {
      expect(log).not.toContain(personal);
    }
    expect(result.statusCode).toBe(500);
    expect(errorBodySchema.parse(JSON.parse(result.body))).toEqual({
      error: { code: 'internal', message: 'Something went wrong on our side. Please try again.', fields: [] },
    });
    expect(result.body).not.toMatch(/no-such-case-table|ResourceNotFound|DynamoDB/i);
    expect(queue.messages).toHaveLength(queued);
  });
});
