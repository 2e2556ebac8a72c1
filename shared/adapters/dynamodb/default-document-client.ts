import { z } from 'zod';
import { createDocumentClient, createDynamoDbClient } from './dynamodb-client.js';

/**
 * The one client a Lambda uses, built once per container from its environment. Kept apart
 * from the factories so that importing them (tests, the local runtime) builds nothing.
 */
const environmentSchema = z.object({
  AWS_REGION: z.string().min(1),
  DYNAMODB_ENDPOINT: z.url().optional(),
});

const readEnvironment = (): z.infer<typeof environmentSchema> => {
  const parsed = environmentSchema.safeParse(process.env);
  if (!parsed.success) {
    const variables = parsed.error.issues.map((issue) => issue.path.join('.'));
    throw new Error(`Invalid DynamoDB configuration in environment variable(s): ${variables.join(', ')}`);
  }
  return parsed.data;
};

const environment = readEnvironment();

export const defaultDynamoDbClient = createDynamoDbClient({
  region: environment.AWS_REGION,
  endpoint: environment.DYNAMODB_ENDPOINT,
});

export const defaultDocumentClient = createDocumentClient(defaultDynamoDbClient);
