import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { z } from 'zod';
import { DynamoDbBranchDirectory } from '../../shared/adapters/dynamodb/branch-directory.js';
import { DynamoDbCaseStore } from '../../shared/adapters/dynamodb/dynamodb-case-store.js';
import {
  createDocumentClient,
  createDynamoDbClient,
} from '../../shared/adapters/dynamodb/dynamodb-client.js';
import { DynamoDbSentMessageIndex } from '../../shared/adapters/dynamodb/mail-items.js';
import { createSesMailer } from '../../shared/adapters/ses/mailer.js';
import { createSfnClient, StepFunctionsSlaWatcher } from '../../shared/adapters/sfn/sla-watcher.js';
import { parseEnvironment } from '../../shared/config/environment.js';
import {
  intakeSettingsFrom,
  intakeSettingsVariables,
  mailVariables,
  routingRulesFrom,
  routingVariables,
} from '../../shared/config/lambda-environment.js';
import { defaultEscalationLadder } from '../../shared/domain/escalation/escalation-ladder.js';
import { caseNextDueAt } from '../../shared/domain/intake/case-next-due-at.js';
import { systemClock } from '../../shared/domain/time/clock.js';
import { createIntakeWorkerHandler } from './create-handler.js';

const env = parseEnvironment(
  z.object({
    AWS_REGION: z.string().min(1),
    TABLE_NAME: z.string().min(3),
    IDEMPOTENCY_TABLE_NAME: z.string().min(3),
    ...intakeSettingsVariables,
    ...mailVariables,
    SLA_STATE_MACHINE_ARN: z.string().startsWith('arn:'),
    ...routingVariables,
  }),
);

const routing = routingRulesFrom(env.ROUTING_RULES);
const dynamoDb = createDynamoDbClient({ region: env.AWS_REGION });
const documents = createDocumentClient(dynamoDb);

export const handler = createIntakeWorkerHandler({
  store: new DynamoDbCaseStore({ client: dynamoDb, tableName: env.TABLE_NAME, nextDueAt: caseNextDueAt }),
  mailer: createSesMailer(env),
  clock: systemClock,
  settings: intakeSettingsFrom(env),
  routing,
  branches: new DynamoDbBranchDirectory(documents, env.TABLE_NAME),
  complaintsAddress: env.COMPLAINTS_ADDRESS,
  idempotencyStore: new DynamoDBPersistenceLayer({
    tableName: env.IDEMPOTENCY_TABLE_NAME,
    awsSdkV3Client: dynamoDb,
  }),
  sentMessages: new DynamoDbSentMessageIndex(documents, env.TABLE_NAME),
  sesRegion: env.AWS_REGION,
  watcher: new StepFunctionsSlaWatcher(
    createSfnClient({ region: env.AWS_REGION }),
    env.SLA_STATE_MACHINE_ARN,
  ),
  ladder: defaultEscalationLadder,
});
