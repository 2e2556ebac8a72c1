import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { jsonErrors } from '../../shared/http/json-errors.js';
import { logger } from '../../shared/observability/logger.js';
import { createGetCase, type GetCaseDependencies } from './get-case.js';

/** GET /api/cases/{reference}. Composition only; the local runtime builds the same chain. */
export const createGetCaseHandler = (deps: GetCaseDependencies) =>
  middy<APIGatewayProxyEvent, APIGatewayProxyResult>()
    .use(injectLambdaContext(logger))
    .use(jsonErrors())
    .handler(createGetCase(deps));
