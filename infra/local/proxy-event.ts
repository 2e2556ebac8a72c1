import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEvent } from 'aws-lambda';

export interface ProxyEventInput {
  method: string;
  /** The route template, e.g. `/api/complaints/{reference}`. */
  resource: string;
  path: string;
  headers?: Record<string, string>;
  /** Every value of each query parameter, in order. */
  query?: Record<string, string[]>;
  pathParameters?: Record<string, string>;
  body?: string | null;
  isBase64Encoded?: boolean;
  /** What a Cognito authorizer puts in requestContext.authorizer.claims. */
  claims?: Record<string, string>;
  sourceIp?: string;
  stage?: string;
  requestTimeEpoch?: number;
}

/** A REST API (v1) proxy event shaped as API Gateway delivers it; empty maps become null, as there. */
export const proxyEvent = (input: ProxyEventInput): APIGatewayProxyEvent => {
  const headers = input.headers ?? {};
  const query = input.query ?? {};
  const hasQuery = Object.keys(query).length > 0;
  const pathParameters = input.pathParameters ?? {};
  const stage = input.stage ?? 'local';
  return {
    resource: input.resource,
    path: input.path,
    httpMethod: input.method,
    headers,
    multiValueHeaders: Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, [value]])),
    // API Gateway's single-value map keeps the last value of a repeated parameter.
    queryStringParameters: hasQuery
      ? Object.fromEntries(
          Object.entries(query).flatMap(([name, values]) => values.slice(-1).map((v) => [name, v])),
        )
      : null,
    multiValueQueryStringParameters: hasQuery ? query : null,
    pathParameters: Object.keys(pathParameters).length > 0 ? pathParameters : null,
    stageVariables: null,
    body: input.body === undefined || input.body === '' ? null : input.body,
    isBase64Encoded: input.isBase64Encoded ?? false,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      authorizer: input.claims === undefined ? null : { claims: input.claims },
      protocol: 'HTTP/1.1',
      httpMethod: input.method,
      identity: {
        accessKey: null,
        accountId: null,
        apiKey: null,
        apiKeyId: null,
        caller: null,
        clientCert: null,
        cognitoAuthenticationProvider: null,
        cognitoAuthenticationType: null,
        cognitoIdentityId: null,
        cognitoIdentityPoolId: null,
        principalOrgId: null,
        sourceIp: input.sourceIp ?? '127.0.0.1',
        user: null,
        userAgent: headers['user-agent'] ?? null,
        userArn: null,
      },
      path: `/${stage}${input.path}`,
      stage,
      requestId: randomUUID(),
      requestTimeEpoch: input.requestTimeEpoch ?? Date.now(),
      resourceId: input.resource,
      resourcePath: input.resource,
    },
  };
};
