import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { type ApiFunctionName, type ApiRoute, apiFunctions, apiRoutes, matchPath } from '../api-routes.js';
import type { DevTokenIssuer } from './dev-tokens.js';
import { authorizerClaims } from './dev-tokens.js';
import type { LocalRequest, LocalResponse } from './http-server.js';
import { localLambdaContext } from './lambda-context.js';
import { proxyEvent } from './proxy-event.js';

export type ApiHandler = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;

/**
 * Header and query names come from the client: `__proto__`, `constructor` or `toString` are names
 * like any other. Maps are built with Object.fromEntries (own data properties, as a Lambda's
 * JSON.parse of the event makes them), never by assignment on a plain object.
 */
const single = (headers: LocalRequest['headers']): Record<string, string> =>
  Object.fromEntries(
    Object.entries(headers).flatMap(([name, value]): [string, string][] => {
      if (typeof value === 'string') return [[name, value]];
      if (Array.isArray(value)) return [[name, value.join(',')]];
      return [];
    }),
  );

/** Every value of each query parameter, in order, keyed by name (any name). */
const multiValueQuery = (query: URLSearchParams): Record<string, string[]> => {
  const values = new Map<string, string[]>();
  for (const [name, value] of query.entries()) values.set(name, [...(values.get(name) ?? []), value]);
  return Object.fromEntries(values);
};

/** The REST API (v1) proxy event API Gateway would send for this request. */
const toProxyEvent = (
  request: LocalRequest,
  route: ApiRoute,
  pathParameters: Record<string, string>,
  claims: Record<string, string> | undefined,
): APIGatewayProxyEvent => {
  const query = multiValueQuery(request.query);
  return proxyEvent({
    method: request.method,
    resource: route.path,
    path: request.path,
    headers: single(request.headers),
    query,
    pathParameters,
    body: request.body,
    ...(claims === undefined ? {} : { claims }),
  });
};

/** The bearer token of the request, if it carries one. */
const bearerToken = (headers: Record<string, string>): string | undefined =>
  /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '')?.[1];

/**
 * Dispatches /api/* requests through the shared route table to the same handler factories
 * the Lambdas use. Unknown paths are 404, known paths with another method 405, as in AWS.
 * Staff routes need a valid local token, as the Cognito authorizer needs a valid ID token: without
 * one the handler is never called and the answer is 401.
 */
export const createApiDispatcher = (
  handlers: Record<ApiFunctionName, ApiHandler>,
  tokens: DevTokenIssuer,
) => {
  return async (request: LocalRequest): Promise<LocalResponse | undefined> => {
    if (!request.path.startsWith('/api/')) return undefined;
    const matches = apiRoutes.flatMap((route) => {
      const parameters = matchPath(route.path, request.path);
      return parameters === undefined ? [] : [{ route, parameters }];
    });
    const errorResponse = (
      status: number,
      code: string,
      message: string,
      extra: Record<string, string> = {},
    ) => ({
      status,
      headers: { 'content-type': 'application/json; charset=utf-8', ...extra },
      body: JSON.stringify({ error: { code, message, fields: [] } }),
    });
    if (matches.length === 0) return errorResponse(404, 'not_found', `No route for ${request.path}`);
    const match = matches.find((candidate) => candidate.route.method === request.method);
    if (match === undefined) {
      const allowed = [...new Set(matches.map((candidate) => candidate.route.method))].join(', ');
      return errorResponse(405, 'method_not_allowed', `Use ${allowed}`, { allow: allowed });
    }
    let claims: Record<string, string> | undefined;
    if (match.route.access === 'staff') {
      const token = bearerToken(single(request.headers));
      const verified = token === undefined ? undefined : await tokens.verify(token);
      if (verified === undefined) return errorResponse(401, 'unauthorized', 'Unauthorized');
      claims = authorizerClaims(verified);
    }
    const spec = apiFunctions[match.route.function];
    const result = await handlers[match.route.function](
      toProxyEvent(request, match.route, match.parameters, claims),
      localLambdaContext(match.route.function, spec.timeoutSeconds),
    );
    const headers = Object.fromEntries(
      Object.entries(result.headers ?? {}).map(([name, value]) => [name, String(value)]),
    );
    return { status: result.statusCode, headers, body: result.body };
  };
};
