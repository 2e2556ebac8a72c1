import { ReceiveMessageCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/local-runtime.js';
import { createSqsClient } from '../../shared/adapters/sqs/intake-queue.js';
import { intakeQueueSettings } from '../../shared/config/intake-queue-settings.js';
import { type RuntimeFixture, startRuntimeAt } from '../support/local-runtime-fixture.js';

let fixture: RuntimeFixture;
let runtime: LocalRuntime;

beforeAll(async () => {
  fixture = await startRuntimeAt(new Date('2026-11-23T01:00:00Z'), { QUEUE_VISIBILITY_SECONDS: '1' });
  runtime = fixture.runtime;
});

afterAll(async () => {
  await fixture.dispose();
});

describe('local intake queue', () => {
  it('retries a failing message the deployed number of times, then dead-letters it instead of losing it', async () => {
    const sqs = createSqsClient({ endpoint: runtime.sqs.endpoint, region: 'local' });
    // A well-formed message whose received record does not exist: the worker fails it every time.
    await sqs.send(
      new SendMessageCommand({
        QueueUrl: runtime.sqs.intakeQueueUrl,
        MessageBody: JSON.stringify({ reference: 'RD-20261123-ZZZZZZ' }),
      }),
    );
    // maxReceiveCount receives one visibility timeout (1 s) apart, with room to spare.
    expect(intakeQueueSettings.maxReceiveCount).toBe(5);
    await runtime.settle(30_000);

    const dead = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: runtime.sqs.deadLetterQueueUrl,
        MaxNumberOfMessages: 10,
        MessageSystemAttributeNames: ['All'],
      }),
    );
    expect(dead.Messages?.map((message) => message.Body)).toEqual([
      JSON.stringify({ reference: 'RD-20261123-ZZZZZZ' }),
    ]);
    sqs.destroy();
  });

  it('dead-letters a malformed message on its own while the rest of the batch registers', async () => {
    const sqs = createSqsClient({ endpoint: runtime.sqs.endpoint, region: 'local' });
    const accepted = await fetch(`${runtime.url}/api/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        customer: { name: 'Mei Lin', email: 'mei.lin@example.com' },
        anonymous: false,
        subject: 'ATM kept my card',
        description: 'The ATM at the station kept my card on Monday.',
        language: 'en',
        consent: true,
      }),
    });
    expect(accepted.status).toBe(202);
    const { reference } = await accepted.json();
    await sqs.send(
      new SendMessageCommand({ QueueUrl: runtime.sqs.intakeQueueUrl, MessageBody: 'not json at all' }),
    );
    await runtime.settle(30_000);

    expect((await runtime.store.get(reference))?.status).toBe('registered');
    const dead = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: runtime.sqs.deadLetterQueueUrl, MaxNumberOfMessages: 10 }),
    );
    expect(dead.Messages?.map((message) => message.Body)).toContain('not json at all');
    sqs.destroy();
  });
});
