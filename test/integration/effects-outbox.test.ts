import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApplyCaseAction } from '../../functions/case-action/apply-case-action.js';
import { createIntakeWorkerHandler } from '../../functions/intake-worker/create-handler.js';
import { createSlaStep } from '../../functions/sla-step/sla-step.js';
import { DynamoDbBranchDirectory } from '../../shared/adapters/dynamodb/branch-directory.js';
import { DynamoDbSentMessageIndex } from '../../shared/adapters/dynamodb/mail-items.js';
import { sampleRoutingRules } from '../../shared/config/routing-rules.js';
import type { CaseStore } from '../../shared/domain/case/case-store.js';
import type { Actor } from '../../shared/domain/case/case-types.js';
import { defaultEscalationLadder } from '../../shared/domain/escalation/escalation-ladder.js';
import type { SlaWatcher, SlaWatchRequest } from '../../shared/domain/sla/sla-watch.js';
import { startEffects, testSealer } from '../support/effects-fixture.js';
import { lambdaContext, settableClock, sqsEvent, sqsRecord } from '../support/intake-fixtures.js';
import { createIntakeTables, type IntakeTablesFixture } from '../support/intake-tables.js';
import { type SeededCase, seedReceived } from '../support/received-cases.js';
import { RecordingMailer } from '../support/recording-ports.js';

/*
 * A committed case change carries the effects it owes. These tests stop the effects processor,
 * or make SES, Step Functions or the process fail at the worst moment, and check that after
 * recovery every notice owed went out exactly once and is recorded on the case.
 */

const RECEIVED = '2026-11-23T02:00:00.000Z';
const NOW = '2026-11-23T02:01:00.000Z';
const officer: Actor = { id: 'handler-BJ-001', kind: 'staff' };

/** Step Functions refusing the first `failures` starts, then accepting. */
class FlakyWatcher implements SlaWatcher {
  readonly started: SlaWatchRequest[] = [];
  attempts = 0;
  constructor(private failures: number) {}
  async start(request: SlaWatchRequest): Promise<void> {
    this.attempts += 1;
    if (this.failures > 0) {
      this.failures -= 1;
      throw Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
    }
    this.started.push(request);
  }
}

let tables: IntakeTablesFixture;
const clock = settableClock(NOW);
let worker: ReturnType<typeof createIntakeWorkerHandler>;

beforeAll(async () => {
  tables = await createIntakeTables('effects-outbox');
  worker = createIntakeWorkerHandler({
    store: tables.store,
    clock,
    routing: sampleRoutingRules,
    branches: new DynamoDbBranchDirectory(tables.cases.documentClient, tables.cases.tableName),
    ladder: defaultEscalationLadder,
    sealer: testSealer,
  });
});

afterAll(async () => {
  await tables?.dispose();
});

const register = async (email: string): Promise<SeededCase> => {
  const seeded = await seedReceived(tables.store, RECEIVED, {
    branchCode: 'BJ-001',
    customer: { name: '王芳', email },
  });
  const message = JSON.stringify({ reference: seeded.reference, trackingToken: seeded.trackingToken });
  const response = await worker(sqsEvent(sqsRecord(message)), lambdaContext('intake-worker'));
  expect(response.batchItemFailures).toEqual([]);
  return seeded;
};

const kindsOf = async (reference: string): Promise<string[]> =>
  (await tables.store.listEvents(reference)).map((event) => event.kind);

const fastRetries = { retryDelayMs: () => 10 };

describe('the acknowledgement', () => {
  it('is sent once, with the status link, when the processor was down at registration', async () => {
    // Registered while nothing processes the outbox: the process died right after the write.
    const seeded = await register('ack.crash@example.com');
    expect((await tables.store.get(seeded.reference))?.acknowledgedAt).toBeUndefined();

    const mailer = new RecordingMailer();
    const recovered = startEffects(tables, { mailer, watcher: new FlakyWatcher(0), clock }, fastRetries);
    await recovered.settle();
    await recovered.stop();

    const mails = mailer.sentTo('ack.crash@example.com');
    expect(mails).toHaveLength(1);
    // The token was sealed in the outbox record, so the re-sent mail still links to the status page.
    expect(mails[0]?.text).toContain(`/status/${seeded.reference}?token=${seeded.trackingToken}`);
    expect(await tables.store.get(seeded.reference)).toMatchObject({ acknowledgedAt: NOW, version: 3 });
    // Nothing of the token is left once the mail is out.
    expect((await tables.rawItems()).some((item) => item.includes('sealedTrackingToken'))).toBe(false);
  });

  it('is sent once when the process dies after SES accepted it but before it was recorded', async () => {
    const seeded = await register('ack.after-send@example.com');
    const mailer = new RecordingMailer();
    const sentMessages = new DynamoDbSentMessageIndex(tables.cases.documentClient, tables.cases.tableName);
    let crashes = 1;
    const crashing = startEffects(
      tables,
      {
        mailer,
        watcher: new FlakyWatcher(0),
        clock,
        sentMessages: {
          remember: async (messageId, reference) => {
            if (crashes > 0) {
              crashes -= 1;
              throw new Error('process died');
            }
            await sentMessages.remember(messageId, reference);
          },
          referenceFor: (messageId) => sentMessages.referenceFor(messageId),
        },
      },
      fastRetries,
    );
    await crashing.settle();
    await crashing.stop();

    expect(crashes).toBe(0);
    expect(mailer.sentTo('ack.after-send@example.com')).toHaveLength(1);
    expect(await kindsOf(seeded.reference)).toEqual([
      'case.received',
      'case.registered',
      'case.acknowledged',
    ]);
  });
});

describe('a watch start', () => {
  it('is retried until the case is watched', async () => {
    const seeded = await register('watch.flaky@example.com');
    const watcher = new FlakyWatcher(3);
    const effects = startEffects(tables, { mailer: new RecordingMailer(), watcher, clock }, fastRetries);
    await effects.settle();
    await effects.stop();
    expect(watcher.attempts).toBeGreaterThan(3);
    expect(watcher.started.filter((request) => request.reference === seeded.reference)).toEqual([
      expect.objectContaining({ reference: seeded.reference, generation: 1 }),
    ]);
  });
});

describe('an SLA notice', () => {
  it('is sent once after the step recorded the breach and the process died before the send', async () => {
    const seeded = await register('sla.crash@example.com');
    const lateClock = settableClock('2026-12-09T01:00:00.000Z');
    const step = createSlaStep({ store: tables.store, clock: lateClock, ladder: defaultEscalationLadder });
    const output = await step({
      reference: seeded.reference,
      generation: 1,
      wakeAt: '2026-12-09T01:00:00.000Z',
    });
    expect(output.watch).toBe('watching');
    // A retried step after the crash finds everything recorded and owes nothing new.
    await step({ reference: seeded.reference, generation: 1, wakeAt: '2026-12-09T01:00:00.000Z' });
    expect((await kindsOf(seeded.reference)).filter((kind) => kind === 'clock.breached')).toHaveLength(1);

    const mailer = new RecordingMailer();
    mailer.failNext(2);
    const recovered = startEffects(
      tables,
      { mailer, watcher: new FlakyWatcher(0), clock: lateClock },
      fastRetries,
    );
    await recovered.settle();
    await recovered.stop();

    const breachMails = mailer.sent.filter((mail) => mail.subject.includes('Complaint decision overdue'));
    expect(breachMails.filter((mail) => mail.subject.includes(seeded.reference))).toHaveLength(1);
    const sent = (await tables.store.listEvents(seeded.reference)).filter(
      (event) => event.kind === 'case.notice_sent',
    );
    expect(sent.map((event) => event.data?.notice)).toContain('decision_breach');
  });
});

describe('a decision letter', () => {
  it('follows a decision whose SES send failed, once, and the action itself does not fail', async () => {
    const seeded = await register('decision.throttled@example.com');
    const apply = createApplyCaseAction({ store: tables.store, clock, ladder: defaultEscalationLadder });
    const decided = await apply(
      seeded.reference,
      { type: 'resolve', decision: 'upheld', atFault: 'yes', remedy: 'Fee refunded' },
      officer,
    );
    expect(decided?.status).toBe('resolved');

    const mailer = new RecordingMailer();
    mailer.failNext(3);
    const effects = startEffects(tables, { mailer, watcher: new FlakyWatcher(0), clock }, fastRetries);
    await effects.settle();
    await effects.stop();
    const letters = mailer
      .sentTo('decision.throttled@example.com')
      .filter((mail) => mail.subject.includes('投诉处理结果通知'));
    expect(letters).toHaveLength(1);
    expect(await kindsOf(seeded.reference)).toContain('case.notice_sent');
  });

  it('is still owed when the action was written but its answer was lost (a 5xx to the officer)', async () => {
    const seeded = await register('decision.lost-answer@example.com');
    // The write reaches DynamoDB; the answer does not come back.
    const losingAnswers: CaseStore = Object.assign(Object.create(tables.store), {
      save: async (...args: Parameters<CaseStore['save']>) => {
        await tables.store.save(...args);
        throw new Error('socket hang up');
      },
    });
    const apply = createApplyCaseAction({ store: losingAnswers, clock, ladder: defaultEscalationLadder });
    await expect(
      apply(seeded.reference, { type: 'resolve', decision: 'rejected', atFault: 'no' }, officer),
    ).rejects.toThrow('socket hang up');
    expect((await tables.store.get(seeded.reference))?.status).toBe('resolved');

    const mailer = new RecordingMailer();
    const effects = startEffects(tables, { mailer, watcher: new FlakyWatcher(0), clock }, fastRetries);
    await effects.settle();
    await effects.stop();
    expect(mailer.sentTo('decision.lost-answer@example.com')).toHaveLength(2);
  });

  it('is not owed when the action was refused before anything was written', async () => {
    const seeded = await register('decision.refused@example.com');
    const failingWrites: CaseStore = Object.assign(Object.create(tables.store), {
      save: async () => {
        throw new Error('connection refused');
      },
    });
    const apply = createApplyCaseAction({ store: failingWrites, clock, ladder: defaultEscalationLadder });
    await expect(
      apply(seeded.reference, { type: 'resolve', decision: 'upheld', atFault: 'yes' }, officer),
    ).rejects.toThrow();
    expect((await tables.store.get(seeded.reference))?.status).toBe('registered');

    const mailer = new RecordingMailer();
    const effects = startEffects(tables, { mailer, watcher: new FlakyWatcher(0), clock }, fastRetries);
    await effects.settle();
    await effects.stop();
    // The acknowledgement, and no decision letter.
    expect(mailer.sentTo('decision.refused@example.com')).toHaveLength(1);
  });
});
