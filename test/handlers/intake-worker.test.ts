import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIntakeWorkerHandler } from '../../functions/intake-worker/create-handler.js';
import { DynamoDbBranchDirectory } from '../../shared/adapters/dynamodb/branch-directory.js';
import { DynamoDbSentMessageIndex } from '../../shared/adapters/dynamodb/mail-items.js';
import { sesMessageIdHeader } from '../../shared/adapters/ses/ses-message-id.js';
import { sampleRoutingRules } from '../../shared/config/routing-rules.js';
import { defaultEscalationLadder } from '../../shared/domain/escalation/escalation-ladder.js';
import { type EffectsFixture, startEffects, testSealer } from '../support/effects-fixture.js';
import { lambdaContext, settableClock, sqsEvent, sqsRecord } from '../support/intake-fixtures.js';
import { createIntakeTables, type IntakeTablesFixture } from '../support/intake-tables.js';
import { type SeededCase, seedReceived } from '../support/received-cases.js';
import { RecordingMailer, RecordingWatcher } from '../support/recording-ports.js';

/** Monday 23 November 2026, 10:00 in Beijing. */
const RECEIVED = '2026-11-23T02:00:00.000Z';
/** The worker runs a minute after receipt. */
const NOW = '2026-11-23T02:01:00.000Z';
const DECIDE_BY = '2026-12-08T15:59:59.999Z';
const ACKNOWLEDGE_BY = '2026-11-24T15:59:59.999Z';
const COMPLAINTS_ADDRESS = 'complaints@bank.example';
const SES_REGION = 'cn-north-1';

let tables: IntakeTablesFixture;
const mailer = new RecordingMailer();
const watcher = new RecordingWatcher();
const clock = settableClock(NOW);
let worker: ReturnType<typeof createIntakeWorkerHandler>;
let sentMessages: DynamoDbSentMessageIndex;
let branches: DynamoDbBranchDirectory;
let effects: EffectsFixture;

beforeAll(async () => {
  tables = await createIntakeTables('worker-handler');
  sentMessages = new DynamoDbSentMessageIndex(tables.cases.documentClient, tables.cases.tableName);
  branches = new DynamoDbBranchDirectory(tables.cases.documentClient, tables.cases.tableName);
  worker = createIntakeWorkerHandler({
    store: tables.store,
    clock,
    routing: sampleRoutingRules,
    branches,
    ladder: defaultEscalationLadder,
    sealer: testSealer,
  });
  // What registration owes (the watch, the acknowledgement) is done from the table's stream.
  effects = startEffects(tables, { mailer, watcher, clock }, { retryDelayMs: () => 20 });
});

afterAll(async () => {
  await effects?.stop();
  await tables?.dispose();
});

/** One worker invocation, then whatever it owes, as the stream's processor does it. */
const run = async (event: SQSEvent): Promise<SQSBatchResponse> => {
  try {
    return await worker(event, lambdaContext('intake-worker'));
  } finally {
    await effects.settle();
  }
};

/** The message the submit handler queues: the reference, and the token on the first send. */
const messageFor = (seeded: SeededCase, withToken = true): string =>
  JSON.stringify(
    withToken
      ? { reference: seeded.reference, trackingToken: seeded.trackingToken }
      : { reference: seeded.reference },
  );

const seed = (body: Parameters<typeof seedReceived>[2] = {}, receivedAt = RECEIVED) =>
  seedReceived(tables.store, receivedAt, body);

const kindsOf = async (reference: string): Promise<string[]> =>
  (await tables.store.listEvents(reference)).map((event) => event.kind);

describe('intake worker: registration', () => {
  it('registers a received complaint, sends one acknowledgement and records both steps', async () => {
    const seeded = await seed({
      customer: { name: '王芳', email: 'reg.one@example.com' },
      branchCode: 'BJ-001',
    });
    const response = await run(sqsEvent(sqsRecord(messageFor(seeded))));

    expect(response.batchItemFailures).toEqual([]);
    const registered = await tables.store.get(seeded.reference);
    expect(registered).toMatchObject({
      status: 'registered',
      version: 3,
      firstResponder: 'desk:BJ-001',
      priority: 'normal',
      repeatComplainant: false,
      receivedAt: RECEIVED,
      registeredAt: NOW,
      acknowledgedAt: NOW,
      deadlines: { acknowledgeBy: ACKNOWLEDGE_BY, decideBy: DECIDE_BY },
    });
    expect(await kindsOf(seeded.reference)).toEqual([
      'case.received',
      'case.registered',
      'case.acknowledged',
    ]);

    const mails = mailer.sentTo('reg.one@example.com');
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail?.replyTo).toEqual([COMPLAINTS_ADDRESS]);
    expect(mail?.subject).toBe(`[${seeded.reference}] 投诉受理通知 / Complaint received`);
    expect(mail?.text).toContain(
      `https://complaints.bank.example/status/${seeded.reference}?token=${seeded.trackingToken}`,
    );
    // The ledger keeps the provider's id as proof, and replies quoting it thread back to the case.
    const messageId = `msg-${mailer.sent.findIndex((sent) => sent.to.includes('reg.one@example.com')) + 1}`;
    const events = await tables.store.listEvents(seeded.reference);
    expect(events.at(-1)?.data).toMatchObject({ via: 'email', messageId });
    expect(await sentMessages.referenceFor(sesMessageIdHeader(messageId, SES_REGION))).toBe(seeded.reference);
  });

  it.each([
    { branch: 'SH-002', desk: 'desk:SH-002' },
    { branch: 'ZZ-999', desk: 'desk:consumer-protection' },
    { branch: undefined, desk: 'desk:consumer-protection' },
  ])('makes $desk first responder for branch $branch', async ({ branch, desk }) => {
    const seeded = await seed({
      branchCode: branch,
      customer: { name: 'Li Lei', phone: '+86 10 6600 0000' },
    });
    expect((await run(sqsEvent(sqsRecord(messageFor(seeded))))).batchItemFailures).toEqual([]);
    expect((await tables.store.get(seeded.reference))?.firstResponder).toBe(desk);
  });

  it.each([
    { reason: 'aged 70', body: { customer: { name: 'Old', email: 'gc.age@example.com', age: 70 } } },
    {
      reason: 'vulnerable',
      body: { customer: { name: 'Vul', email: 'gc.vul@example.com' }, vulnerable: true },
    },
    { reason: 'urgent', body: { customer: { name: 'Urg', email: 'gc.urg@example.com' }, urgent: true } },
  ])('puts a customer $reason in the green channel with the faster clock', async ({ body }) => {
    const seeded = await seed(body);
    await run(sqsEvent(sqsRecord(messageFor(seeded))));
    expect(await tables.store.get(seeded.reference)).toMatchObject({
      priority: 'green_channel',
      deadlines: { acknowledgeBy: '2026-11-23T04:00:00.000Z', decideBy: '2026-11-30T15:59:59.999Z' },
    });
  });

  it('keeps a customer aged 69 on the normal clock', async () => {
    const seeded = await seed({ customer: { name: 'Young', email: 'gc.69@example.com', age: 69 } });
    await run(sqsEvent(sqsRecord(messageFor(seeded))));
    expect(await tables.store.get(seeded.reference)).toMatchObject({
      priority: 'normal',
      deadlines: { decideBy: DECIDE_BY },
    });
  });

  it('registers an anonymous complaint without contact and sends no mail', async () => {
    const seeded = await seed({ anonymous: true, customer: {} });
    const sentBefore = mailer.sent.length;
    expect((await run(sqsEvent(sqsRecord(messageFor(seeded))))).batchItemFailures).toEqual([]);
    expect(await tables.store.get(seeded.reference)).toMatchObject({
      status: 'registered',
      firstResponder: 'desk:BJ-001',
    });
    expect(await kindsOf(seeded.reference)).toEqual(['case.received', 'case.registered']);
    expect(mailer.sent).toHaveLength(sentBefore);
  });
});

describe('intake worker: repeat complainants', () => {
  it('flags a complaint when the same customer id complained within the last 12 months', async () => {
    await seed({ customer: { name: 'Repeat', customerId: 'C-REPEAT-1' } }, '2026-02-10T03:00:00.000Z');
    const seeded = await seed({ customer: { name: 'Repeat', customerId: 'C-REPEAT-1' } });
    await run(sqsEvent(sqsRecord(messageFor(seeded))));
    const registered = await tables.store.get(seeded.reference);
    expect(registered?.repeatComplainant).toBe(true);
    expect((await tables.store.listEvents(seeded.reference))[1]?.data).toMatchObject({
      repeatComplainant: true,
    });
  });

  it('does not flag it when the earlier complaint is more than 12 months old', async () => {
    await seed({ customer: { name: 'Once', customerId: 'C-ONCE-1' } }, '2025-11-01T03:00:00.000Z');
    const seeded = await seed({ customer: { name: 'Once', customerId: 'C-ONCE-1' } });
    await run(sqsEvent(sqsRecord(messageFor(seeded))));
    expect((await tables.store.get(seeded.reference))?.repeatComplainant).toBe(false);
  });

  it('matches by phone whatever the spacing', async () => {
    await seed({ customer: { name: 'Ph', phone: '+86 (139) 8888-7777' } }, '2026-10-01T03:00:00.000Z');
    const seeded = await seed({ customer: { name: 'Ph', phone: '+8613988887777' } });
    await run(sqsEvent(sqsRecord(messageFor(seeded))));
    expect((await tables.store.get(seeded.reference))?.repeatComplainant).toBe(true);
  });
});

describe('intake worker: batches', () => {
  it('reports exactly the malformed records and processes the good one', async () => {
    const good = await seed({ customer: { name: 'Good', email: 'batch.good@example.com' } });
    const strayField = await seed({ customer: { name: 'Stray', email: 'batch.stray@example.com' } });
    const records = [
      sqsRecord(messageFor(good)),
      sqsRecord('this is not JSON'),
      sqsRecord(JSON.stringify({ reference: 'CMP-12345' })),
      sqsRecord(JSON.stringify({ reference: strayField.reference, priority: 'green_channel' })),
    ];
    const response = await run(sqsEvent(...records));

    expect(response.batchItemFailures.map((failure) => failure.itemIdentifier).sort()).toEqual(
      records
        .slice(1)
        .map((record) => record.messageId)
        .sort(),
    );
    expect((await tables.store.get(good.reference))?.status).toBe('registered');
    expect((await tables.store.get(strayField.reference))?.status).toBe('received');
    expect(mailer.sentTo('batch.stray@example.com')).toEqual([]);
  });

  it('fails a record for a reference that was never received, and only that record', async () => {
    const good = await seed({ customer: { name: 'Known', email: 'batch.known@example.com' } });
    const unknown = sqsRecord(JSON.stringify({ reference: 'RD-20261123-ZZZZZZ' }));
    const response = await run(sqsEvent(sqsRecord(messageFor(good)), unknown));
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: unknown.messageId }]);
    expect((await tables.store.get(good.reference))?.status).toBe('registered');
    expect(await tables.store.get('RD-20261123-ZZZZZZ')).toBeUndefined();
  });

  it('fails the whole invocation when every record fails, so SQS retries the batch', async () => {
    await expect(
      run(sqsEvent(sqsRecord(JSON.stringify({ reference: 'RD-20261123-YYYYYY' })))),
    ).rejects.toThrow();
  });
});

describe('intake worker: idempotency', () => {
  it('changes nothing when the same message is processed again', async () => {
    const seeded = await seed({ customer: { name: 'Twice', email: 'twice@example.com' } });
    await run(sqsEvent(sqsRecord(messageFor(seeded))));
    const first = await tables.store.get(seeded.reference);
    const firstEvents = await tables.store.listEvents(seeded.reference);

    clock.advance(10 * 60 * 1000);
    const again = await run(sqsEvent(sqsRecord(messageFor(seeded))));
    const redriven = await run(sqsEvent(sqsRecord(messageFor(seeded, false))));
    clock.set(NOW);

    expect(again.batchItemFailures).toEqual([]);
    expect(redriven.batchItemFailures).toEqual([]);
    expect(await tables.store.get(seeded.reference)).toEqual(first);
    expect(first?.version).toBe(3);
    expect(await tables.store.listEvents(seeded.reference)).toEqual(firstEvents);
    expect(mailer.sentTo('twice@example.com')).toHaveLength(1);
  });

  it('registers once and mails once when a duplicate arrives in the same batch', async () => {
    const seeded = await seed({ customer: { name: 'Dup', email: 'dup@example.com' } });
    const records = [sqsRecord(messageFor(seeded)), sqsRecord(messageFor(seeded))];
    const response = await run(sqsEvent(...records));
    // A duplicate still in flight may be handed back for a retry; the retry then changes nothing.
    for (const failure of response.batchItemFailures) {
      const retried = records.find((record) => record.messageId === failure.itemIdentifier);
      if (retried === undefined) throw new Error(`unknown failed record ${failure.itemIdentifier}`);
      expect((await run(sqsEvent(sqsRecord(retried.body)))).batchItemFailures).toEqual([]);
    }
    const kinds = await kindsOf(seeded.reference);
    expect(kinds.filter((kind) => kind === 'case.registered')).toHaveLength(1);
    expect(kinds.filter((kind) => kind === 'case.acknowledged')).toHaveLength(1);
    expect(mailer.sentTo('dup@example.com')).toHaveLength(1);
  });

  it('retries the acknowledgement after a mail outage without registering twice', async () => {
    const seeded = await seed({ customer: { name: 'Outage', email: 'outage@example.com' } });
    const record = sqsRecord(messageFor(seeded));
    mailer.failNext(2);
    // Registration does not wait for the mail: the acknowledgement it owes is retried from the
    // stream until it goes out.
    const response = await run(sqsEvent(record));
    expect(response.batchItemFailures).toEqual([]);
    const again = await run(sqsEvent(record));
    expect(again.batchItemFailures).toEqual([]);
    expect(await kindsOf(seeded.reference)).toEqual([
      'case.received',
      'case.registered',
      'case.acknowledged',
    ]);
    expect(mailer.sentTo('outage@example.com')).toHaveLength(1);
  });
});

describe('intake worker: the acknowledgement', () => {
  it('writes to an English-speaking customer in English first and names the desk in each language', async () => {
    const seeded = await seed({
      language: 'en',
      branchCode: 'GZ-003',
      customer: { name: 'Emma Clark', email: 'emma.worker@example.com' },
    });
    await run(sqsEvent(sqsRecord(messageFor(seeded))));
    const [mail] = mailer.sentTo('emma.worker@example.com');
    if (mail === undefined) throw new Error('no acknowledgement sent');
    expect(mail.subject).toBe(`[${seeded.reference}] Complaint received / 投诉受理通知`);
    // The greeting is the bank's own: a name typed into the form is never echoed.
    expect(mail.text).not.toContain('Emma Clark');
    const english = mail.text.indexOf('Dear customer,');
    const chinese = mail.text.indexOf('尊敬的客户：');
    expect(english).toBeGreaterThanOrEqual(0);
    expect(chinese).toBeGreaterThan(english);
    expect(mail.text).toContain(
      'please contact Guangzhou Tianhe Sub-branch (e-mail: duty.gz003@bank.example',
    );
    expect(mail.text).toContain('请联系广州天河支行（电子邮箱：duty.gz003@bank.example');
    expect(mail.text).toContain('Reply due by: 8 December 2026, 23:59 (UTC+8)');
    expect(mail.text).toContain('答复期限：2026年12月8日 23:59（北京时间）');
  });

  it('routes to the duty desk of a branch the admin added, with the address the admin gave', async () => {
    await branches.put(
      'HZ-010',
      {
        name: 'Hangzhou Xihu Sub-branch',
        contacts: {
          dutyDesk: 'duty.hz010@bank.example',
          branchHead: 'head.hz010@bank.example',
          operationsSupervisor: 'ops.hz010@bank.example',
          deputyPresident: 'deputy.president@bank.example',
          president: 'president@bank.example',
        },
      },
      new Date(RECEIVED),
    );
    const seeded = await seed({
      language: 'en',
      branchCode: 'HZ-010',
      customer: { name: 'Li Wei', email: 'new.branch@example.com' },
    });
    await run(sqsEvent(sqsRecord(messageFor(seeded))));
    expect((await tables.store.get(seeded.reference))?.firstResponder).toBe('desk:HZ-010');
    const [mail] = mailer.sentTo('new.branch@example.com');
    expect(mail?.text).toContain('please contact Hangzhou Xihu Sub-branch (e-mail: duty.hz010@bank.example');
  });

  it('links to the site rather than a status page when the message carries no token (a re-drive)', async () => {
    const seeded = await seed({ customer: { name: 'Redriven', email: 'redriven@example.com' } });
    await run(sqsEvent(sqsRecord(messageFor(seeded, false))));
    const [mail] = mailer.sentTo('redriven@example.com');
    expect(mail?.text).toContain('https://complaints.bank.example/\n');
    expect(mail?.text).not.toContain('token=');
    expect(await tables.store.get(seeded.reference).then((c) => c?.acknowledgedAt)).toBe(NOW);
  });
});
