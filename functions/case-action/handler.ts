import { z } from 'zod';
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
import { createApplyCaseAction } from './apply-case-action.js';
import { createCaseActionHandler } from './create-handler.js';

const env = parseEnvironment(
  z.object({
    AWS_REGION: z.string().min(1),
    TABLE_NAME: z.string().min(3),
  }),
);

const documents = createDocumentClient(createDynamoDbClient({ region: env.AWS_REGION }));
const store = new DynamoDbCaseStore({
  client: documents,
  tableName: env.TABLE_NAME,
  nextDueAt: caseNextDueAt,
});

export const handler = createCaseActionHandler({
  store,
  branches: new DynamoDbBranchDirectory(documents, env.TABLE_NAME),
  ladder: defaultEscalationLadder,
  apply: createApplyCaseAction({ store, clock: systemClock, ladder: defaultEscalationLadder }),
});
