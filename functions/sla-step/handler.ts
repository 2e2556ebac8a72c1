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
import { parseEnvironment } from '../../shared/config/environment.js';
import { routingRulesFrom, routingVariables } from '../../shared/config/lambda-environment.js';
import { sampleStaffDirectory, staffDirectorySchema } from '../../shared/config/staff-directory.js';
import { defaultEscalationLadder } from '../../shared/domain/escalation/escalation-ladder.js';
import { caseNextDueAt } from '../../shared/domain/intake/case-next-due-at.js';
import { systemClock } from '../../shared/domain/time/clock.js';
import { createSlaStepHandler } from './create-handler.js';

const env = parseEnvironment(
  z.object({
    AWS_REGION: z.string().min(1),
    TABLE_NAME: z.string().min(3),
    IDEMPOTENCY_TABLE_NAME: z.string().min(3),
    SENDER_ADDRESS: z.email(),
    SES_CONFIGURATION_SET: z.string().min(1).optional(),
    BANK_TIME_ZONE: z.string().min(1).default('Asia/Shanghai'),
    /** JSON staff directory; the sample applies when unset. */
    STAFF_DIRECTORY: z.string().optional(),
    ...routingVariables,
  }),
);

const dynamoDb = createDynamoDbClient({ region: env.AWS_REGION });
const documents = createDocumentClient(dynamoDb);

export const handler = createSlaStepHandler({
  store: new DynamoDbCaseStore({ client: dynamoDb, tableName: env.TABLE_NAME, nextDueAt: caseNextDueAt }),
  mailer: createSesMailer(env),
  clock: systemClock,
  ladder: defaultEscalationLadder,
  directory:
    env.STAFF_DIRECTORY === undefined
      ? sampleStaffDirectory
      : staffDirectorySchema.parse(JSON.parse(env.STAFF_DIRECTORY)),
  branches: new DynamoDbBranchDirectory(documents, env.TABLE_NAME),
  routing: routingRulesFrom(env.ROUTING_RULES),
  timeZone: env.BANK_TIME_ZONE,
  sentMessages: new DynamoDbSentMessageIndex(documents, env.TABLE_NAME),
  sesRegion: env.AWS_REGION,
  idempotencyStore: new DynamoDBPersistenceLayer({
    tableName: env.IDEMPOTENCY_TABLE_NAME,
    awsSdkV3Client: dynamoDb,
  }),
});
