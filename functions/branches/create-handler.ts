import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { jsonErrors } from '../../shared/http/json-errors.js';
import { logger } from '../../shared/observability/logger.js';
import { type BranchesDependencies, createBranches } from './branches.js';

/** GET /api/branches and PUT /api/branches/{code}. Composition only. */
export const createBranchesHandler = (deps: BranchesDependencies) =>
  middy<APIGatewayProxyEvent, APIGatewayProxyResult>()
    .use(injectLambdaContext(logger))
    .use(jsonErrors())
    .handler(createBranches(deps));
