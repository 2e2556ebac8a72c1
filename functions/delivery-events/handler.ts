import { z } from 'zod';
import { DynamoDbCaseStore } from '../../shared/adapters/dynamodb/dynamodb-case-store.js';
import {
  createDocumentClient,
  createDynamoDbClient,
} from '../../shared/adapters/dynamodb/dynamodb-client.js';
import { DynamoDbSentMessageIndex } from '../../shared/adapters/dynamodb/mail-items.js';
import { parseEnvironment } from '../../shared/config/environment.js';
import { caseNextDueAt } from '../../shared/domain/intake/case-next-due-at.js';
import { systemClock } from '../../shared/domain/time/clock.js';
import { createDeliveryEventsHandler } from './create-handler.js';

const env = parseEnvironment(
  z.object({
    AWS_REGION: z.string().min(1),
    TABLE_NAME: z.string().min(3),
  }),
);

const dynamoDb = createDynamoDbClient({ region: env.AWS_REGION });

export const handler = createDeliveryEventsHandler({
  store: new DynamoDbCaseStore({ client: dynamoDb, tableName: env.TABLE_NAME, nextDueAt: caseNextDueAt }),
  sentMessages: new DynamoDbSentMessageIndex(createDocumentClient(dynamoDb), env.TABLE_NAME),
  clock: systemClock,
});
