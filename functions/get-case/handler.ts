import { DynamoDbBranchDirectory } from '../../shared/adapters/dynamodb/branch-directory.js';
import { DynamoDbCaseStore } from '../../shared/adapters/dynamodb/dynamodb-case-store.js';
import {
  createDocumentClient,
  createDynamoDbClient,
} from '../../shared/adapters/dynamodb/dynamodb-client.js';
import { parseEnvironment } from '../../shared/config/environment.js';
import { defaultEscalationLadder } from '../../shared/domain/escalation/escalation-ladder.js';
import { caseNextDueAt } from '../../shared/domain/intake/case-next-due-at.js';
import { systemClock } from '../../shared/domain/time/clock.js';
import { staffApiEnvironmentSchema } from '../../shared/schemas/staff-environment.js';
import { createGetCaseHandler } from './create-handler.js';

const env = parseEnvironment(staffApiEnvironmentSchema);
const documents = createDocumentClient(createDynamoDbClient({ region: env.AWS_REGION }));

export const handler = createGetCaseHandler({
  store: new DynamoDbCaseStore({ client: documents, tableName: env.TABLE_NAME, nextDueAt: caseNextDueAt }),
  branches: new DynamoDbBranchDirectory(documents, env.TABLE_NAME),
  ladder: defaultEscalationLadder,
  clock: systemClock,
});
