import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { jsonErrors } from '../../shared/http/json-errors.js';
import { logger } from '../../shared/observability/logger.js';
import { createListCases, type ListCasesDependencies } from './list-cases.js';

/** GET /api/cases. Composition only; the local runtime builds the same chain. */
export const createListCasesHandler = (deps: ListCasesDependencies) =>
  middy<APIGatewayProxyEvent, APIGatewayProxyResult>()
    .use(injectLambdaContext(logger))
    .use(jsonErrors())
    .handler(createListCases(deps));
