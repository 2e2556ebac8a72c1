import { DynamoDbBranchDirectory } from '../../shared/adapters/dynamodb/branch-directory.js';
import {
  createDocumentClient,
  createDynamoDbClient,
} from '../../shared/adapters/dynamodb/dynamodb-client.js';
import { parseEnvironment } from '../../shared/config/environment.js';
import { systemClock } from '../../shared/domain/time/clock.js';
import { staffApiEnvironmentSchema } from '../../shared/schemas/staff-environment.js';
import { createBranchesHandler } from './create-handler.js';

const env = parseEnvironment(staffApiEnvironmentSchema);
const documents = createDocumentClient(createDynamoDbClient({ region: env.AWS_REGION }));

export const handler = createBranchesHandler({
  branches: new DynamoDbBranchDirectory(documents, env.TABLE_NAME),
  clock: systemClock,
});
