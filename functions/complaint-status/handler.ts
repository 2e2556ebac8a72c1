import { z } from 'zod';
import { DynamoDbCaseStore } from '../../shared/adapters/dynamodb/dynamodb-case-store.js';
import { createDynamoDbClient } from '../../shared/adapters/dynamodb/dynamodb-client.js';
import { parseEnvironment } from '../../shared/config/environment.js';
import { caseNextDueAt } from '../../shared/domain/intake/case-next-due-at.js';
import { createComplaintStatusHandler } from './create-handler.js';

const env = parseEnvironment(z.object({ AWS_REGION: z.string().min(1), TABLE_NAME: z.string().min(3) }));

export const handler = createComplaintStatusHandler({
  store: new DynamoDbCaseStore({
    client: createDynamoDbClient({ region: env.AWS_REGION }),
    tableName: env.TABLE_NAME,
    nextDueAt: caseNextDueAt,
  }),
});
