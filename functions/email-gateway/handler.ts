import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { z } from 'zod';
import { DynamoDbCaseStore } from '../../shared/adapters/dynamodb/dynamodb-case-store.js';
import {
  createDocumentClient,
  createDynamoDbClient,
} from '../../shared/adapters/dynamodb/dynamodb-client.js';
import {
  DynamoDbInboundMailLog,
  DynamoDbSentMessageIndex,
} from '../../shared/adapters/dynamodb/mail-items.js';
import { createS3Client, S3ObjectStore } from '../../shared/adapters/s3/object-store.js';
import { createSqsClient, SqsIntakeQueue } from '../../shared/adapters/sqs/intake-queue.js';
import { parseEnvironment } from '../../shared/config/environment.js';
import { intakeSettingsFrom, intakeSettingsVariables } from '../../shared/config/lambda-environment.js';
import { caseNextDueAt } from '../../shared/domain/intake/case-next-due-at.js';
import { systemClock } from '../../shared/domain/time/clock.js';
import { createEmailGatewayHandler } from './create-handler.js';

const env = parseEnvironment(
  z.object({
    AWS_REGION: z.string().min(1),
    TABLE_NAME: z.string().min(3),
    IDEMPOTENCY_TABLE_NAME: z.string().min(3),
    INTAKE_QUEUE_URL: z.url(),
    ATTACHMENTS_BUCKET: z.string().min(3),
    SENDER_ADDRESS: z.email(),
    COMPLAINTS_ADDRESS: z.email(),
    ...intakeSettingsVariables,
  }),
);

const dynamoDb = createDynamoDbClient({ region: env.AWS_REGION });
const documents = createDocumentClient(dynamoDb);

export const handler = createEmailGatewayHandler({
  objects: new S3ObjectStore(createS3Client({ region: env.AWS_REGION })),
  store: new DynamoDbCaseStore({ client: dynamoDb, tableName: env.TABLE_NAME, nextDueAt: caseNextDueAt }),
  queue: new SqsIntakeQueue(createSqsClient({ region: env.AWS_REGION }), env.INTAKE_QUEUE_URL),
  sentMessages: new DynamoDbSentMessageIndex(documents, env.TABLE_NAME),
  mailLog: new DynamoDbInboundMailLog(documents, env.TABLE_NAME),
  clock: systemClock,
  settings: intakeSettingsFrom(env),
  ourAddresses: [env.SENDER_ADDRESS, env.COMPLAINTS_ADDRESS],
  attachmentsBucket: env.ATTACHMENTS_BUCKET,
  idempotencyStore: new DynamoDBPersistenceLayer({
    tableName: env.IDEMPOTENCY_TABLE_NAME,
    awsSdkV3Client: dynamoDb,
  }),
});
