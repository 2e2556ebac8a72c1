import { DynamoDbCaseStore } from '../../shared/adapters/dynamodb/dynamodb-case-store.js';
import { createDynamoDbClient } from '../../shared/adapters/dynamodb/dynamodb-client.js';
import { createSqsClient, SqsIntakeQueue } from '../../shared/adapters/sqs/intake-queue.js';
import { parseEnvironment } from '../../shared/config/environment.js';
import { intakeEnvironmentSchema, intakeSettingsFrom } from '../../shared/config/lambda-environment.js';
import { caseNextDueAt } from '../../shared/domain/intake/case-next-due-at.js';
import { systemClock } from '../../shared/domain/time/clock.js';
import { createSubmitComplaintHandler } from './create-handler.js';

// Built once per container; the handler below is only composition.
const env = parseEnvironment(intakeEnvironmentSchema);
const dynamoDb = createDynamoDbClient({ region: env.AWS_REGION });

export const handler = createSubmitComplaintHandler({
  store: new DynamoDbCaseStore({ client: dynamoDb, tableName: env.TABLE_NAME, nextDueAt: caseNextDueAt }),
  queue: new SqsIntakeQueue(createSqsClient({ region: env.AWS_REGION }), env.INTAKE_QUEUE_URL),
  clock: systemClock,
  settings: intakeSettingsFrom(env),
});
