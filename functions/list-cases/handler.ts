import { DynamoDbBranchDirectory } from '../../shared/adapters/dynamodb/branch-directory.js';
import { DynamoDbCaseWalker } from '../../shared/adapters/dynamodb/case-walk.js';
import {
  createDocumentClient,
  createDynamoDbClient,
} from '../../shared/adapters/dynamodb/dynamodb-client.js';
import { parseEnvironment } from '../../shared/config/environment.js';
import { defaultEscalationLadder } from '../../shared/domain/escalation/escalation-ladder.js';
import { systemClock } from '../../shared/domain/time/clock.js';
import { staffApiEnvironmentSchema } from '../../shared/schemas/staff-environment.js';
import { createListCasesHandler } from './create-handler.js';

const env = parseEnvironment(staffApiEnvironmentSchema);
const documents = createDocumentClient(createDynamoDbClient({ region: env.AWS_REGION }));

export const handler = createListCasesHandler({
  cases: new DynamoDbCaseWalker(documents, env.TABLE_NAME),
  branches: new DynamoDbBranchDirectory(documents, env.TABLE_NAME),
  ladder: defaultEscalationLadder,
  clock: systemClock,
});
