import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeliveryEventsHandler } from '../../functions/delivery-events/create-handler.js';
import { capturedMailDeliveredEvent } from '../../functions/delivery-events/local-delivery.js';
import type { DeliveryResult } from '../../functions/delivery-events/record-delivery.js';
import { DynamoDbSentMessageIndex } from '../../shared/adapters/dynamodb/mail-items.js';
import { sesMessageIdHeader } from '../../shared/adapters/ses/ses-message-id.js';
import { applyCommand } from '../../shared/domain/case/apply-command.js';
import type { CaseCommand } from '../../shared/domain/case/case-commands.js';
import type { CaseEvent } from '../../shared/domain/case/case-types.js';
import { deadlineCalculatorFor } from '../../shared/domain/clock-policy/calculator-for.js';
import { lambdaContext, settableClock } from '../support/intake-fixtures.js';
import { createIntakeTables, type IntakeTablesFixture } from '../support/intake-tables.js';
import { seedReceived } from '../support/received-cases.js';

const RECEIVED = '2026-11-23T02:00:00.000Z';
const NOW = '2026-11-23T02:10:00.000Z';
const SENT = '2026-11-23T02:01:00.000Z';
const REGION = 'cn-north-1';
const CUSTOMER = 'wang.fang@example.com';

let tables: IntakeTablesFixture;
let sentMessages: DynamoDbSentMessageIndex;
let handle: ReturnType<typeof createDeliveryEventsHandler>;
const clock = settableClock(NOW);
let counter = 0;

beforeAll(async () => {
  tables = await createIntakeTables('delivery-events');
  sentMessages = new DynamoDbSentMessageIndex(tables.cases.documentClient, tables.cases.tableName);
  handle = createDeliveryEventsHandler({ store: tables.store, sentMessages, clock });
});

afterAll(async () => {
  await tables?.dispose();
});

const run = (event: unknown): Promise<DeliveryResult> => handle(event, lambdaContext('delivery-events'));

const digest = (address: string): string => createHash('sha256').update(address).digest('hex');

/** A fresh SES message id, remembered for the case as the senders do after each send. */
const sentFor = async (reference: string, region = REGION): Promise<string> => {
  counter += 1;
  const id = `0102019a${String(counter).padStart(8, '0')}-5b3c-4d2e-8f1a-9c8b7a6d5e4f-000000`;
  await sentMessages.remember(sesMessageIdHeader(id, region), reference);
  return id;
};

const mail = (messageId: string, destination: string[] = [CUSTOMER]) => ({
  timestamp: SENT,
  source: 'complaints-noreply@bank.example',
  sourceArn: 'arn:aws:ses:cn-north-1:123456789012:identity/bank.example',
  sendingAccountId: '123456789012',
  messageId,
  destination,
  headersTruncated: false,
  tags: { 'ses:configuration-set': ['RedressNotices'], 'ses:from-domain': ['bank.example'] },
});

/** The envelope EventBridge puts around what SES publishes. */
const envelope = (detailType: string, detail: Record<string, unknown>) => ({
  version: '0',
  id: crypto.randomUUID(),
  'detail-type': detailType,
  source: 'aws.ses',
  account: '123456789012',
  time: '2026-11-23T02:01:05Z',
  region: REGION,
  resources: ['arn:aws:ses:cn-north-1:123456789012:configuration-set/RedressNotices'],
  detail,
});

const delivered = (messageId: string, recipients: string[] = [CUSTOMER]) =>
  envelope('Email Delivered', {
    eventType: 'Delivery',
    mail: mail(messageId, recipients),
    delivery: {
      timestamp: '2026-11-23T02:01:03.512Z',
      processingTimeMillis: 2412,
      recipients,
      smtpResponse: '250 2.0.0 OK',
      reportingMTA: 'a8-30.smtp-out.cn-north-1.amazonses.com',
      remoteMtaIp: '192.0.2.10',
    },
  });

const bounced = (messageId: string) =>
  envelope('Email Bounced', {
    eventType: 'Bounce',
    mail: mail(messageId),
    bounce: {
      feedbackId: '0102019a-feedback-000000',
      bounceType: 'Permanent',
      bounceSubType: 'General',
      bouncedRecipients: [
        {
          emailAddress: CUSTOMER,
          action: 'failed',
          status: '5.1.1',
          diagnosticCode: `smtp; 550 5.1.1 <${CUSTOMER}>: Recipient address rejected`,
        },
      ],
      timestamp: '2026-11-23T02:01:04.000Z',
      reportingMTA: 'dns; a8-30.smtp-out.cn-north-1.amazonses.com',
    },
  });

const complained = (messageId: string) =>
  envelope('Email Complaint Received', {
    eventType: 'Complaint',
    mail: mail(messageId),
    complaint: {
      feedbackId: '0102019a-complaint-000000',
      complaintSubType: null,
      complainedRecipients: [{ emailAddress: CUSTOMER }],
      timestamp: '2026-11-23T03:00:00.000Z',
      userAgent: 'Mozilla/5.0',
      complaintFeedbackType: 'abuse',
      arrivalDate: '2026-11-23T02:59:00.000Z',
    },
  });

const rejected = (messageId: string) =>
  envelope('Email Rejected', {
    eventType: 'Reject',
    mail: mail(messageId),
    reject: { reason: 'Bad content' },
  });

const renderingFailed = (messageId: string) =>
  envelope('Email Rendering Failed', {
    eventType: 'Rendering Failure',
    mail: mail(messageId),
    failure: { errorMessage: 'Attribute reference is not present in the rendering data.', templateName: 'n' },
  });

const seed = async () => (await seedReceived(tables.store, RECEIVED)).reference;

const noticeEvents = async (reference: string): Promise<CaseEvent[]> =>
  (await tables.store.listEvents(reference)).filter((event) => event.kind.startsWith('case.notice_'));

/** Moves a stored case on with real lifecycle commands, as the worker and staff actions would. */
const advance = async (reference: string, commands: CaseCommand[]): Promise<void> => {
  for (const command of commands) {
    const current = await tables.store.get(reference);
    if (current === undefined) throw new Error(`no case ${reference}`);
    const result = applyCommand(current, command, {
      actor: { id: 'officer-zhao', kind: 'staff' },
      now: clock.now(),
      deadlines: deadlineCalculatorFor(current.clockPolicyId, current.calendarId),
    });
    await tables.store.save(result.case, current.version, result.events);
  }
};

describe('delivery events: proof on the case', () => {
  it('records a delivery with the message id, the time and the recipients as digests', async () => {
    const reference = await seed();
    const messageId = await sentFor(reference);
    const before = await tables.store.get(reference);

    expect(await run(delivered(messageId))).toEqual({ result: 'recorded', reference });

    const [event, ...others] = await noticeEvents(reference);
    expect(others).toEqual([]);
    expect(event).toMatchObject({
      kind: 'case.notice_delivered',
      at: NOW,
      actor: { id: 'system:delivery-events', kind: 'system' },
      data: {
        messageId,
        occurredAt: '2026-11-23T02:01:03.512Z',
        recipients: 1,
        recipientDigests: [digest(CUSTOMER)],
      },
    });
    const after = await tables.store.get(reference);
    expect(after?.version).toBe((before?.version ?? 0) + 1);
    expect(after?.status).toBe(before?.status);
  });

  it.each([
    {
      name: 'a bounce',
      event: bounced,
      kind: 'case.notice_bounced',
      data: { bounceType: 'Permanent', bounceSubType: 'General', statusCodes: ['5.1.1'] },
    },
    {
      name: 'a complaint',
      event: complained,
      kind: 'case.notice_complained',
      data: { complaintFeedbackType: 'abuse' },
    },
    { name: 'a reject', event: rejected, kind: 'case.notice_rejected', data: { reason: 'Bad content' } },
    {
      name: 'a rendering failure',
      event: renderingFailed,
      kind: 'case.notice_rendering_failed',
      data: { reason: 'Attribute reference is not present in the rendering data.' },
    },
  ])('records $name as $kind', async ({ event, kind, data }) => {
    const reference = await seed();
    const messageId = await sentFor(reference);
    expect(await run(event(messageId))).toEqual({ result: 'recorded', reference });
    const events = await noticeEvents(reference);
    expect(events).toEqual([
      expect.objectContaining({
        kind,
        data: expect.objectContaining({
          messageId,
          recipients: 1,
          recipientDigests: [digest(CUSTOMER)],
          ...data,
        }),
      }),
    ]);
  });

  it('never stores an address from the event, not even inside a bounce diagnostic', async () => {
    const reference = await seed();
    const messageId = await sentFor(reference);
    await run(bounced(messageId));
    await run(delivered(messageId));
    const ledger = JSON.stringify(await noticeEvents(reference));
    expect(ledger).not.toContain(CUSTOMER);
    expect(ledger).not.toContain('diagnostic');
  });
});

describe('delivery events: idempotent', () => {
  it('records the same SES event once, however often it arrives', async () => {
    const reference = await seed();
    const messageId = await sentFor(reference);
    const event = delivered(messageId);
    expect(await run(event)).toEqual({ result: 'recorded', reference });
    expect(await run(event)).toEqual({ result: 'already_recorded', reference });
    // A redelivery by EventBridge carries a new envelope id but the same SES report.
    expect(await run({ ...event, id: crypto.randomUUID() })).toEqual({
      result: 'already_recorded',
      reference,
    });
    expect(await noticeEvents(reference)).toHaveLength(1);
  });

  it('records two copies arriving together once', async () => {
    const reference = await seed();
    const messageId = await sentFor(reference);
    const results = await Promise.all([run(delivered(messageId)), run(delivered(messageId))]);
    expect(results.map((result) => result.result).sort()).toEqual(['already_recorded', 'recorded']);
    expect(await noticeEvents(reference)).toHaveLength(1);
  });

  it('keeps a bounce and a delivery of the same mail, and per-recipient reports of one mail', async () => {
    const reference = await seed();
    const messageId = await sentFor(reference);
    await run(delivered(messageId, ['head.bj001@bank.example']));
    await run(delivered(messageId, ['ops.bj001@bank.example']));
    await run(bounced(messageId));
    expect((await noticeEvents(reference)).map((event) => event.kind)).toEqual([
      'case.notice_delivered',
      'case.notice_delivered',
      'case.notice_bounced',
    ]);
  });
});

describe('delivery events: late and unknown reports', () => {
  it('records a delivery on a case that closed before SES reported it', async () => {
    const reference = await seed();
    await advance(reference, [
      {
        type: 'register',
        firstResponder: 'desk:BJ-001',
        priority: 'normal',
        repeatComplainant: false,
        clockPolicyId: 'cn-2020',
        calendarId: 'cn-mainland',
      },
      { type: 'start_work' },
      { type: 'resolve', decision: 'upheld', atFault: 'yes', remedy: 'Fee refunded' },
      { type: 'close' },
    ]);
    const messageId = await sentFor(reference);
    expect(await run(delivered(messageId))).toEqual({ result: 'recorded', reference });
    expect((await tables.store.get(reference))?.status).toBe('closed');
    expect(await noticeEvents(reference)).toHaveLength(1);
  });

  it('ignores mail that was sent for no case', async () => {
    expect(await run(delivered('0102019aunknown-0000-0000-0000-000000000000-000000'))).toEqual({
      result: 'unknown_message',
    });
  });

  it('matches the Message-ID of the region the mail was sent from', async () => {
    const reference = await seed();
    const messageId = await sentFor(reference, 'us-east-1');
    expect(await run({ ...delivered(messageId), region: 'us-east-1' })).toEqual({
      result: 'recorded',
      reference,
    });
  });

  it('refuses an event that is not an SES delivery report', async () => {
    const reference = await seed();
    const messageId = await sentFor(reference);
    await expect(run({ ...delivered(messageId), source: 'aws.ec2' })).rejects.toThrow();
    await expect(
      run(envelope('Email Delivered', { eventType: 'Delivery', mail: mail(messageId) })),
    ).rejects.toThrow();
    expect(await noticeEvents(reference)).toEqual([]);
  });
});

describe('delivery events: local runtime', () => {
  it('turns a captured mail into a delivery recorded through the same handler', async () => {
    const reference = await seed();
    const messageId = await sentFor(reference, 'local');
    const event = capturedMailDeliveredEvent({ id: messageId, to: [CUSTOMER], at: SENT });
    expect(await run(event)).toEqual({ result: 'recorded', reference });
    expect(await noticeEvents(reference)).toEqual([
      expect.objectContaining({
        kind: 'case.notice_delivered',
        data: expect.objectContaining({ messageId, occurredAt: SENT, recipientDigests: [digest(CUSTOMER)] }),
      }),
    ]);
  });
});
