import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { jsonErrors } from '../../shared/http/json-errors.js';
import { logger } from '../../shared/observability/logger.js';
import { type CaseActionHandlerDependencies, createCaseAction } from './case-action.js';

/** POST /api/cases/{reference}/actions. Composition only; the local runtime builds the same chain. */
export const createCaseActionHandler = (deps: CaseActionHandlerDependencies) =>
  middy<APIGatewayProxyEvent, APIGatewayProxyResult>()
    .use(injectLambdaContext(logger))
    .use(jsonErrors())
    .handler(createCaseAction(deps));
