import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface DynamoDbClientOptions {
  /** A local stand-in such as DynamoDB Local; omit for the regional AWS endpoint. */
  endpoint?: string;
  region?: string;
  credentials?: DynamoDBClientConfig['credentials'];
}

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

const isLoopback = (endpoint: string): boolean => loopbackHosts.has(new URL(endpoint).hostname);

/**
 * A stand-in on this machine ignores credentials but the SDK still signs requests, so it gets
 * fixed placeholder ones instead of searching the credential chain (which fails on a dev box).
 * Anything not on loopback uses the normal chain.
 */
const localPlaceholderCredentials = { accessKeyId: 'local', secretAccessKey: 'local' };

export const createDynamoDbClient = (options: DynamoDbClientOptions = {}): DynamoDBClient => {
  const config: DynamoDBClientConfig = {};
  if (options.region !== undefined) config.region = options.region;
  if (options.endpoint !== undefined) {
    config.endpoint = options.endpoint;
    if (options.credentials === undefined && isLoopback(options.endpoint)) {
      config.credentials = localPlaceholderCredentials;
    }
  }
  if (options.credentials !== undefined) config.credentials = options.credentials;
  return new DynamoDBClient(config);
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
