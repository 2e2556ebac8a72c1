import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { createEffectsHandler } from '../../functions/effects-processor/create-handler.js';
import type { EffectsDependencies } from '../../functions/effects-processor/process-effect.js';
import { StreamPoller } from '../../infra/local/stream-poller.js';
import { DynamoDbBranchDirectory } from '../../shared/adapters/dynamodb/branch-directory.js';
import { DynamoDbSenderLedger, DynamoDbSentMessageIndex } from '../../shared/adapters/dynamodb/mail-items.js';
import { tokenSealerFromKey } from '../../shared/adapters/secrets/token-sealer.js';
import { effectsStreamSettings } from '../../shared/config/effects-stream-settings.js';
import { defaultIntakeSettings } from '../../shared/config/intake-settings.js';
import { sampleRoutingRules } from '../../shared/config/routing-rules.js';
import { sampleStaffDirectory } from '../../shared/config/staff-directory.js';
import { defaultEscalationLadder } from '../../shared/domain/escalation/escalation-ladder.js';
import { createContactDirectory } from '../../shared/notices/contact-directory.js';
import { lambdaContext } from './intake-fixtures.js';
import type { IntakeTablesFixture } from './intake-tables.js';

/** The key the tests' sealers share, so a worker's sealed token opens in the processor. */
export const testSealer = tokenSealerFromKey('test-only-token-sealing-key-0123456789abcdef');

export interface EffectsFixture {
  poller: StreamPoller;
  /** Waits until every outbox record written so far is done (or dead-lettered). */
  settle(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The effects processor on a test table's real stream, read by the same poller the local runtime
 * uses: what a handler owes is done the way it is in AWS, after the handler returned.
 */
export const startEffects = (
  tables: IntakeTablesFixture,
  deps: Pick<EffectsDependencies, 'mailer' | 'watcher' | 'clock'> & Partial<EffectsDependencies>,
  options: { retryDelayMs?: (attempt: number) => number } = {},
): EffectsFixture => {
  const { documentClient, tableName } = tables.cases;
  const handler = createEffectsHandler({
    store: tables.store,
    contacts: createContactDirectory({
      branches: new DynamoDbBranchDirectory(documentClient, tableName),
      routing: sampleRoutingRules,
      directory: sampleStaffDirectory,
    }),
    ladder: defaultEscalationLadder,
    timeZone: defaultIntakeSettings.timeZone,
    publicBaseUrl: 'https://complaints.bank.example',
    complaintsAddress: 'complaints@bank.example',
    sentMessages: new DynamoDbSentMessageIndex(documentClient, tableName),
    senderLedger: new DynamoDbSenderLedger(documentClient, tableName),
    sesRegion: 'cn-north-1',
    sealer: testSealer,
    idempotencyStore: tables.newIdempotencyStore(),
    ...deps,
  });
  const directory = mkdtempSync(join(tmpdir(), 'effects-stream-'));
  const client = new DynamoDBStreamsClient({
    endpoint: tables.cases.endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const poller = new StreamPoller({
    client,
    streamArn: tables.cases.streamArn,
    region: 'local',
    handler,
    context: () => lambdaContext('effects-processor'),
    batchSize: effectsStreamSettings.batchSize,
    retryAttempts: effectsStreamSettings.retryAttempts,
    filterPattern: effectsStreamSettings.filterPattern,
    checkpointFile: join(directory, 'position.json'),
    ...(options.retryDelayMs === undefined ? {} : { retryDelayMs: options.retryDelayMs }),
  });
  poller.start();
  return {
    poller,
    settle: () => poller.settle(20_000),
    stop: async () => {
      await poller.stop();
      client.destroy();
      rmSync(directory, { recursive: true, force: true });
    },
  };
};
