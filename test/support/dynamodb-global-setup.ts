import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from '../../infra/local/dynamodb-local.js';

/**
 * One in-memory DynamoDB Local for the whole run; each integration file creates its own
 * uniquely named table in it, so files running in parallel never see each other's items.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dynamoDbLocal = await startDynamoDbLocal();
  project.provide('dynamodbEndpoint', dynamoDbLocal.endpoint);
  return async () => {
    await dynamoDbLocal.stop();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    dynamodbEndpoint: string;
  }
}
