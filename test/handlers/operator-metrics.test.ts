import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createIntakeWorkerHandler } from '../../functions/intake-worker/create-handler.js';
import { createSlaStepHandler } from '../../functions/sla-step/create-handler.js';
import { DynamoDbBranchDirectory } from '../../shared/adapters/dynamodb/branch-directory.js';
import { DynamoDbSentMessageIndex } from '../../shared/adapters/dynamodb/mail-items.js';
import { sampleRoutingRules } from '../../shared/config/routing-rules.js';
import { defaultEscalationLadder } from '../../shared/domain/escalation/escalation-ladder.js';
import type { SentMessageIndex } from '../../shared/domain/mail-intake/mail-ports.js';
import { metricsNamespace } from '../../shared/observability/observability-names.js';
import { type EffectsFixture, startEffects, testSealer } from '../support/effects-fixture.js';
import { captureEmf, type EmfCapture, type EmittedMetric } from '../support/emf-capture.js';
import { lambdaContext, settableClock, sqsEvent, sqsRecord } from '../support/intake-fixtures.js';
import { createIntakeTables, type IntakeTablesFixture } from '../support/intake-tables.js';
import { type SeededCase, seedReceived } from '../support/received-cases.js';
import { RecordingMailer, RecordingWatcher } from '../support/recording-ports.js';

/*
 * What an operator sees in CloudWatch: the handlers run as deployed (metrics on, the shared
 * Metrics instance of shared/observability) against DynamoDB Local, and the EMF lines they print
 * are read back as CloudWatch would file them. The test run has metrics off; this file turns them
 * on before any module builds the shared instance.
 */
vi.hoisted(() => {
  vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'false');
  // What Lambda sets in an execution environment started for a request; cold starts count only there.
  vi.stubEnv('AWS_LAMBDA_INITIALIZATION_TYPE', 'on-demand');
});

const RECEIVED = '2026-11-23T02:00:00.000Z';
const NOW = '2026-11-23T02:01:00.000Z';
/** Past the decision deadline (8 December, end of day in Beijing) of a case received at RECEIVED. */
const LATE = '2026-12-09T01:00:00.000Z';

const customer = { name: '王芳', email: 'metrics.wang@example.com', phone: '+86 138 0013 8000' };
const crashEmail = 'metrics.crash@example.com';
const subject = '信用卡年费重复扣收';

let tables: IntakeTablesFixture;
let effects: EffectsFixture;
let emf: EmfCapture;
let worker: ReturnType<typeof createIntakeWorkerHandler>;
let slaStep: ReturnType<typeof createSlaStepHandler>;
const clock = settableClock(NOW);
const mailer = new RecordingMailer();
/** How many of the next sends die right after SES accepted the mail (before anything is recorded). */
let diesAfterSend = 0;

beforeAll(async () => {
  tables = await createIntakeTables('operator-metrics');
  worker = createIntakeWorkerHandler({
    store: tables.store,
    clock,
    routing: sampleRoutingRules,
    branches: new DynamoDbBranchDirectory(tables.cases.documentClient, tables.cases.tableName),
    ladder: defaultEscalationLadder,
    sealer: testSealer,
  });
  slaStep = createSlaStepHandler({ store: tables.store, clock, ladder: defaultEscalationLadder });
  const sentMessages = new DynamoDbSentMessageIndex(tables.cases.documentClient, tables.cases.tableName);
  const crashingSentMessages: SentMessageIndex = {
    remember: async (messageId, reference) => {
      if (diesAfterSend > 0) {
        diesAfterSend -= 1;
        throw new Error('process died after the send');
      }
      await sentMessages.remember(messageId, reference);
    },
    referenceFor: (messageId) => sentMessages.referenceFor(messageId),
  };
  effects = startEffects(
    tables,
    { mailer, watcher: new RecordingWatcher(), clock, sentMessages: crashingSentMessages },
    { retryDelayMs: () => 20 },
  );
  emf = captureEmf();
});

afterAll(async () => {
  emf?.restore();
  await effects?.stop();
  await tables?.dispose();
  vi.unstubAllEnvs();
});

beforeEach(() => {
  clock.set(NOW);
});

/** Business metrics only: the name, the value and the dimensions beside `service`. */
const business = (metrics: EmittedMetric[]) =>
  metrics
    .filter((metric) => metric.name !== 'ColdStart')
    .map(({ name, value, dimensions: { service, ...dimensions } }) => ({ name, value, dimensions }));

const register = async (seeded: SeededCase): Promise<void> => {
  const response = await worker(
    sqsEvent(sqsRecord(JSON.stringify({ reference: seeded.reference, trackingToken: seeded.trackingToken }))),
    lambdaContext('intake-worker'),
  );
  expect(response.batchItemFailures).toEqual([]);
  await effects.settle();
};

describe('metrics an operator sees', () => {
  it('counts a registration by channel and the acknowledgement sent, once each', async () => {
    const seeded = await seedReceived(tables.store, RECEIVED, { customer, subject, branchCode: 'BJ-001' });
    const from = emf.lines.length;

    await register(seeded);
    // SQS delivers the same message again: nothing is registered or mailed twice, nor counted.
    await register(seeded);

    expect(business(emf.metrics(from))).toEqual([
      { name: 'ComplaintsRegistered', value: 1, dimensions: { channel: 'web' } },
      { name: 'NoticesSent', value: 1, dimensions: { notice: 'acknowledgement' } },
    ]);
    for (const metric of emf.metrics(from)) {
      expect(metric).toMatchObject({ namespace: metricsNamespace, unit: 'Count' });
      expect(metric.dimensions.service).toBe('redress');
    }
    // The first invocation of the execution environment is a cold start, filed by function.
    expect(emf.metrics(from).filter((metric) => metric.name === 'ColdStart')).toEqual([
      expect.objectContaining({ dimensions: { service: 'redress', function_name: 'intake-worker' } }),
    ]);
  });

  it('counts a decision breach, the escalation by ladder level and the notices that went out', async () => {
    const seeded = await seedReceived(tables.store, RECEIVED, { customer, subject, branchCode: 'BJ-001' });
    await register(seeded);
    const from = emf.lines.length;

    clock.set(LATE);
    const input = { reference: seeded.reference, generation: 1, wakeAt: LATE };
    await slaStep(input, lambdaContext('sla-step'));
    // A retried step finds everything recorded and counts nothing again.
    await slaStep(input, lambdaContext('sla-step'));
    await effects.settle();

    const counted = business(emf.metrics(from));
    expect(counted.filter((metric) => metric.name !== 'NoticesSent')).toEqual([
      { name: 'SlaBreaches', value: 1, dimensions: { deadline: 'decision' } },
      { name: 'Escalations', value: 1, dimensions: { level: '1' } },
    ]);
    expect(counted.filter((metric) => metric.name === 'NoticesSent')).toEqual([
      { name: 'NoticesSent', value: 1, dimensions: { notice: 'decision_breach' } },
      { name: 'NoticesSent', value: 1, dimensions: { notice: 'escalate' } },
    ]);
  });

  it('counts a notice as often as it was mailed: not when SES refused it, once after a crash', async () => {
    const seeded = await seedReceived(tables.store, RECEIVED, {
      customer: { ...customer, email: crashEmail },
      subject,
      branchCode: 'BJ-001',
    });
    const from = emf.lines.length;
    mailer.failNext(1);
    diesAfterSend = 1;

    await register(seeded);

    expect(mailer.sentTo(crashEmail)).toHaveLength(1);
    expect(business(emf.metrics(from))).toEqual([
      { name: 'ComplaintsRegistered', value: 1, dimensions: { channel: 'web' } },
      { name: 'NoticesSent', value: 1, dimensions: { notice: 'acknowledgement' } },
    ]);
  });

  it('never carries the customer, the complaint or the reference, and keeps to a few dimensions', () => {
    expect(emf.lines.length).toBeGreaterThan(0);
    for (const line of emf.lines) {
      for (const personal of [customer.name, customer.email, crashEmail, customer.phone, subject, 'RD-']) {
        expect(line).not.toContain(personal);
      }
    }
    const dimensionNames = new Set(emf.metrics().flatMap((metric) => Object.keys(metric.dimensions)));
    expect([...dimensionNames].sort()).toEqual([
      'channel',
      'deadline',
      'function_name',
      'level',
      'notice',
      'service',
    ]);
  });
});
