import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { tracer } from '../../observability/powertools.js';
import { clientEndpointConfig } from '../local-endpoint.js';

export interface DynamoDbClientOptions {
  /** A local stand-in such as DynamoDB Local; omit for the regional AWS endpoint. */
  endpoint?: string;
  region?: string;
  credentials?: DynamoDBClientConfig['credentials'];
}

export const createDynamoDbClient = (options: DynamoDbClientOptions = {}): DynamoDBClient => {
  const config: DynamoDBClientConfig = clientEndpointConfig(options.endpoint, options.region);
  if (options.credentials !== undefined) config.credentials = options.credentials;
  return tracer.captureAWSv3Client(new DynamoDBClient(config));
};

/**
 * Plain JavaScript values in and out. Optional fields the domain leaves undefined are dropped
 * rather than rejected, so an absent field is simply not stored.
 */
export const createDocumentClient = (client: DynamoDBClient): DynamoDBDocumentClient =>
  DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
    unmarshallOptions: { wrapNumbers: false },
  });
