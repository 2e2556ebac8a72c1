import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadLocalConfig } from '../../infra/local/local-config.js';
import { type LocalRuntime, startLocalRuntime } from '../../infra/local/local-runtime.js';
import { caseTable } from '../../shared/adapters/dynamodb/case-table.js';
import { createDocumentClient } from '../../shared/adapters/dynamodb/dynamodb-client.js';
import { DynamoDbInboundMailLog } from '../../shared/adapters/dynamodb/mail-items.js';
import { casePartitionKey, keyPrefixes } from '../../shared/adapters/dynamodb/table-keys.js';
import { MAX_ACKNOWLEDGEMENTS_PER_ADDRESS } from '../../shared/domain/mail-intake/sender-rules.js';

/**
 * What an attacker does with the complaints address: forged senders, one address flooded with
 * acknowledgements, auto-responder storms, reused Message-IDs. Fed over SMTP to the local runtime.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'redress-mail-abuse-'));
let runtime: LocalRuntime;
let smtp: ReturnType<typeof nodemailer.createTransport>;

const capturedSchema = z.array(
  z.object({ messageId: z.string(), to: z.array(z.string()), subject: z.string(), text: z.string() }),
);
const captured = async () => capturedSchema.parse(await (await fetch(`${runtime.url}/_local/mail`)).json());
const mailTo = async (address: string) => (await captured()).filter((mail) => mail.to.includes(address));

const documents = () => createDocumentClient(runtime.dynamoDb.client);

/** Every new case the gateway opened for mail from `address` today, per the inbound mail log. */
const casesOpenedFor = async (messageIds: readonly string[]): Promise<string[]> => {
  const log = new DynamoDbInboundMailLog(documents(), runtime.config.tableName);
  const today = await log.listDay(runtime.clock.now().toISOString().slice(0, 10));
  return today
    .filter((entry) => entry.outcome === 'new_case' && messageIds.includes(entry.messageId ?? ''))
    .map((entry) => entry.reference ?? '');
};

const outboxKinds = async (reference: string): Promise<string[]> => {
  const page = await documents().send(
    new QueryCommand({
      TableName: runtime.config.tableName,
      KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :outbox)',
      ExpressionAttributeNames: { '#pk': caseTable.partitionKey, '#sk': caseTable.sortKey },
      ExpressionAttributeValues: { ':pk': casePartitionKey(reference), ':outbox': keyPrefixes.outbox },
    }),
  );
  return (page.Items ?? []).map((item) => JSON.stringify(item));
};

const send = (from: string, subject: string, messageId: string, extra: Record<string, unknown> = {}) =>
  smtp.sendMail({
    from,
    to: runtime.smtp.complaintsAddress,
    subject,
    messageId: `<${messageId}>`,
    text: `${subject}: the card payment failed but the money was taken.`,
    ...extra,
  });

beforeAll(async () => {
  runtime = await startLocalRuntime(
    loadLocalConfig({ PORT: '0', REDRESS_DATA_DIR: dataDir, REDRESS_CLOCK: 'frozen' }),
  );
  smtp = nodemailer.createTransport({
    host: '127.0.0.1',
    port: runtime.smtp.port,
    secure: false,
    ignoreTLS: true,
  });
});

afterAll(async () => {
  smtp.close();
  await runtime.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('mail that fails authentication', () => {
  it('opens a case flagged for staff and sends nothing at all to the forged address', async () => {
    await send(
      'victim.forged@example.com',
      'URGENT call 400-123-4567 http://evil.example',
      'forged-1@evil.example',
      {
        headers: {
          'Authentication-Results':
            'amazonses.com; spf=fail (sender IP is 203.0.113.9) smtp.mailfrom=example.com; dkim=none; dmarc=fail header.from=example.com',
        },
      },
    );
    await runtime.settle(30_000);

    const [reference] = await casesOpenedFor(['forged-1@evil.example']);
    if (reference === undefined) throw new Error('no case opened for the forged mail');
    const complaint = await runtime.store.get(reference);
    expect(complaint?.flags).toEqual(['sender_unverified']);
    expect(complaint?.acknowledgedAt).toBeUndefined();
    const notes = (await runtime.store.listEvents(reference)).filter(
      (event) => event.kind === 'case.note_added',
    );
    expect(notes.map((event) => String(event.data?.text))).toEqual([
      expect.stringMatching(/Sender not verified/),
    ]);
    expect(await mailTo('victim.forged@example.com')).toEqual([]);
    expect((await outboxKinds(reference)).some((item) => item.includes('"acknowledgement"'))).toBe(false);
  });
});

describe('acknowledgements to one address', () => {
  it(`go out at most ${MAX_ACKNOWLEDGEMENTS_PER_ADDRESS} an hour; the rest are withheld and recorded on the case`, async () => {
    const ids = ['flood-1', 'flood-2', 'flood-3', 'flood-4', 'flood-5'].map((id) => `${id}@mail.example`);
    const subjects = [
      'ATM kept my card',
      'Fee charged twice',
      'Rude staff at branch',
      'App login broken',
      'Wrong interest',
    ];
    for (const [index, id] of ids.entries()) {
      await send('flooded@example.com', subjects[index] ?? 'x', id);
    }
    await send('bystander@example.com', 'ATM kept my card', 'bystander-1@mail.example');
    await runtime.settle(60_000);

    const references = await casesOpenedFor(ids);
    expect(references).toHaveLength(5);
    expect(await mailTo('flooded@example.com')).toHaveLength(3);
    let withheld = 0;
    for (const reference of references) {
      const events = await runtime.store.listEvents(reference);
      if (
        events.some(
          (event) =>
            event.kind === 'case.note_added' && /Acknowledgement withheld/.test(String(event.data?.text)),
        )
      ) {
        withheld += 1;
        expect((await runtime.store.get(reference))?.acknowledgedAt).toBeUndefined();
      }
    }
    expect(withheld).toBe(2);
    // Another address is counted on its own.
    expect(await mailTo('bystander@example.com')).toHaveLength(1);
  });
});

describe('an unmarked auto-reply storm', () => {
  it('opens one case, threads every later mail onto it and acknowledges it once at most', async () => {
    const ids = Array.from({ length: 10 }, (_, n) => `storm-${n}@responder.example`);
    for (const [n, id] of ids.entries()) {
      await send('responder@storm.example', `Re: Your message ${n + 1} was received`, id);
    }
    await runtime.settle(60_000);

    const opened = await casesOpenedFor(ids);
    expect(opened).toHaveLength(1);
    const [reference] = opened;
    if (reference === undefined) throw new Error('no case opened');
    const messages = (await runtime.store.listEvents(reference)).filter(
      (event) => event.kind === 'case.customer_message',
    );
    expect(messages).toHaveLength(10);
    expect((await mailTo('responder@storm.example')).length).toBeLessThanOrEqual(1);
  });
});

describe('a reused Message-ID', () => {
  it('from another sender is a complaint of its own, and the reuse is recorded', async () => {
    await send('first.sender@example.com', 'Branch closed early', 'shared-id@mail.example');
    await send('second.sender@example.org', 'Card blocked abroad', 'shared-id@mail.example');
    await runtime.settle(30_000);

    const references = await casesOpenedFor(['shared-id@mail.example']);
    expect(references).toHaveLength(2);
    expect(new Set(references).size).toBe(2);
    const log = new DynamoDbInboundMailLog(documents(), runtime.config.tableName);
    const entries = (await log.listDay(runtime.clock.now().toISOString().slice(0, 10))).filter(
      (entry) => entry.messageId === 'shared-id@mail.example',
    );
    expect(entries.filter((entry) => /another sender/.test(entry.reason ?? ''))).toHaveLength(1);
  });

  it('from the same sender is the same mail: one complaint', async () => {
    await send('same.sender@example.com', 'Loan statement wrong', 'again@mail.example');
    await send('same.sender@example.com', 'Loan statement wrong', 'again@mail.example');
    await runtime.settle(30_000);
    expect(await casesOpenedFor(['again@mail.example'])).toHaveLength(1);
    expect(await mailTo('same.sender@example.com')).toHaveLength(1);
  });
});
