import { z } from 'zod';
import { DynamoDbBranchDirectory } from '../../shared/adapters/dynamodb/branch-directory.js';
import { DynamoDbCaseStore } from '../../shared/adapters/dynamodb/dynamodb-case-store.js';
import {
  createDocumentClient,
  createDynamoDbClient,
} from '../../shared/adapters/dynamodb/dynamodb-client.js';
import { secretsManagerTokenSealer } from '../../shared/adapters/secrets/token-sealer.js';
import { parseEnvironment } from '../../shared/config/environment.js';
import {
  routingRulesFrom,
  routingVariables,
  tokenSealVariables,
} from '../../shared/config/lambda-environment.js';
import { defaultEscalationLadder } from '../../shared/domain/escalation/escalation-ladder.js';
import { caseNextDueAt } from '../../shared/domain/intake/case-next-due-at.js';
import { systemClock } from '../../shared/domain/time/clock.js';
import { createIntakeWorkerHandler } from './create-handler.js';

const env = parseEnvironment(
  z.object({
    AWS_REGION: z.string().min(1),
    TABLE_NAME: z.string().min(3),
    ...routingVariables,
    ...tokenSealVariables,
  }),
);

const dynamoDb = createDynamoDbClient({ region: env.AWS_REGION });
const documents = createDocumentClient(dynamoDb);

export const handler = createIntakeWorkerHandler({
  store: new DynamoDbCaseStore({ client: dynamoDb, tableName: env.TABLE_NAME, nextDueAt: caseNextDueAt }),
  clock: systemClock,
  routing: routingRulesFrom(env.ROUTING_RULES),
  branches: new DynamoDbBranchDirectory(documents, env.TABLE_NAME),
  ladder: defaultEscalationLadder,
  sealer: secretsManagerTokenSealer(env.TOKEN_SEAL_SECRET_ARN, env.AWS_REGION),
});
