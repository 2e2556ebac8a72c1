import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { z } from 'zod';
import { DynamoDbBranchDirectory } from '../../shared/adapters/dynamodb/branch-directory.js';
import { DynamoDbCaseStore } from '../../shared/adapters/dynamodb/dynamodb-case-store.js';
import {
  createDocumentClient,
  createDynamoDbClient,
} from '../../shared/adapters/dynamodb/dynamodb-client.js';
import { DynamoDbSentMessageIndex } from '../../shared/adapters/dynamodb/mail-items.js';
import { secretsManagerTokenSealer } from '../../shared/adapters/secrets/token-sealer.js';
import { createSesMailer } from '../../shared/adapters/ses/mailer.js';
import { createSfnClient, StepFunctionsSlaWatcher } from '../../shared/adapters/sfn/sla-watcher.js';
import { parseEnvironment } from '../../shared/config/environment.js';
import {
  intakeSettingsVariables,
  mailVariables,
  routingRulesFrom,
  routingVariables,
  staffDirectoryFrom,
  staffDirectoryVariables,
  tokenSealVariables,
} from '../../shared/config/lambda-environment.js';
import { defaultEscalationLadder } from '../../shared/domain/escalation/escalation-ladder.js';
import { caseNextDueAt } from '../../shared/domain/intake/case-next-due-at.js';
import { systemClock } from '../../shared/domain/time/clock.js';
import { createContactDirectory } from '../../shared/notices/contact-directory.js';
import { createEffectsHandler } from './create-handler.js';

const env = parseEnvironment(
  z.object({
    AWS_REGION: z.string().min(1),
    TABLE_NAME: z.string().min(3),
    IDEMPOTENCY_TABLE_NAME: z.string().min(3),
    SLA_STATE_MACHINE_ARN: z.string().startsWith('arn:'),
    ...intakeSettingsVariables,
    ...mailVariables,
    ...routingVariables,
    ...staffDirectoryVariables,
    ...tokenSealVariables,
  }),
);

const dynamoDb = createDynamoDbClient({ region: env.AWS_REGION });
const documents = createDocumentClient(dynamoDb);

export const handler = createEffectsHandler({
  store: new DynamoDbCaseStore({ client: dynamoDb, tableName: env.TABLE_NAME, nextDueAt: caseNextDueAt }),
  mailer: createSesMailer(env),
  watcher: new StepFunctionsSlaWatcher(
    createSfnClient({ region: env.AWS_REGION }),
    env.SLA_STATE_MACHINE_ARN,
  ),
  clock: systemClock,
  contacts: createContactDirectory({
    branches: new DynamoDbBranchDirectory(documents, env.TABLE_NAME),
    routing: routingRulesFrom(env.ROUTING_RULES),
    directory: staffDirectoryFrom(env.STAFF_DIRECTORY),
  }),
  ladder: defaultEscalationLadder,
  timeZone: env.BANK_TIME_ZONE,
  publicBaseUrl: env.PUBLIC_BASE_URL,
  complaintsAddress: env.COMPLAINTS_ADDRESS,
  sentMessages: new DynamoDbSentMessageIndex(documents, env.TABLE_NAME),
  sesRegion: env.AWS_REGION,
  sealer: secretsManagerTokenSealer(env.TOKEN_SEAL_SECRET_ARN, env.AWS_REGION),
  idempotencyStore: new DynamoDBPersistenceLayer({
    tableName: env.IDEMPOTENCY_TABLE_NAME,
    awsSdkV3Client: dynamoDb,
  }),
});
