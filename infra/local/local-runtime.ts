import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { apiHandlers } from '../../functions/app/api-handlers.js';
import { createApp } from '../../functions/app/create-app.js';
import type { createApplyCaseAction } from '../../functions/case-action/apply-case-action.js';
import { createDeliveryEventsHandler } from '../../functions/delivery-events/create-handler.js';
import { createEffectsHandler } from '../../functions/effects-processor/create-handler.js';
import { createEmailGatewayHandler } from '../../functions/email-gateway/create-handler.js';
import { createIntakeWorkerHandler } from '../../functions/intake-worker/create-handler.js';
import { redriveUnregistered } from '../../functions/intake-worker/redrive-unregistered.js';
import { createSlaStepHandler } from '../../functions/sla-step/create-handler.js';
import { ensureCaseTable } from '../../shared/adapters/dynamodb/case-table-setup.js';
import { ensureIdempotencyTable } from '../../shared/adapters/dynamodb/idempotency-table.js';
import { createS3Client } from '../../shared/adapters/s3/object-store.js';
import { type TokenSealer, tokenSealerFromKey } from '../../shared/adapters/secrets/token-sealer.js';
import { createSqsClient } from '../../shared/adapters/sqs/intake-queue.js';
import { type AppEnvironment, loadAppConfig } from '../../shared/config/app-config.js';
import { effectsStreamSettings } from '../../shared/config/effects-stream-settings.js';
import { emailGatewaySettings } from '../../shared/config/email-gateway-settings.js';
import { intakeQueueSettings } from '../../shared/config/intake-queue-settings.js';
import { getCalendar } from '../../shared/domain/calendar/calendar-registry.js';
import type { CaseStore } from '../../shared/domain/case/case-store.js';
import { nextWakeAt } from '../../shared/domain/sla/sla-due.js';
import { createApiDispatcher } from './api-gateway-adapter.js';
import { AsyncInvoker } from './async-invoker.js';
import { clockRoutes } from './clock-routes.js';
import { loadClockPosition, saveClockPosition } from './clock-state.js';
import { DeliveringMailer } from './delivering-mailer.js';
import { devUsers, sampleBranches } from './dev-staff.js';
import { DevTokenIssuer } from './dev-tokens.js';
import { type DynamoDbLocal, startDynamoDbLocal } from './dynamodb-local.js';
import { json, type LocalFallback, type LocalRoute, startHttpServer } from './http-server.js';
import { undeliveredInboundMail } from './inbound-redelivery.js';
import { localLambdaContext } from './lambda-context.js';
import type { LocalConfig } from './local-config.js';
import { mailCaptureRoutes } from './mail-capture.js';
import { QueuePoller } from './queue-poller.js';
import { objectCreatedEvent } from './s3-event.js';
import { startS3Local } from './s3-local.js';
import { type SesLocal, startSesLocal } from './ses-local.js';
import { LocalSlaRunner, type SlaStepInput } from './sla-runner.js';
import { synthesizeSlaDefinition } from './sla-workflow-definition.js';
import { inboundObjectKey, startSmtpReceiver } from './smtp-receiver.js';
import { startSqsLocal } from './sqs-local.js';
import { StreamPoller } from './stream-poller.js';
import { VirtualClock } from './virtual-clock.js';

export interface LocalRuntime {
  url: string;
  config: LocalConfig;
  clock: VirtualClock;
  store: CaseStore;
  dynamoDb: { endpoint: string; client: DynamoDBClient };
  ses: { endpoint: string };
  sqs: { endpoint: string; intakeQueueUrl: string; deadLetterQueueUrl: string };
  smtp: { port: number; complaintsAddress: string };
  s3: { endpoint: string; inboundBucket: string; attachmentsBucket: string };
  /** State transitions per SLA execution so far (what Step Functions Standard bills). */
  slaTransitions(): Record<string, number>;
  /** Applies a staff action as the staff API will (lifecycle rule, conditional save, watch, notice). */
  caseAction: ReturnType<typeof createApplyCaseAction>;
  /** A signed-in token for a local dev user (what `GET /_local/token?user=NAME` answers). */
  tokenFor(user: string): string;
  /** SLA watches that failed after their retries (each would be a failed execution in AWS). */
  slaFailures: ReadonlyArray<{ name: string; error: string }>;
  /** Inbound mail the gateway failed on after its retries (the deployed failure destination). */
  mailDeadLetters: ReadonlyArray<{ error: string }>;
  /** Outbox records the effects processor failed on after its retries (the failure destination). */
  effectDeadLetters: ReadonlyArray<{ sequenceNumber: string; error: string }>;
  /** Waits until no inbound mail is being processed, the intake queue is empty and no batch runs. */
  settle(timeoutMs?: number): Promise<void>;
  /**
   * Sends stuck received records to the queue again, and stored mail the gateway never finished to
   * it again (the runtime also does this every minute); answers the references queued.
   */
  redrive(): Promise<string[]>;
  stop(): Promise<void>;
}

export interface LocalRuntimeOptions {
  /** Extra handlers tried after the API, e.g. the web pages. */
  fallbacks?: readonly LocalFallback[];
}

const closeServer = (server: Server): Promise<void> =>
  new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });

const REDRIVE_INTERVAL_MS = 60_000;
/** The gateway's time limit: a run cut short holds its claim on a mail this long. */
const GATEWAY_TIMEOUT_SECONDS = 60;
const CLOCK_SAVE_INTERVAL_MS = 5_000;

/**
 * Locally the status-token sealing key is made once and kept with the data, so a sealed token in
 * the outbox can still be opened after a restart (in AWS it is a Secrets Manager secret).
 */
const localTokenSealer = (dataDir: string): TokenSealer => {
  const file = join(dataDir, 'token-seal.key');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  return tokenSealerFromKey(readFileSync(file, 'utf8').trim());
};
/** The region name local clients use; also what local SES Message-ID headers carry. */
export const LOCAL_REGION = 'local';

/**
 * Starts the local system on 127.0.0.1: DynamoDB Local with data on disk, aws-ses-v2-local,
 * an SQS API with the intake queue and its DLQ, the same handlers the Lambdas run, a poller in
 * place of the event source mapping, and the HTTP server. Everything started is stopped again
 * if a later step fails, so a failed start leaves no stray process holding a port.
 */
export const startLocalRuntime = async (
  config: LocalConfig,
  options: LocalRuntimeOptions = {},
): Promise<LocalRuntime> => {
  const stoppers: Array<() => Promise<void>> = [];
  const stopAll = async () => {
    for (const stop of stoppers.reverse()) await stop();
    stoppers.length = 0;
  };
  try {
    const dynamoDbLocal: DynamoDbLocal = await startDynamoDbLocal({
      dataDir: join(config.dataDir, 'dynamodb'),
      port: config.dynamoDbPort,
    });
    stoppers.push(dynamoDbLocal.stop);
    const ses: SesLocal = await startSesLocal(config.sesPort);
    stoppers.push(ses.stop);
    const sqs = await startSqsLocal({ visibilityTimeoutSeconds: config.queueVisibilitySeconds });
    stoppers.push(sqs.stop);
    const inboundBucket = 'inbound-mail';
    const attachmentsBucket = 'case-attachments';
    const s3 = await startS3Local({
      directory: join(config.dataDir, 's3'),
      buckets: [inboundBucket, attachmentsBucket],
    });
    stoppers.push(s3.stop);

    // The position is kept on every move, and while it ticks every few seconds, so neither a
    // crash nor a SIGKILL sends time back.
    const clock = new VirtualClock(loadClockPosition(config.dataDir) ?? config.clockStart ?? new Date(), {
      ticking: config.tickingClock,
      onMove: (now) => saveClockPosition(config.dataDir, now),
    });
    stoppers.push(async () => clock.dispose());
    stoppers.push(async () => saveClockPosition(config.dataDir, clock.now()));
    if (config.tickingClock) {
      const keepPosition = setInterval(
        () => saveClockPosition(config.dataDir, clock.now()),
        CLOCK_SAVE_INTERVAL_MS,
      );
      keepPosition.unref();
      stoppers.push(async () => clearInterval(keepPosition));
    }

    // The same composition root the Lambdas use, pointed at the stand-ins. What has no stand-in
    // is supplied here: the virtual clock, the watch runner, the key file, delivery reports.
    const idempotencyTableName = `${config.tableName}-idempotency`;
    const appEnvironment: AppEnvironment = {
      AWS_REGION: LOCAL_REGION,
      TABLE_NAME: config.tableName,
      IDEMPOTENCY_TABLE_NAME: idempotencyTableName,
      INTAKE_QUEUE_URL: sqs.intakeQueueUrl,
      ATTACHMENTS_BUCKET: attachmentsBucket,
      SENDER_ADDRESS: config.senderAddress,
      COMPLAINTS_ADDRESS: config.complaintsAddress,
      PUBLIC_BASE_URL: config.publicBaseUrl,
    };
    let slaRunner: LocalSlaRunner | undefined;
    let delivering: DeliveringMailer | undefined;
    const app = createApp(loadAppConfig(appEnvironment), {
      endpoints: { dynamoDb: dynamoDbLocal.endpoint, sqs: sqs.endpoint, ses: ses.endpoint, s3: s3.endpoint },
      clock,
      sealer: localTokenSealer(config.dataDir),
      watcher: {
        start: async (request: SlaStepInput) => {
          if (slaRunner === undefined) throw new Error('the SLA runner is not running');
          slaRunner.start(request);
        },
      },
      // Captured mail counts as delivered: each send is followed by SES's delivery event.
      wrapMailer: (sesMailer) => {
        delivering = new DeliveringMailer(sesMailer, clock);
        return delivering;
      },
    });
    stoppers.push(async () => app.close());
    const client = app.dynamoDb();
    const [{ streamArn }] = await Promise.all([
      ensureCaseTable(client, config.tableName),
      ensureIdempotencyTable(client, idempotencyTableName),
    ]);
    const streamsClient = new DynamoDBStreamsClient({
      endpoint: dynamoDbLocal.endpoint,
      region: LOCAL_REGION,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    stoppers.push(async () => streamsClient.destroy());
    const store = app.store();
    const branches = app.branches();

    // The SLA watch: the synthesized state machine, run on the virtual clock, bound to the same
    // step handler the Lambda runs.
    const slaStep = createSlaStepHandler(app.slaStep());
    const runner = new LocalSlaRunner(synthesizeSlaDefinition(), clock, (input) =>
      slaStep(input, localLambdaContext('sla-step', 60)),
    );
    slaRunner = runner;
    stoppers.push(async () => runner.stop());

    // The effects processor on the table's stream, as the deployed event source mapping feeds it.
    const streamPoller = new StreamPoller({
      client: streamsClient,
      streamArn,
      region: LOCAL_REGION,
      handler: createEffectsHandler(app.effectsProcessor()),
      context: () => localLambdaContext('effects-processor', effectsStreamSettings.processorTimeoutSeconds),
      batchSize: effectsStreamSettings.batchSize,
      retryAttempts: effectsStreamSettings.retryAttempts,
      filterPattern: effectsStreamSettings.filterPattern,
      checkpointFile: join(config.dataDir, 'effects-stream-position.json'),
    });
    streamPoller.start();
    stoppers.push(() => streamPoller.stop());
    // The poller's own client: it stands in for the event source mapping, not for a function.
    const pollerClient = createSqsClient({ endpoint: sqs.endpoint, region: LOCAL_REGION });
    stoppers.push(async () => pollerClient.destroy());
    const poller = new QueuePoller({
      client: pollerClient,
      queueUrl: sqs.intakeQueueUrl,
      queueArn: sqs.intakeQueueArn,
      region: LOCAL_REGION,
      handler: createIntakeWorkerHandler(app.intakeWorker()),
      context: () => localLambdaContext('intake-worker', intakeQueueSettings.workerTimeoutSeconds),
      batchSize: intakeQueueSettings.batchSize,
      concurrency: config.queuePollers,
    });
    poller.start();
    stoppers.push(() => poller.stop());

    const gatewayDeps = app.emailGateway();
    const gateway = createEmailGatewayHandler(gatewayDeps);
    const mailInvoker = new AsyncInvoker(
      'email gateway',
      (event: ReturnType<typeof objectCreatedEvent>) =>
        gateway(event, localLambdaContext('email-gateway', GATEWAY_TIMEOUT_SECONDS)),
      emailGatewaySettings.retryAttempts,
    );
    const smtp = await startSmtpReceiver({
      port: config.smtpPort,
      recipients: [config.complaintsAddress],
      maxBytes: 25 * 1024 * 1024,
      store: async (raw) => {
        const key = inboundObjectKey(clock.now());
        await app.objects().put(inboundBucket, key, raw, 'message/rfc822');
        return { bucket: inboundBucket, key, size: raw.length };
      },
      deliver: (object) =>
        mailInvoker.invoke(objectCreatedEvent(object.bucket, object.key, object.size, clock.now())),
    });
    stoppers.push(async () => {
      await smtp.stop();
      await mailInvoker.settle(10_000).catch(() => undefined);
    });

    // Mail answered 250 whose gateway run a crash cut short is delivered again, once the cut-short
    // run's claim on it (the gateway's timeout) has expired.
    const listingClient = createS3Client({ endpoint: s3.endpoint, region: LOCAL_REGION });
    stoppers.push(async () => listingClient.destroy());
    const redeliverMail = async () => {
      const undelivered = await undeliveredInboundMail({
        s3: listingClient,
        bucket: inboundBucket,
        mailLog: gatewayDeps.mailLog,
        now: clock.now(),
        storedBefore: new Date(Date.now() - (GATEWAY_TIMEOUT_SECONDS + 30) * 1000),
      });
      for (const object of undelivered) {
        mailInvoker.invoke(objectCreatedEvent(object.bucket, object.key, object.size, clock.now()));
      }
    };
    const redrive = async () => {
      const requeued = await redriveUnregistered(app.redriveUnregistered());
      await redeliverMail();
      return requeued;
    };
    const deliveryEvents = createDeliveryEventsHandler(app.deliveryEvents());
    app.mailer();
    const flushDeliveries = async (minAgeMs?: number) =>
      delivering?.flush(deliveryEvents, () => localLambdaContext('delivery-events', 30), minAgeMs);
    // In the background, only mail sent a while ago: its sender has stored the Message-ID.
    const deliveryTimer = setInterval(() => void flushDeliveries(500), 1000);
    deliveryTimer.unref();
    stoppers.push(async () => clearInterval(deliveryTimer));

    // Work triggers work (mail -> queue -> worker -> outbox -> SLA watch -> outbox -> delivery);
    // rounds until quiet.
    const settleAll = async (timeoutMs?: number) => {
      for (let round = 0; round < 3; round += 1) {
        await mailInvoker.settle(timeoutMs);
        await poller.settle(timeoutMs);
        await streamPoller.settle(timeoutMs);
        await runner.settle(timeoutMs);
        await streamPoller.settle(timeoutMs);
        await flushDeliveries();
      }
    };

    // Executions and the intake queue live in memory locally: after a restart (a SIGKILL
    // included), queue every complaint still only received again and watch every open case.
    for (const due of await store.findDue('9999-12-31T00:00:00.000Z')) {
      if (due.case.status === 'received') {
        await app.queue().send({ reference: due.case.reference });
        continue;
      }
      const wakeAt = nextWakeAt(due.case, {
        ladder: app.ladder,
        calendar: getCalendar(due.case.calendarId),
      });
      if (wakeAt !== undefined)
        runner.start({ reference: due.case.reference, generation: due.case.slaGeneration ?? 1, wakeAt });
    }
    const redriveTimer = setInterval(() => {
      redrive().catch(() => process.stderr.write('registration re-drive failed; will retry\n'));
    }, REDRIVE_INTERVAL_MS);
    redriveTimer.unref();
    stoppers.push(async () => clearInterval(redriveTimer));

    const caseAction = app.applyCaseAction();

    // Branches are data the admin maintains; a fresh table starts with the sample ones, and a
    // restart leaves whatever the admin changed alone.
    const existingBranches = new Set((await branches.list()).map((branch) => branch.code));
    for (const { code, input } of sampleBranches(app.config.routing, app.config.staffDirectory)) {
      if (!existingBranches.has(code)) await branches.put(code, input, clock.now());
    }
    const tokens = new DevTokenIssuer();
    const users = devUsers(Object.keys(app.config.routing.branches));
    const tokenFor = (user: string): string => {
      const claims = users[user];
      if (claims === undefined) throw new Error(`No local user ${user}`);
      return tokens.issue(claims);
    };

    const api = createApiDispatcher(apiHandlers(app), tokens);

    const routes: LocalRoute[] = [
      {
        method: 'GET',
        path: '/health',
        handle: async () =>
          json(200, {
            ok: true,
            now: clock.now().toISOString(),
            table: config.tableName,
            services: {
              dynamodb: dynamoDbLocal.endpoint,
              ses: ses.endpoint,
              sqs: sqs.endpoint,
              s3: s3.endpoint,
            },
            smtp: `127.0.0.1:${smtp.port}`,
          }),
      },
      {
        // Local only: stands in for signing in to the Cognito user pool.
        method: 'GET',
        path: '/_local/token',
        handle: async (request) => {
          const user = request.query.get('user') ?? '';
          if (users[user] === undefined) {
            return json(404, {
              error: { code: 'not_found', message: `No local user ${user}`, fields: [] },
              users: Object.keys(users),
            });
          }
          return json(200, { token: tokenFor(user), user });
        },
      },
      ...mailCaptureRoutes(ses.endpoint, () => streamPoller.settle(10_000).catch(() => undefined)),
      // A clock move also runs the re-drive, which otherwise only runs every minute of real time.
      ...clockRoutes(clock, async () => {
        await redrive();
        await settleAll();
      }),
    ];
    const server = await startHttpServer(routes, config.port, [api, ...(options.fallbacks ?? [])]);
    stoppers.push(() => closeServer(server));
    const address = server.address();
    const port = address !== null && typeof address === 'object' ? address.port : config.port;

    return {
      url: `http://127.0.0.1:${port}`,
      config,
      clock,
      store,
      dynamoDb: { endpoint: dynamoDbLocal.endpoint, client },
      ses: { endpoint: ses.endpoint },
      sqs: {
        endpoint: sqs.endpoint,
        intakeQueueUrl: sqs.intakeQueueUrl,
        deadLetterQueueUrl: sqs.deadLetterQueueUrl,
      },
      smtp: { port: smtp.port, complaintsAddress: config.complaintsAddress },
      s3: { endpoint: s3.endpoint, inboundBucket, attachmentsBucket },
      mailDeadLetters: mailInvoker.deadLetters,
      effectDeadLetters: streamPoller.deadLetters,
      slaFailures: runner.failures,
      slaTransitions: () => runner.transitions(),
      caseAction,
      tokenFor,
      settle: settleAll,
      redrive,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
};
