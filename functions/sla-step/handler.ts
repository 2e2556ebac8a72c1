import { z } from 'zod';
import { DynamoDbCaseStore } from '../../shared/adapters/dynamodb/dynamodb-case-store.js';
import { createDynamoDbClient } from '../../shared/adapters/dynamodb/dynamodb-client.js';
import { parseEnvironment } from '../../shared/config/environment.js';
import { defaultEscalationLadder } from '../../shared/domain/escalation/escalation-ladder.js';
import { caseNextDueAt } from '../../shared/domain/intake/case-next-due-at.js';
import { systemClock } from '../../shared/domain/time/clock.js';
import { createSlaStepHandler } from './create-handler.js';

const env = parseEnvironment(
  z.object({
    AWS_REGION: z.string().min(1),
    TABLE_NAME: z.string().min(3),
  }),
);

export const handler = createSlaStepHandler({
  store: new DynamoDbCaseStore({
    client: createDynamoDbClient({ region: env.AWS_REGION }),
    tableName: env.TABLE_NAME,
    nextDueAt: caseNextDueAt,
  }),
  clock: systemClock,
  ladder: defaultEscalationLadder,
});
