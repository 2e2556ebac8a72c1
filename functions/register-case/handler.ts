import { DynamoDbBranchDirectory } from '../../shared/adapters/dynamodb/branch-directory.js';
import { DynamoDbCaseStore } from '../../shared/adapters/dynamodb/dynamodb-case-store.js';
import {
  createDocumentClient,
  createDynamoDbClient,
} from '../../shared/adapters/dynamodb/dynamodb-client.js';
import { createSqsClient, SqsIntakeQueue } from '../../shared/adapters/sqs/intake-queue.js';
import { parseEnvironment } from '../../shared/config/environment.js';
import { intakeEnvironmentSchema, intakeSettingsFrom } from '../../shared/config/lambda-environment.js';
import { caseNextDueAt } from '../../shared/domain/intake/case-next-due-at.js';
import { systemClock } from '../../shared/domain/time/clock.js';
import { createRegisterCaseHandler } from './create-handler.js';

// Built once per container; the handler below is only composition.
const env = parseEnvironment(intakeEnvironmentSchema);
const documents = createDocumentClient(createDynamoDbClient({ region: env.AWS_REGION }));

export const handler = createRegisterCaseHandler({
  store: new DynamoDbCaseStore({ client: documents, tableName: env.TABLE_NAME, nextDueAt: caseNextDueAt }),
  queue: new SqsIntakeQueue(createSqsClient({ region: env.AWS_REGION }), env.INTAKE_QUEUE_URL),
  clock: systemClock,
  settings: intakeSettingsFrom(env),
  branches: new DynamoDbBranchDirectory(documents, env.TABLE_NAME),
});
