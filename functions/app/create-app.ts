import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDbBranchDirectory } from '../../shared/adapters/dynamodb/branch-directory.js';
import { DynamoDbCaseWalker } from '../../shared/adapters/dynamodb/case-walk.js';
import { DynamoDbCaseStore } from '../../shared/adapters/dynamodb/dynamodb-case-store.js';
import {
  createDocumentClient,
  createDynamoDbClient,
} from '../../shared/adapters/dynamodb/dynamodb-client.js';
import {
  DynamoDbInboundMailLog,
  DynamoDbSenderLedger,
  DynamoDbSentMessageIndex,
} from '../../shared/adapters/dynamodb/mail-items.js';
import { createS3Client, S3ObjectStore } from '../../shared/adapters/s3/object-store.js';
import { secretsManagerTokenSealer, type TokenSealer } from '../../shared/adapters/secrets/token-sealer.js';
import { createSesClient, type Mailer, SesMailer } from '../../shared/adapters/ses/mailer.js';
import { createSfnClient, StepFunctionsSlaWatcher } from '../../shared/adapters/sfn/sla-watcher.js';
import { createSqsClient, SqsIntakeQueue } from '../../shared/adapters/sqs/intake-queue.js';
import { type AppConfig, intakeSettingsOf, loadAppConfig, required } from '../../shared/config/app-config.js';
import { defaultEscalationLadder } from '../../shared/domain/escalation/escalation-ladder.js';
import { caseNextDueAt } from '../../shared/domain/intake/case-next-due-at.js';
import type { SlaWatcher } from '../../shared/domain/sla/sla-watch.js';
import { type Clock, systemClock } from '../../shared/domain/time/clock.js';
import { createContactDirectory } from '../../shared/notices/contact-directory.js';
import type { BranchesDependencies } from '../branches/branches.js';
import { createApplyCaseAction } from '../case-action/apply-case-action.js';
import type { CaseActionHandlerDependencies } from '../case-action/case-action.js';
import type { ComplaintStatusDependencies } from '../complaint-status/complaint-status.js';
import type { DeliveryEventDependencies } from '../delivery-events/record-delivery.js';
import type { EffectsDependencies } from '../effects-processor/process-effect.js';
import type { EmailGatewayDependencies } from '../email-gateway/process-inbound-mail.js';
import type { GetCaseDependencies } from '../get-case/get-case.js';
import type { RegisterComplaintDependencies } from '../intake-worker/register-complaint.js';
import type { ListCasesDependencies } from '../list-cases/list-cases.js';
import type { RedriveUnregisteredDependencies } from '../redrive-unregistered/create-handler.js';
import type { RegisterCaseDependencies } from '../register-case/register-case.js';
import type { SlaStepDependencies } from '../sla-step/sla-step.js';
import type { SubmitComplaintDependencies } from '../submit-complaint/submit-complaint.js';

/** Where the AWS clients point; set only by the local runtime (stand-ins on 127.0.0.1). */
export interface AppEndpoints {
  dynamoDb?: string;
  sqs?: string;
  ses?: string;
  s3?: string;
  sfn?: string;
}

/**
 * What the local runtime supplies instead of an AWS service: its virtual clock, its watch runner,
 * its key file, a mailer that also reports deliveries. In AWS none is given.
 */
export interface AppOverrides {
  endpoints?: AppEndpoints;
  clock?: Clock;
  watcher?: SlaWatcher;
  sealer?: TokenSealer;
  /** Wraps the SES mailer (locally: to report each delivery as SES would). */
  wrapMailer?: (mailer: Mailer) => Mailer;
}

/** Built on first use and kept: a function builds only the clients its service needs. */
const once = <T>(build: () => T): (() => T) => {
  let built: { value: T } | undefined;
  return () => {
    built ??= { value: build() };
    return built.value;
  };
};

/**
 * The one composition root. Every Lambda entry asks it for its service's dependencies and wraps
 * them in its middy chain; the local runtime calls it with local endpoints and keeps only the
 * emulators. Clients are created once per container and shared by everything that uses them.
 */
export const createApp = (config: AppConfig, overrides: AppOverrides = {}) => {
  const { endpoints = {} } = overrides;
  const region = config.region;
  const clock = overrides.clock ?? systemClock;
  const ladder = defaultEscalationLadder;
  // Staff handlers accept only ID tokens issued to the console client.
  const staffAudience = config.staffClientId;

  // Every client built, so the local runtime can close them when it stops.
  const clients: Array<{ destroy(): void }> = [];
  const client = <C extends { destroy(): void }>(built: C): C => {
    clients.push(built);
    return built;
  };
  const at = (endpoint: string | undefined) => ({ region, ...(endpoint ? { endpoint } : {}) });

  const dynamoDb = once((): DynamoDBClient => client(createDynamoDbClient(at(endpoints.dynamoDb))));
  const documents = once(() => createDocumentClient(dynamoDb()));
  const store = once(
    () =>
      new DynamoDbCaseStore({ client: documents(), tableName: config.tableName, nextDueAt: caseNextDueAt }),
  );
  const branches = once(() => new DynamoDbBranchDirectory(documents(), config.tableName));
  const sentMessages = once(() => new DynamoDbSentMessageIndex(documents(), config.tableName));
  const senderLedger = once(() => new DynamoDbSenderLedger(documents(), config.tableName));
  const queue = once(
    () =>
      new SqsIntakeQueue(
        client(createSqsClient(at(endpoints.sqs))),
        required(config, 'intakeQueueUrl', 'the intake queue'),
      ),
  );
  const mailer = once((): Mailer => {
    const ses = new SesMailer(client(createSesClient(at(endpoints.ses))), {
      from: required(config, 'senderAddress', 'sending mail'),
      ...(config.sesConfigurationSet ? { configurationSetName: config.sesConfigurationSet } : {}),
    });
    return overrides.wrapMailer ? overrides.wrapMailer(ses) : ses;
  });
  const watcher = once(
    (): SlaWatcher =>
      overrides.watcher ??
      new StepFunctionsSlaWatcher(
        client(createSfnClient(at(endpoints.sfn))),
        required(config, 'slaStateMachineArn', 'starting SLA watches'),
      ),
  );
  const sealer = once(
    (): TokenSealer =>
      overrides.sealer ??
      secretsManagerTokenSealer(required(config, 'tokenSealSecretArn', 'sealing status tokens'), region),
  );
  const applyCaseAction = once(() => createApplyCaseAction({ store: store(), clock, ladder }));
  const objects = once(() => new S3ObjectStore(client(createS3Client(at(endpoints.s3)))));
  // One persistence layer per idempotent operation: a layer keeps the configuration it was first used with.
  const idempotencyStore = (neededBy: string) =>
    new DynamoDBPersistenceLayer({
      tableName: required(config, 'idempotencyTableName', neededBy),
      awsSdkV3Client: dynamoDb(),
    });

  return {
    config,
    clock,
    ladder,
    store,
    branches,
    queue,
    mailer,
    watcher,
    sentMessages,
    objects,
    dynamoDb,
    /** Closes every client built (the local runtime's stop; a Lambda container never closes). */
    close: () => {
      for (const built of clients.splice(0)) built.destroy();
    },

    submitComplaint: (): SubmitComplaintDependencies => ({
      store: store(),
      queue: queue(),
      clock,
      settings: intakeSettingsOf(config, 'complaint intake'),
    }),
    complaintStatus: (): ComplaintStatusDependencies => ({ store: store() }),
    listCases: (): ListCasesDependencies => ({
      cases: new DynamoDbCaseWalker(documents(), config.tableName),
      branches: branches(),
      ladder,
      clock,
      staffAudience,
    }),
    getCase: (): GetCaseDependencies => ({
      store: store(),
      branches: branches(),
      ladder,
      clock,
      staffAudience,
    }),
    registerCase: (): RegisterCaseDependencies => ({
      store: store(),
      queue: queue(),
      clock,
      settings: intakeSettingsOf(config, 'staff registration'),
      branches: branches(),
      staffAudience,
    }),
    applyCaseAction,
    caseAction: (): CaseActionHandlerDependencies => ({
      store: store(),
      branches: branches(),
      ladder,
      apply: applyCaseAction(),
      staffAudience,
    }),
    branchesApi: (): BranchesDependencies => ({ branches: branches(), clock, staffAudience }),
    intakeWorker: (): RegisterComplaintDependencies => ({
      store: store(),
      clock,
      routing: config.routing,
      branches: branches(),
      ladder,
      sealer: sealer(),
    }),
    redriveUnregistered: (): RedriveUnregisteredDependencies => ({ store: store(), queue: queue(), clock }),
    slaStep: (): SlaStepDependencies => ({ store: store(), clock, ladder }),
    effectsProcessor: (): EffectsDependencies => ({
      store: store(),
      mailer: mailer(),
      watcher: watcher(),
      clock,
      contacts: createContactDirectory({
        branches: branches(),
        routing: config.routing,
        directory: config.staffDirectory,
      }),
      ladder,
      timeZone: config.timeZone,
      publicBaseUrl: required(config, 'publicBaseUrl', 'the effects processor'),
      complaintsAddress: required(config, 'complaintsAddress', 'the effects processor'),
      sentMessages: sentMessages(),
      sesRegion: region,
      sealer: sealer(),
      senderLedger: senderLedger(),
      idempotencyStore: idempotencyStore('the effects processor'),
    }),
    emailGateway: (): EmailGatewayDependencies => ({
      objects: objects(),
      store: store(),
      queue: queue(),
      sentMessages: sentMessages(),
      mailLog: new DynamoDbInboundMailLog(documents(), config.tableName),
      clock,
      settings: intakeSettingsOf(config, 'the e-mail gateway'),
      ourAddresses: [
        required(config, 'senderAddress', 'the e-mail gateway'),
        required(config, 'complaintsAddress', 'the e-mail gateway'),
      ],
      attachmentsBucket: required(config, 'attachmentsBucket', 'the e-mail gateway'),
      senderLedger: senderLedger(),
      idempotencyStore: idempotencyStore('the e-mail gateway'),
    }),
    deliveryEvents: (): DeliveryEventDependencies => ({
      store: store(),
      sentMessages: sentMessages(),
      clock,
    }),
  };
};

export type RedressApp = ReturnType<typeof createApp>;

/** The app of a Lambda container: its environment parsed once, at cold start. */
export const appFromEnvironment = once(() => createApp(loadAppConfig()));
