import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { jsonErrors } from '../../shared/http/json-errors.js';
import { logger } from '../../shared/observability/logger.js';
import { createRegisterCase, type RegisterCaseDependencies } from './register-case.js';

/** POST /api/cases. Composition only; the local runtime builds the same chain. */
export const createRegisterCaseHandler = (deps: RegisterCaseDependencies) =>
  middy<APIGatewayProxyEvent, APIGatewayProxyResult>()
    .use(injectLambdaContext(logger))
    .use(jsonErrors())
    .handler(createRegisterCase(deps));
