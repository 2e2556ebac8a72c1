import { z } from 'zod';
import { DynamoDbBranchDirectory } from '../../shared/adapters/dynamodb/branch-directory.js';
import { DynamoDbCaseStore } from '../../shared/adapters/dynamodb/dynamodb-case-store.js';
import {
  createDocumentClient,
  createDynamoDbClient,
} from '../../shared/adapters/dynamodb/dynamodb-client.js';
import { DynamoDbSentMessageIndex } from '../../shared/adapters/dynamodb/mail-items.js';
import { createSesMailer } from '../../shared/adapters/ses/mailer.js';
import { createSfnClient, StepFunctionsSlaWatcher } from '../../shared/adapters/sfn/sla-watcher.js';
import { parseEnvironment } from '../../shared/config/environment.js';
import {
  intakeSettingsFrom,
  intakeSettingsVariables,
  mailVariables,
  routingRulesFrom,
  routingVariables,
} from '../../shared/config/lambda-environment.js';
import { defaultEscalationLadder } from '../../shared/domain/escalation/escalation-ladder.js';
import { caseNextDueAt } from '../../shared/domain/intake/case-next-due-at.js';
import { systemClock } from '../../shared/domain/time/clock.js';
import { createApplyCaseAction } from './apply-case-action.js';
import { createCaseActionHandler } from './create-handler.js';

const env = parseEnvironment(
  z.object({
    AWS_REGION: z.string().min(1),
    TABLE_NAME: z.string().min(3),
    ...intakeSettingsVariables,
    ...mailVariables,
    SLA_STATE_MACHINE_ARN: z.string().startsWith('arn:'),
    ...routingVariables,
  }),
);

const routing = routingRulesFrom(env.ROUTING_RULES);
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
  apply: createApplyCaseAction({
    store,
    mailer: createSesMailer(env),
    clock: systemClock,
    ladder: defaultEscalationLadder,
    watcher: new StepFunctionsSlaWatcher(
      createSfnClient({ region: env.AWS_REGION }),
      env.SLA_STATE_MACHINE_ARN,
    ),
    settings: intakeSettingsFrom(env),
    routing,
    branches: new DynamoDbBranchDirectory(documents, env.TABLE_NAME),
    sentMessages: new DynamoDbSentMessageIndex(documents, env.TABLE_NAME),
    sesRegion: env.AWS_REGION,
    complaintsAddress: env.COMPLAINTS_ADDRESS,
  }),
});
