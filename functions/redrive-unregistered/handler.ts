import { z } from 'zod';
import { DynamoDbCaseStore } from '../../shared/adapters/dynamodb/dynamodb-case-store.js';
import { createDynamoDbClient } from '../../shared/adapters/dynamodb/dynamodb-client.js';
import { createSqsClient, SqsIntakeQueue } from '../../shared/adapters/sqs/intake-queue.js';
import { parseEnvironment } from '../../shared/config/environment.js';
import { caseNextDueAt } from '../../shared/domain/intake/case-next-due-at.js';
import { systemClock } from '../../shared/domain/time/clock.js';
import { createRedriveUnregisteredHandler } from './create-handler.js';

// Built once per container; the handler below is only composition.
const env = parseEnvironment(
  z.object({
    AWS_REGION: z.string().min(1),
    TABLE_NAME: z.string().min(3),
    INTAKE_QUEUE_URL: z.url(),
  }),
);
const dynamoDb = createDynamoDbClient({ region: env.AWS_REGION });

export const handler = createRedriveUnregisteredHandler({
  // Only reads the due index; nextDueAt is what the store would write, and it writes nothing here.
  store: new DynamoDbCaseStore({ client: dynamoDb, tableName: env.TABLE_NAME, nextDueAt: caseNextDueAt }),
  queue: new SqsIntakeQueue(createSqsClient({ region: env.AWS_REGION }), env.INTAKE_QUEUE_URL),
  clock: systemClock,
});
